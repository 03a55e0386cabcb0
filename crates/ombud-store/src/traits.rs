//! The storage traits, split by area and composed into [`Store`].

use async_trait::async_trait;
use ombud_core::Role;
use ombud_core::audit::{Actor, AuditEntry};
use ombud_core::user::{Email, User};
use time::OffsetDateTime;

use crate::StoreResult;

/// A user account to create. The password is already hashed (argon2id PHC string).
#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: Email,
    pub display_name: String,
    pub role: Role,
    pub unit: Option<String>,
    pub password_hash: String,
}

/// The fields of an account an administrator may change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserUpdate {
    pub display_name: String,
    pub role: Role,
    pub unit: Option<String>,
    pub active: bool,
}

/// Accounts.
#[async_trait]
pub trait UserStore: Send + Sync {
    async fn count_users(&self) -> StoreResult<i64>;
    /// Creates an account; `Conflict` when the e-mail address is taken.
    async fn create_user(&self, actor: &Actor, user: NewUser) -> StoreResult<User>;
    /// Creates the first account, atomically refusing with `Conflict` when any account exists.
    async fn create_first_user(&self, actor: &Actor, user: NewUser) -> StoreResult<User>;
    async fn user_by_id(&self, id: i64) -> StoreResult<Option<User>>;
    async fn user_by_email(&self, email: &Email) -> StoreResult<Option<User>>;
    /// The account and its password hash, for signing in.
    async fn user_credentials(&self, email: &Email) -> StoreResult<Option<(User, String)>>;
    async fn list_users(&self) -> StoreResult<Vec<User>>;
    async fn update_user(&self, actor: &Actor, id: i64, update: UserUpdate) -> StoreResult<User>;
    async fn set_password(&self, actor: &Actor, id: i64, password_hash: &str) -> StoreResult<()>;
}

/// Server-side sessions. Only a hash of the session id is stored.
#[async_trait]
pub trait SessionStore: Send + Sync {
    async fn create_session(
        &self,
        id_hash: &str,
        user_id: i64,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()>;
    /// The active user behind an unexpired session.
    async fn session_user(&self, id_hash: &str, now: OffsetDateTime) -> StoreResult<Option<User>>;
    async fn delete_session(&self, id_hash: &str) -> StoreResult<()>;
    /// Ends every session of a user (after a password change or deactivation).
    async fn delete_user_sessions(&self, user_id: i64) -> StoreResult<()>;
    async fn delete_expired_sessions(&self, now: OffsetDateTime) -> StoreResult<u64>;
}

/// A stored API token (the token itself is never stored, only its hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    pub id: i64,
    pub user_id: i64,
    pub label: String,
    pub created_at: OffsetDateTime,
}

/// API tokens for `Authorization: Bearer …`.
#[async_trait]
pub trait TokenStore: Send + Sync {
    async fn create_token(
        &self,
        actor: &Actor,
        user_id: i64,
        token_hash: &str,
        label: &str,
    ) -> StoreResult<ApiToken>;
    /// The active user a token belongs to.
    async fn token_user(&self, token_hash: &str) -> StoreResult<Option<User>>;
}

/// Failed sign-in attempts, counted per key (a hash of the e-mail address or of the client address).
#[async_trait]
pub trait LoginThrottle: Send + Sync {
    async fn record_login_failure(&self, key: &str, at: OffsetDateTime) -> StoreResult<()>;
    async fn count_login_failures(&self, key: &str, since: OffsetDateTime) -> StoreResult<i64>;
    async fn clear_login_failures(&self, key: &str) -> StoreResult<()>;
    /// Deletes every counted attempt older than `before` (they hold client
    /// addresses, kept no longer than the limits need); returns how many.
    async fn forget_login_failures_before(&self, before: OffsetDateTime) -> StoreResult<u64>;
}

/// Which audit entries to list. Every field narrows the selection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    pub actor_id: Option<i64>,
    /// Actions starting with this text, e.g. `user.`.
    pub action_prefix: Option<String>,
    pub from: Option<OffsetDateTime>,
    pub until: Option<OffsetDateTime>,
}

/// Reading the audit trail. Appending happens inside each changing method.
#[async_trait]
pub trait AuditStore: Send + Sync {
    /// Newest first, `limit` entries after skipping `offset`.
    async fn audit_entries(
        &self,
        filter: &AuditFilter,
        limit: i64,
        offset: i64,
    ) -> StoreResult<Vec<AuditEntry>>;
    async fn audit_count(&self, filter: &AuditFilter) -> StoreResult<i64>;
    /// Entries in chain order with `seq > after_seq`, at most `limit`, for verification.
    async fn audit_chain_after(&self, after_seq: i64, limit: i64) -> StoreResult<Vec<AuditEntry>>;
    /// The head the store records with every append: last sequence number and its hash.
    async fn audit_head(&self) -> StoreResult<(i64, String)>;
}

/// Everything Ombud stores.
#[async_trait]
pub trait Store:
    UserStore
    + SessionStore
    + TokenStore
    + LoginThrottle
    + AuditStore
    + crate::RegisterStore
    + crate::IncidentStore
    + crate::SettingsStore
    + crate::RequestStore
{
    /// `sqlite` or `postgres`.
    fn backend_name(&self) -> &'static str;
    /// Checks that the database answers.
    async fn ping(&self) -> StoreResult<()>;
}

/// Verifies the whole audit chain, reading it page by page.
pub async fn verify_audit_chain(store: &dyn AuditStore) -> Result<u64, AuditVerifyError> {
    const PAGE: i64 = 1_000;
    let mut verifier = ombud_core::audit::ChainVerifier::default();
    let mut after = 0;
    loop {
        let page = store.audit_chain_after(after, PAGE).await?;
        for entry in &page {
            verifier.push(entry)?;
        }
        match page.last() {
            Some(last) if page.len() as i64 == PAGE => after = last.seq,
            _ => break,
        }
    }
    let (seq, hash) = store.audit_head().await?;
    Ok(verifier.finish(Some((seq, &hash)))?)
}

/// Why the audit trail did not verify.
#[derive(Debug, thiserror::Error)]
pub enum AuditVerifyError {
    #[error(transparent)]
    Chain(#[from] ombud_core::audit::ChainError),
    #[error(transparent)]
    Store(#[from] crate::StoreError),
}
