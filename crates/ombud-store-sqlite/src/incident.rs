//! Breaches: one row per incident, its record as JSON.

use async_trait::async_trait;
use ombud_core::audit::{Actor, Change};
use ombud_core::incident::{Incident, IncidentChange, IncidentReport, Signature, rules};
use ombud_store::{
    IncidentStore, StoreError, StoreResult, incident_from_json, incident_to_json, rule_conflict,
};
use time::{OffsetDateTime, UtcOffset};

use crate::audit::append;
use crate::{SqliteStore, db_err};

fn utc(at: OffsetDateTime) -> OffsetDateTime {
    at.to_offset(UtcOffset::UTC)
}

#[async_trait]
impl IncidentStore for SqliteStore {
    async fn create_incident(
        &self,
        actor: &Actor,
        report: &IncidentReport,
        reported_by: Option<i64>,
    ) -> StoreResult<Incident> {
        let errors: Vec<_> = rules::check_report(report)
            .into_iter()
            .filter(|v| v.is_error())
            .collect();
        if !errors.is_empty() {
            return Err(rule_conflict(&errors));
        }
        let mut tx = self.write().await?;
        let at = utc(OffsetDateTime::now_utc());
        let aware = utc(report.aware_at);
        let id = sqlx::query_scalar!(
            r#"INSERT INTO incidents (data, status, aware_at, imy_deadline, reported_by, created_at, updated_at)
               VALUES ('{}', 'reported', $1, $1, $2, $3, $3) RETURNING id AS "id!""#,
            aware,
            reported_by,
            at
        )
        .fetch_one(&mut *tx)
        .await
        .map_err(db_err)?;
        let incident = Incident::new(id, report.clone(), reported_by, at);
        let (data, due) = (incident_to_json(&incident), utc(incident.imy_deadline));
        sqlx::query!(
            "UPDATE incidents SET data = $2, imy_deadline = $3 WHERE id = $1",
            id,
            data,
            due
        )
        .execute(&mut *tx)
        .await
        .map_err(db_err)?;
        append(
            &mut tx,
            Change::new(actor, "incident.create", "incident", id).after(&incident),
        )
        .await?;
        tx.commit().await.map_err(db_err)?;
        Ok(incident)
    }

    async fn change_incident(
        &self,
        actor: &Actor,
        id: i64,
        change: IncidentChange,
        signed: Signature,
    ) -> StoreResult<Incident> {
        let mut tx = self.write().await?;
        let data =
            sqlx::query_scalar!(r#"SELECT data AS "data!" FROM incidents WHERE id = $1"#, id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db_err)?
                .ok_or(StoreError::NotFound)?;
        let before = incident_from_json(&data)?;
        let mut after = before.clone();
        let action = change.action();
        change
            .apply(&mut after, signed)
            .map_err(|e| rule_conflict(&e))?;
        let (data, status, aware, due, at) = (
            incident_to_json(&after),
            after.status.as_str(),
            utc(after.report.aware_at),
            utc(after.imy_deadline),
            utc(after.updated_at),
        );
        sqlx::query!(
            "UPDATE incidents SET data = $2, status = $3, aware_at = $4, imy_deadline = $5, updated_at = $6 WHERE id = $1",
            id,
            data,
            status,
            aware,
            due,
            at
        )
        .execute(&mut *tx)
        .await
        .map_err(db_err)?;
        append(
            &mut tx,
            Change::new(actor, action, "incident", id)
                .before(&before)
                .after(&after),
        )
        .await?;
        tx.commit().await.map_err(db_err)?;
        Ok(after)
    }

    async fn incident(&self, id: i64) -> StoreResult<Option<Incident>> {
        sqlx::query_scalar!(r#"SELECT data AS "data!" FROM incidents WHERE id = $1"#, id)
            .fetch_optional(&self.pool)
            .await
            .map_err(db_err)?
            .map(|d| incident_from_json(&d))
            .transpose()
    }

    async fn incidents(&self) -> StoreResult<Vec<Incident>> {
        sqlx::query_scalar!(
            r#"SELECT data AS "data!" FROM incidents ORDER BY aware_at DESC, id DESC"#
        )
        .fetch_all(&self.pool)
        .await
        .map_err(db_err)?
        .iter()
        .map(|d| incident_from_json(d))
        .collect()
    }
}
