//! Storage of data-subject requests (GDPR Art. 12, 15–22).
//!
//! The case is kept as the JSON of [`Request`]; backends also keep `status`,
//! `deadline`, `closed_on` and the hash of the requester's private link in
//! columns. Every change goes through [`RequestChange::apply`] inside the
//! write transaction. Audit entries hold [`Request::audit_view`], never the
//! requester's contact details or identity number: the trail is permanent,
//! the case is minimised on closing and purged after the retention period.

use async_trait::async_trait;
use ombud_core::audit::Actor;
use ombud_core::incident::Signature;
use ombud_core::request::{Request, RequestChange, RequestIntake};
use time::Date;

use crate::{StoreError, StoreResult};

/// Data-subject requests.
#[async_trait]
pub trait RequestStore: Send + Sync {
    /// Registers a request; its `id` and `reference` are assigned.
    /// `link_hash`: the SHA-256 (hex) of the requester's private link token,
    /// for requests made on the public page. `Conflict` when the intake
    /// breaks a rule (`rules::check_intake`), or the hash is already used.
    async fn create_request(
        &self,
        actor: &Actor,
        intake: &RequestIntake,
        created_by: Option<i64>,
        link_hash: Option<&str>,
    ) -> StoreResult<Request>;
    /// Applies `change`, signed by `signed`. `Conflict` when a rule refuses
    /// it, `NotFound` when there is no such request.
    async fn change_request(
        &self,
        actor: &Actor,
        id: i64,
        change: RequestChange,
        signed: Signature,
    ) -> StoreResult<Request>;
    async fn request(&self, id: i64) -> StoreResult<Option<Request>>;
    /// The request whose private link has this hash.
    async fn request_by_link(&self, link_hash: &str) -> StoreResult<Option<Request>>;
    /// Every request: the earliest deadline first, then by id.
    async fn requests(&self) -> StoreResult<Vec<Request>>;
    /// Deletes the closed requests with `closed_on` on or before
    /// `closed_on_or_before`, each audited as `request.purge` (with its
    /// reference only), and returns how many.
    async fn purge_requests(&self, actor: &Actor, closed_on_or_before: Date) -> StoreResult<u64>;
}

/// Reads a stored request and recomputes its derived fields.
pub fn request_from_json(text: &str) -> StoreResult<Request> {
    let mut r: Request = serde_json::from_str(text).map_err(StoreError::backend)?;
    r.refresh();
    Ok(r)
}

/// The JSON kept for a request.
pub fn request_to_json(r: &Request) -> String {
    serde_json::to_string(r).expect("requests serialise")
}

/// The refusal of a change that breaks a rule, as a store error.
pub fn request_rule_conflict(errors: &[ombud_core::request::RequestViolation]) -> StoreError {
    let text: Vec<String> = errors
        .iter()
        .map(|e| format!("{} ({})", e.message_en, e.article))
        .collect();
    StoreError::Conflict(text.join(" "))
}
