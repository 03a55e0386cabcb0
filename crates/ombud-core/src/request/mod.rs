//! Data-subject requests (GDPR Art. 12 and 15–22): the case record, its
//! deadlines, the rule checks, the access report ("registerutdrag"),
//! erasure suggestions, the per-right outcomes, the letters to the
//! requester and the minimisation of the case itself. Pure: no I/O, no clock.
//!
//! * [`RequestIntake`] is what the handler records on receipt: the [`Right`]
//!   invoked, when (`received_on`), how ([`Channel`]), in which language, who
//!   asks ([`Requester`]), what they wrote, and the scope of the case — the
//!   register's data-subject categories and systems that concern this person.
//! * [`Request`] wraps the intake with what the handler records afterwards:
//!   the [`IdentityCheck`], an [`Extension`] (Art. 12(3)), the outcome of the
//!   right ([`ErasureDecision`]s, [`RectificationOutcome`],
//!   [`RestrictionOutcome`], [`ObjectionOutcome`],
//!   [`AutomatedDecisionOutcome`], [`PortabilityOutcome`]), the data found
//!   ([`DataFound`]), the [`Answer`] and the [`Closure`]; plus the derived
//!   `reference`, `status`, `deadline` and `target_date`.
//! * [`RequestChange`] is one change; [`RequestChange::apply`] checks it
//!   against the [`rules`] and applies it, signed.
//! * [`deadline_state`] tells where the one-month clock stands on a date.
//! * [`access::access_report`] builds the Art. 15 report from the register;
//!   [`erasure::suggest_erasure`] proposes an Art. 17 decision per activity;
//!   [`letters`] writes the letters in the requester's language.
//!
//! Deadlines use [`crate::calendar::request_deadlines`] with
//! [`REQUEST_HOLIDAY_POLICY`] (`Strict1182`), the default of
//! `ombud calendar deadline`, so the CLI and a case always agree.

pub mod access;
pub mod erasure;
pub mod letters;
pub mod rules;
mod types;

pub use access::{AccessEntry, AccessItem, AccessReport, ControllerIdentity, access_report};
pub use erasure::{
    Art17Exception, ErasureDecision, ErasureOutcome, ErasureSuggestion, suggest_erasure,
};
pub use letters::{
    Letter, LetterKind, LetterSection, access_answer, acknowledgement, erasure_answer,
    extension_notice, outcome_answer,
};
pub use rules::{RequestRule, RequestViolation, RequestViolationJson};
pub use types::*;

// Dates (not instants) travel as ISO 8601 calendar dates: "2026-03-02".
time::serde::format_description!(pub(crate) iso_date, Date, "[year]-[month]-[day]");

#[cfg(test)]
mod tests;
