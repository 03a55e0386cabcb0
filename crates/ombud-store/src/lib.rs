//! Ombud's storage seam: object-safe async traits that the web layer holds as
//! `Arc<dyn Store>`, the error every backend maps its driver errors to, and
//! (behind the `contract-tests` feature) the suite every backend must pass.
//!
//! Backends live in their own crates (`ombud-store-sqlite`,
//! `ombud-store-postgres`), each with its own migrations and compile-checked
//! queries. Every method that changes a record appends its audit entry in the
//! same database transaction as the change.

mod error;
mod incident;
mod register;
mod request;
pub mod rows;
mod settings;
mod traits;

#[cfg(feature = "contract-tests")]
pub mod contract;

pub use error::{StoreError, StoreResult};
pub use incident::*;
pub use register::*;
pub use request::*;
pub use settings::*;
pub use traits::*;
