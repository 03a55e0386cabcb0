//! Named settings, one JSON document per key.

use async_trait::async_trait;
use ombud_core::audit::{Actor, Change};
use ombud_store::rows::{json, to_text};
use ombud_store::{SettingsStore, StoreResult, masked};
use serde_json::Value;
use time::OffsetDateTime;

use crate::audit::append;
use crate::{PgStore, db_err};

#[async_trait]
impl SettingsStore for PgStore {
    async fn setting(&self, key: &str) -> StoreResult<Option<Value>> {
        let row = sqlx::query_scalar!(
            r#"SELECT data AS "data!" FROM settings WHERE key = $1"#,
            key
        )
        .fetch_optional(&self.pool)
        .await
        .map_err(db_err)?;
        row.map(|t| json(&t)).transpose()
    }

    async fn set_setting(
        &self,
        actor: &Actor,
        key: &str,
        value: &Value,
        secret: &[&str],
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let before = sqlx::query_scalar!(
            r#"SELECT data AS "data!" FROM settings WHERE key = $1"#,
            key
        )
        .fetch_optional(&mut *tx)
        .await
        .map_err(db_err)?;
        let (data, at) = (to_text(value), OffsetDateTime::now_utc());
        sqlx::query!(
            "INSERT INTO settings (key, data, updated_at) VALUES ($1, $2, $3)
             ON CONFLICT (key) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
            key,
            data,
            at
        )
        .execute(&mut *tx)
        .await
        .map_err(db_err)?;
        let mut change =
            Change::new(actor, "setting.update", "setting", key).after(masked(value, secret));
        if let Some(b) = before {
            change = change.before(masked(&json::<Value>(&b)?, secret));
        }
        append(&mut tx, change).await?;
        tx.commit().await.map_err(db_err)
    }
}
