//! Data-subject requests: one row per case, its record as JSON text. Audit
//! entries hold `Request::audit_view()`, never the requester's contact
//! details or identity number.

use async_trait::async_trait;
use ombud_core::audit::{Actor, Change};
use ombud_core::incident::Signature;
use ombud_core::request::{Request, RequestChange, RequestIntake, rules};
use ombud_store::{
    RequestStore, StoreError, StoreResult, request_from_json, request_rule_conflict,
    request_to_json,
};
use time::{Date, OffsetDateTime, UtcOffset};

use crate::audit::append;
use crate::{PgStore, db_err};

#[async_trait]
impl RequestStore for PgStore {
    async fn create_request(
        &self,
        actor: &Actor,
        intake: &RequestIntake,
        created_by: Option<i64>,
        link_hash: Option<&str>,
    ) -> StoreResult<Request> {
        let at = OffsetDateTime::now_utc().to_offset(UtcOffset::UTC);
        // The rules look at the case the intake would start.
        let draft = Request::new(0, intake.clone(), created_by, at);
        let errors: Vec<_> = rules::check_intake(&draft, intake)
            .into_iter()
            .filter(|v| v.is_error())
            .collect();
        if !errors.is_empty() {
            return Err(request_rule_conflict(&errors));
        }
        let mut tx = self.write().await?;
        let (status, deadline) = (draft.status.as_str(), draft.deadline);
        let id = sqlx::query_scalar!(
            r#"INSERT INTO requests (data, status, deadline, link_hash, created_by, created_at, updated_at)
               VALUES ('{}', $1, $2, $3, $4, $5, $5) RETURNING id AS "id!""#,
            status,
            deadline,
            link_hash,
            created_by,
            at
        )
        .fetch_one(&mut *tx)
        .await
        .map_err(db_err)?;
        let request = Request::new(id, intake.clone(), created_by, at);
        let (data, status, deadline) = (
            request_to_json(&request),
            request.status.as_str(),
            request.deadline,
        );
        sqlx::query!(
            "UPDATE requests SET data = $2, status = $3, deadline = $4 WHERE id = $1",
            id,
            data,
            status,
            deadline
        )
        .execute(&mut *tx)
        .await
        .map_err(db_err)?;
        append(
            &mut tx,
            Change::new(actor, "request.create", "request", id).after(request.audit_view()),
        )
        .await?;
        tx.commit().await.map_err(db_err)?;
        Ok(request)
    }

    async fn change_request(
        &self,
        actor: &Actor,
        id: i64,
        change: RequestChange,
        signed: Signature,
    ) -> StoreResult<Request> {
        let mut tx = self.write().await?;
        let data = sqlx::query_scalar!(r#"SELECT data AS "data!" FROM requests WHERE id = $1"#, id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(db_err)?
            .ok_or(StoreError::NotFound)?;
        let before = request_from_json(&data)?;
        let mut after = before.clone();
        let action = change.action();
        change
            .apply(&mut after, signed)
            .map_err(|e| request_rule_conflict(&e))?;
        let (data, status, deadline, closed_on, at) = (
            request_to_json(&after),
            after.status.as_str(),
            after.deadline,
            after.closure.as_ref().map(|c| c.closed_on),
            after.updated_at.to_offset(UtcOffset::UTC),
        );
        sqlx::query!(
            "UPDATE requests SET data = $2, status = $3, deadline = $4, closed_on = $5, updated_at = $6 WHERE id = $1",
            id,
            data,
            status,
            deadline,
            closed_on,
            at
        )
        .execute(&mut *tx)
        .await
        .map_err(db_err)?;
        append(
            &mut tx,
            Change::new(actor, action, "request", id)
                .before(before.audit_view())
                .after(after.audit_view()),
        )
        .await?;
        tx.commit().await.map_err(db_err)?;
        Ok(after)
    }

    async fn request(&self, id: i64) -> StoreResult<Option<Request>> {
        sqlx::query_scalar!(r#"SELECT data AS "data!" FROM requests WHERE id = $1"#, id)
            .fetch_optional(&self.pool)
            .await
            .map_err(db_err)?
            .map(|d| request_from_json(&d))
            .transpose()
    }

    async fn request_by_link(&self, link_hash: &str) -> StoreResult<Option<Request>> {
        sqlx::query_scalar!(
            r#"SELECT data AS "data!" FROM requests WHERE link_hash = $1"#,
            link_hash
        )
        .fetch_optional(&self.pool)
        .await
        .map_err(db_err)?
        .map(|d| request_from_json(&d))
        .transpose()
    }

    async fn requests(&self) -> StoreResult<Vec<Request>> {
        sqlx::query_scalar!(r#"SELECT data AS "data!" FROM requests ORDER BY deadline, id"#)
            .fetch_all(&self.pool)
            .await
            .map_err(db_err)?
            .iter()
            .map(|d| request_from_json(d))
            .collect()
    }

    async fn purge_requests(&self, actor: &Actor, closed_on_or_before: Date) -> StoreResult<u64> {
        let mut tx = self.write().await?;
        let rows = sqlx::query!(
            r#"SELECT id AS "id!", data AS "data!" FROM requests
               WHERE status = 'closed' AND closed_on IS NOT NULL AND closed_on <= $1
               ORDER BY id"#,
            closed_on_or_before
        )
        .fetch_all(&mut *tx)
        .await
        .map_err(db_err)?;
        for row in &rows {
            let request = request_from_json(&row.data)?;
            sqlx::query!("DELETE FROM requests WHERE id = $1", row.id)
                .execute(&mut *tx)
                .await
                .map_err(db_err)?;
            append(
                &mut tx,
                Change::new(actor, "request.purge", "request", row.id)
                    .before(serde_json::json!({"reference": request.reference})),
            )
            .await?;
        }
        tx.commit().await.map_err(db_err)?;
        Ok(rows.len() as u64)
    }
}
