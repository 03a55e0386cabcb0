//! Appending to and reading the audit trail.

use async_trait::async_trait;
use ombud_core::audit::{AuditEntry, Change};
use ombud_store::{AuditFilter, AuditStore, StoreResult};
use sqlx::SqliteConnection;
use time::OffsetDateTime;

use crate::{SqliteStore, db_err};

/// Appends `change` to the chain inside the caller's write transaction.
pub(crate) async fn append(conn: &mut SqliteConnection, change: Change) -> StoreResult<AuditEntry> {
    let head = sqlx::query!(r#"SELECT seq AS "seq!", hash FROM audit_head WHERE id = 1"#)
        .fetch_one(&mut *conn)
        .await
        .map_err(db_err)?;
    let e = change.seal(head.seq + 1, OffsetDateTime::now_utc(), &head.hash);
    sqlx::query!(
        "INSERT INTO audit_log (seq, at, actor_id, actor, action, entity_type, entity_id, before, after, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        e.seq,
        e.at,
        e.actor_id,
        e.actor,
        e.action,
        e.entity_type,
        e.entity_id,
        e.before,
        e.after,
        e.prev_hash,
        e.hash,
    )
    .execute(&mut *conn)
    .await
    .map_err(db_err)?;
    sqlx::query!(
        "UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1",
        e.seq,
        e.hash
    )
    .execute(&mut *conn)
    .await
    .map_err(db_err)?;
    Ok(e)
}

#[async_trait]
impl AuditStore for SqliteStore {
    async fn audit_entries(
        &self,
        f: &AuditFilter,
        limit: i64,
        offset: i64,
    ) -> StoreResult<Vec<AuditEntry>> {
        sqlx::query_as!(
            AuditEntry,
            r#"SELECT seq AS "seq!", at AS "at: OffsetDateTime", actor_id, actor, action, entity_type,
                      entity_id, before, after, prev_hash, hash
               FROM audit_log
               WHERE ($1 IS NULL OR entity_type = $1)
                 AND ($2 IS NULL OR entity_id = $2)
                 AND ($3 IS NULL OR actor_id = $3)
                 AND ($4 IS NULL OR substr(action, 1, length($4)) = $4)
                 AND ($5 IS NULL OR at >= $5)
                 AND ($6 IS NULL OR at < $6)
               ORDER BY seq DESC
               LIMIT $7 OFFSET $8"#,
            f.entity_type,
            f.entity_id,
            f.actor_id,
            f.action_prefix,
            f.from,
            f.until,
            limit,
            offset,
        )
        .fetch_all(&self.pool)
        .await
        .map_err(db_err)
    }

    async fn audit_count(&self, f: &AuditFilter) -> StoreResult<i64> {
        sqlx::query_scalar!(
            r#"SELECT COUNT(*) AS "n!: i64"
               FROM audit_log
               WHERE ($1 IS NULL OR entity_type = $1)
                 AND ($2 IS NULL OR entity_id = $2)
                 AND ($3 IS NULL OR actor_id = $3)
                 AND ($4 IS NULL OR substr(action, 1, length($4)) = $4)
                 AND ($5 IS NULL OR at >= $5)
                 AND ($6 IS NULL OR at < $6)"#,
            f.entity_type,
            f.entity_id,
            f.actor_id,
            f.action_prefix,
            f.from,
            f.until,
        )
        .fetch_one(&self.pool)
        .await
        .map_err(db_err)
    }

    async fn audit_chain_after(&self, after_seq: i64, limit: i64) -> StoreResult<Vec<AuditEntry>> {
        sqlx::query_as!(
            AuditEntry,
            r#"SELECT seq AS "seq!", at AS "at: OffsetDateTime", actor_id, actor, action, entity_type,
                      entity_id, before, after, prev_hash, hash
               FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2"#,
            after_seq,
            limit,
        )
        .fetch_all(&self.pool)
        .await
        .map_err(db_err)
    }

    async fn audit_head(&self) -> StoreResult<(i64, String)> {
        let h = sqlx::query!(r#"SELECT seq AS "seq!", hash FROM audit_head WHERE id = 1"#)
            .fetch_one(&self.pool)
            .await
            .map_err(db_err)?;
        Ok((h.seq, h.hash))
    }
}
