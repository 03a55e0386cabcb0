//! Row shapes the backends read with `sqlx::query_as!`, and their
//! conversion to domain types. The SQL differs per backend; what a row
//! means does not, so it is written once here.

use ombud_core::register::Activity;
use ombud_core::user::{Email, User};
use time::{Date, OffsetDateTime};

use crate::{ActivityRecord, ActivityVersion, StoreError, StoreResult};

/// A `users` row as read from the database.
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub unit: Option<String>,
    pub active: bool,
    pub created_at: OffsetDateTime,
}

impl TryFrom<UserRow> for User {
    type Error = StoreError;

    fn try_from(r: UserRow) -> StoreResult<User> {
        Ok(User {
            id: r.id,
            email: Email::parse(&r.email).map_err(StoreError::backend)?,
            display_name: r.display_name,
            role: r.role.parse().map_err(StoreError::backend)?,
            unit: r.unit,
            active: r.active,
            created_at: r.created_at,
        })
    }
}

/// One row of `activity_versions` with what `activities` adds to it.
pub struct VersionRow {
    pub activity_id: i64,
    pub version: i64,
    pub status: String,
    pub content: String,
    pub created_by: Option<i64>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub submitted_at: Option<OffsetDateTime>,
    pub approved_at: Option<OffsetDateTime>,
    pub reviewed_by: Option<i64>,
    pub reviewed_at: Option<OffsetDateTime>,
    pub comment: Option<String>,
    pub review_due: Option<Date>,
    pub approved_version: Option<i64>,
    pub activity_created_by: Option<i64>,
}

/// Reads a JSON text column.
pub fn json<T: serde::de::DeserializeOwned>(text: &str) -> StoreResult<T> {
    serde_json::from_str(text).map_err(StoreError::backend)
}

/// Writes a value to a JSON text column.
pub fn to_text(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).expect("register types serialise")
}

impl VersionRow {
    /// The version as an activity.
    pub fn activity(&self) -> StoreResult<Activity> {
        Ok(Activity {
            id: self.activity_id,
            status: self.status.parse().map_err(StoreError::backend)?,
            version: self.version,
            content: json(&self.content)?,
            created_at: self.created_at,
            updated_at: self.updated_at,
            submitted_at: self.submitted_at,
            approved_at: self.approved_at,
            review_due: self.review_due,
        })
    }

    /// The row as the current version of an activity.
    pub fn record(self) -> StoreResult<ActivityRecord> {
        Ok(ActivityRecord {
            current: self.activity()?,
            in_force_version: self.approved_version,
            created_by: self.activity_created_by,
            comment: self.comment,
        })
    }

    /// The row as one version in the history.
    pub fn version(self) -> StoreResult<ActivityVersion> {
        Ok(ActivityVersion {
            activity: self.activity()?,
            created_by: self.created_by,
            reviewed_by: self.reviewed_by,
            reviewed_at: self.reviewed_at,
            comment: self.comment,
        })
    }
}
