//! One module per subcommand.

pub mod admin;
pub mod audit;
pub mod calendar;
pub mod demo;
pub mod register;
pub mod scan;
pub mod serve;

/// A multi-threaded runtime for the subcommands that talk to the database.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("start the async runtime")
}
