//! Ombud's domain: the types every other crate speaks in and the rules of
//! data-protection law as pure functions. Nothing here performs I/O, so every
//! rule can be tested on its own.

pub mod audit;
pub mod calendar;
pub mod lang;
pub mod register;
pub mod role;
pub mod user;

pub use role::Role;
