//! Ombud's domain: the types every other crate speaks in and the rules of
//! data-protection law as pure functions. Nothing here performs I/O, so every
//! rule can be tested on its own.

pub mod audit;
pub mod calendar;
pub mod lang;
#[macro_use]
pub mod register;
pub mod role;
pub mod user;

// After `register`, whose `labelled_enum!` it uses.
pub mod incident;
// After `incident`, whose `Signature` it shares.
pub mod request;

pub use role::Role;
