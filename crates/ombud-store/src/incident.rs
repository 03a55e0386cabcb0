//! Storage of personal data breaches (GDPR Art. 33(5): every breach is
//! documented, notified or not). Incidents are never deleted.
//!
//! The record is kept as the JSON of [`Incident`] (instants keep the offset
//! they were given in); backends also keep `status`, `aware_at` and
//! `imy_deadline` in columns for listing. Every change goes through
//! [`IncidentChange::apply`] inside the write transaction, so the rules of
//! `ombud_core::incident::rules` hold however the change arrives.

use async_trait::async_trait;
use ombud_core::audit::Actor;
use ombud_core::incident::{
    Incident, IncidentChange, IncidentReport, IncidentViolation, Signature,
};

use crate::{StoreError, StoreResult};

/// Breaches.
#[async_trait]
pub trait IncidentStore: Send + Sync {
    /// Records a reported breach; its `id` and `reference` are assigned.
    /// `Conflict` when the report breaks a rule (see `rules::check_report`).
    async fn create_incident(
        &self,
        actor: &Actor,
        report: &IncidentReport,
        reported_by: Option<i64>,
    ) -> StoreResult<Incident>;
    /// Applies `change`, signed by `signed`; `Conflict` when a rule refuses
    /// it (the caller should have checked `IncidentChange::errors` first),
    /// `NotFound` when there is no such incident.
    async fn change_incident(
        &self,
        actor: &Actor,
        id: i64,
        change: IncidentChange,
        signed: Signature,
    ) -> StoreResult<Incident>;
    async fn incident(&self, id: i64) -> StoreResult<Option<Incident>>;
    /// Every breach, the most recent awareness first.
    async fn incidents(&self) -> StoreResult<Vec<Incident>>;
}

/// The refusal of a change that breaks a rule, as a store error.
pub fn rule_conflict(errors: &[IncidentViolation]) -> StoreError {
    let text: Vec<String> = errors
        .iter()
        .map(|e| format!("{} ({})", e.message_en, e.article))
        .collect();
    StoreError::Conflict(text.join(" "))
}

/// Reads a stored incident and recomputes its derived fields.
pub fn incident_from_json(text: &str) -> StoreResult<Incident> {
    let mut i: Incident = serde_json::from_str(text).map_err(StoreError::backend)?;
    i.refresh();
    Ok(i)
}

/// The JSON kept for an incident.
pub fn incident_to_json(i: &Incident) -> String {
    serde_json::to_string(i).expect("incidents serialise")
}
