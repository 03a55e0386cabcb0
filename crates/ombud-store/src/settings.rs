//! Named settings: small JSON documents whose shape the web layer defines
//! (e.g. `smtp`, the outgoing mail server). Every change is audited; fields
//! named in `secret` (passwords) are masked in the audit entry, never stored
//! there in clear.

use async_trait::async_trait;
use ombud_core::audit::Actor;
use serde_json::Value;

use crate::StoreResult;

/// Settings by key.
#[async_trait]
pub trait SettingsStore: Send + Sync {
    /// The setting, or `None` until first saved.
    async fn setting(&self, key: &str) -> StoreResult<Option<Value>>;
    /// Replaces the setting, audited as `setting.update` on entity
    /// `setting`/`key`, with the fields named in `secret` masked.
    async fn set_setting(
        &self,
        actor: &Actor,
        key: &str,
        value: &Value,
        secret: &[&str],
    ) -> StoreResult<()>;
}

/// `value` with the top-level fields named in `secret` replaced by `"***"`
/// when set, for the audit trail.
pub fn masked(value: &Value, secret: &[&str]) -> Value {
    let mut v = value.clone();
    if let Value::Object(map) = &mut v {
        for key in secret {
            if let Some(field) = map.get_mut(*key)
                && field.as_str().is_some_and(|s| !s.is_empty())
            {
                *field = Value::String("***".into());
            }
        }
    }
    v
}
