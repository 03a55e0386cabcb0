//! Personal data breaches (GDPR Art. 4(12), 33 and 34): the breach record,
//! the DPO's assessment and decisions, notifications to IMY in phases, the
//! 72-hour clock and the rule checks.
//!
//! * [`IncidentReport`] is what anyone who reports a breach fills in: what
//!   happened, when (`occurred_at`, `aware_at`), how it was discovered, the
//!   systems and processing activities concerned (ids in the register), the
//!   data subjects and records, likely consequences, measures, containment.
//! * [`Incident`] wraps the report with what the DPO records: the risk
//!   [`Assessment`], the [`ImyDecision`] (Art. 33(1)), the
//!   [`SubjectsDecision`] (Art. 34, with the Art. 34(3) exceptions) and the
//!   [`Notification`]s sent to IMY (an initial notice and supplements,
//!   Art. 33(4)). Every breach is kept, notified or not (Art. 33(5)).
//! * [`IncidentChange`] is one change to an incident; [`IncidentChange::apply`]
//!   checks it against the [`rules`] and applies it. Backends call it inside
//!   their write transaction, so the rules hold whichever way a change comes.
//! * [`clock`] tells where the 72 hours stand at a given instant.
//!
//! Instants keep the offset they were given in (RFC 3339 in JSON); the
//! deadline `imy_deadline` is `aware_at` plus 72 elapsed hours
//! ([`crate::calendar::breach_notification_due`]), expressed in the offset
//! of `aware_at`.

pub mod document;
pub mod rules;
mod types;

pub use rules::{IncidentRule, IncidentViolation, IncidentViolationJson};
pub use types::*;

#[cfg(test)]
mod tests;
