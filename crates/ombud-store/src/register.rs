//! Storage of the register of processing activities: the organisation's
//! settings, processors, systems, and activities with their versions.
//!
//! An activity has numbered versions. The newest is the *current* version,
//! the one being worked on; the version last approved is *in force* and is
//! what the register shows and exports. Editing an approved (or rejected)
//! activity starts a new draft version while the approved one stays in force.
//! Which status changes are allowed is decided by
//! [`ombud_core::register::Status::can_become`]; the store applies a change
//! only if the current version is still in the status the caller saw.

use async_trait::async_trait;
use ombud_core::audit::Actor;
pub use ombud_core::register::import::{ImportedActivity, RegisterImport};
use ombud_core::register::{Activity, ActivityContent, Organisation, Processor, Status, System};
use time::{Date, OffsetDateTime};

use crate::StoreResult;

/// An activity as stored: its current version and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityRecord {
    /// The newest version (a draft under review, or the approved one).
    pub current: Activity,
    /// The version in force, when one has been approved (may equal `current.version`).
    pub in_force_version: Option<i64>,
    /// Who created the activity.
    pub created_by: Option<i64>,
    /// The reviewer's comment on the current version, if any.
    pub comment: Option<String>,
}

/// One version of an activity, for the history.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityVersion {
    pub activity: Activity,
    pub created_by: Option<i64>,
    pub reviewed_by: Option<i64>,
    pub reviewed_at: Option<OffsetDateTime>,
    pub comment: Option<String>,
}

/// A status change asked of the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    pub to: Status,
    /// The reviewer's comment (request changes, reject).
    pub comment: Option<String>,
    /// The next yearly review (approve).
    pub review_due: Option<Date>,
}

/// What [`RegisterStore::import_register`] stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    /// The new ids of the imported processors, in the import's order.
    pub processor_ids: Vec<i64>,
    /// The new ids of the imported systems, in the import's order.
    pub system_ids: Vec<i64>,
    /// The new ids of the imported activities, in the import's order.
    pub activity_ids: Vec<i64>,
}

/// The register.
#[async_trait]
pub trait RegisterStore: Send + Sync {
    /// The organisation's settings (defaults until first saved).
    async fn organisation(&self) -> StoreResult<Organisation>;
    async fn set_organisation(&self, actor: &Actor, org: &Organisation) -> StoreResult<()>;

    /// Creates a processor; its `id` is assigned.
    async fn create_processor(&self, actor: &Actor, p: &Processor) -> StoreResult<Processor>;
    async fn update_processor(&self, actor: &Actor, p: &Processor) -> StoreResult<Processor>;
    async fn processors(&self) -> StoreResult<Vec<Processor>>;

    /// Creates a system; its `id` is assigned.
    async fn create_system(&self, actor: &Actor, s: &System) -> StoreResult<System>;
    async fn update_system(&self, actor: &Actor, s: &System) -> StoreResult<System>;
    async fn systems(&self) -> StoreResult<Vec<System>>;

    /// Creates an activity as a draft, version 1.
    async fn create_activity(
        &self,
        actor: &Actor,
        content: &ActivityContent,
    ) -> StoreResult<ActivityRecord>;
    /// Saves new content: in place while the current version is editable
    /// (draft, changes requested); as a new draft version when it is approved
    /// or rejected; `Conflict` while submitted or archived.
    async fn update_activity(
        &self,
        actor: &Actor,
        id: i64,
        content: &ActivityContent,
    ) -> StoreResult<ActivityRecord>;
    /// Moves the current version to `t.to` if `Status::can_become` allows it
    /// from its status now; `Conflict` otherwise.
    async fn transition_activity(
        &self,
        actor: &Actor,
        id: i64,
        t: &Transition,
    ) -> StoreResult<ActivityRecord>;
    async fn activity(&self, id: i64) -> StoreResult<Option<ActivityRecord>>;
    /// Every activity, current versions, by id.
    async fn activities(&self) -> StoreResult<Vec<ActivityRecord>>;
    /// Every version of one activity, oldest first.
    async fn activity_versions(&self, id: i64) -> StoreResult<Vec<ActivityVersion>>;
    /// The register in force: the approved version of every activity that is not archived, by id.
    async fn approved_activities(&self) -> StoreResult<Vec<Activity>>;

    /// Imports a checked register ([`ombud_core::register::import::parse_register`])
    /// in one transaction: all of it or, on any error, nothing.
    ///
    /// The organisation's settings are replaced. Processors and systems are
    /// added as new records with new ids, and the activities' `processor_ids`
    /// and `system_ids` are rewritten from the import's ids to the new ones.
    /// Activities are appended as approved, version 1, with their
    /// `review_due`. Every record is audited (`organisation.import`,
    /// `processor.import`, `system.import`, `activity.import`).
    ///
    /// `Conflict`, changing nothing, when an activity's name (trimmed, case
    /// ignored) is already that of an activity in the register that is not
    /// archived, or when an activity refers to a processor or system id the
    /// import does not hold.
    async fn import_register(
        &self,
        actor: &Actor,
        import: &RegisterImport,
    ) -> StoreResult<ImportSummary>;
}

/// The transition's audit action, e.g. `activity.approve`.
pub fn transition_action(to: Status) -> &'static str {
    match to {
        Status::Draft => "activity.reopen",
        Status::Submitted => "activity.submit",
        Status::ChangesRequested => "activity.request_changes",
        Status::Approved => "activity.approve",
        Status::Rejected => "activity.reject",
        Status::Archived => "activity.archive",
    }
}
