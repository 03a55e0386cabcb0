//! The register: organisation, processors, systems, activities and versions.

use async_trait::async_trait;
use ombud_core::audit::{Actor, Change};
use ombud_core::register::{Activity, ActivityContent, Organisation, Processor, Status, System};
use ombud_store::{
    ActivityRecord, ActivityVersion, ImportSummary, RegisterImport, RegisterStore, StoreError,
    StoreResult, Transition, transition_action,
};
use std::collections::HashMap;
use time::{Date, OffsetDateTime};

use crate::audit::append;
use crate::{PgStore, db_err};
use ombud_store::rows::{VersionRow, json, to_text};

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

macro_rules! select_versions {
    ($where:literal $(, $arg:expr)*) => {
        sqlx::query_as!(
            VersionRow,
            r#"SELECT v.activity_id AS "activity_id!", v.version AS "version!", v.status AS "status!",
                      v.content AS "content!", v.created_by AS "created_by?",
                      v.created_at AS "created_at!: OffsetDateTime", v.updated_at AS "updated_at!: OffsetDateTime",
                      v.submitted_at AS "submitted_at?: OffsetDateTime", v.approved_at AS "approved_at?: OffsetDateTime",
                      v.reviewed_by AS "reviewed_by?", v.reviewed_at AS "reviewed_at?: OffsetDateTime",
                      v.comment AS "comment?", a.review_due AS "review_due?: Date",
                      a.approved_version AS "approved_version?", a.created_by AS "activity_created_by?"
               FROM activity_versions v JOIN activities a ON a.id = v.activity_id "# + $where
            $(, $arg)*
        )
    };
}

impl PgStore {
    async fn current_in(
        conn: &mut sqlx::PgConnection,
        id: i64,
    ) -> StoreResult<Option<ActivityRecord>> {
        select_versions!("WHERE a.id = $1 AND v.version = a.current_version", id)
            .fetch_optional(&mut *conn)
            .await
            .map_err(db_err)?
            .map(VersionRow::record)
            .transpose()
    }

    /// Replaces the organisation's settings, audited as `action`.
    async fn put_organisation(
        conn: &mut sqlx::PgConnection,
        actor: &Actor,
        org: &Organisation,
        action: &str,
    ) -> StoreResult<()> {
        let before =
            sqlx::query_scalar!(r#"SELECT data AS "data!" FROM organisation WHERE id = 1"#)
                .fetch_optional(&mut *conn)
                .await
                .map_err(db_err)?;
        let (data, at) = (to_text(org), now());
        sqlx::query!(
            "INSERT INTO organisation (id, data, updated_at) VALUES (1, $1, $2)
             ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
            data,
            at
        )
        .execute(&mut *conn)
        .await
        .map_err(db_err)?;
        let mut change = Change::new(actor, action, "organisation", 1).after(org);
        if let Some(b) = before {
            change = change.before(json::<serde_json::Value>(&b)?);
        }
        append(conn, change).await?;
        Ok(())
    }

    /// Inserts a processor with a new id, audited as `action`.
    async fn insert_processor(
        conn: &mut sqlx::PgConnection,
        actor: &Actor,
        p: &Processor,
        action: &str,
    ) -> StoreResult<Processor> {
        let at = now();
        let id = sqlx::query_scalar!(
            r#"INSERT INTO processors (data, created_at, updated_at) VALUES ('{}', $1, $1) RETURNING id AS "id!""#,
            at
        )
        .fetch_one(&mut *conn)
        .await
        .map_err(db_err)?;
        let p = Processor { id, ..p.clone() };
        let data = to_text(&p);
        sqlx::query!("UPDATE processors SET data = $2 WHERE id = $1", id, data)
            .execute(&mut *conn)
            .await
            .map_err(db_err)?;
        append(conn, Change::new(actor, action, "processor", id).after(&p)).await?;
        Ok(p)
    }

    /// Inserts a system with a new id, audited as `action`.
    async fn insert_system(
        conn: &mut sqlx::PgConnection,
        actor: &Actor,
        s: &System,
        action: &str,
    ) -> StoreResult<System> {
        let at = now();
        let id = sqlx::query_scalar!(
            r#"INSERT INTO systems (data, created_at, updated_at) VALUES ('{}', $1, $1) RETURNING id AS "id!""#,
            at
        )
        .fetch_one(&mut *conn)
        .await
        .map_err(db_err)?;
        let s = System { id, ..s.clone() };
        let data = to_text(&s);
        sqlx::query!("UPDATE systems SET data = $2 WHERE id = $1", id, data)
            .execute(&mut *conn)
            .await
            .map_err(db_err)?;
        append(conn, Change::new(actor, action, "system", id).after(&s)).await?;
        Ok(s)
    }
}

/// Maps an import's own id to the new one, or names what is missing.
fn remap(
    ids: &[i64],
    map: &HashMap<i64, i64>,
    what: &str,
    activity: &str,
) -> StoreResult<Vec<i64>> {
    ids.iter()
        .map(|id| {
            map.get(id).copied().ok_or_else(|| {
                StoreError::Conflict(format!(
                    "activity {activity:?} refers to {what} {id}, which the import does not hold"
                ))
            })
        })
        .collect()
}

#[async_trait]
impl RegisterStore for PgStore {
    async fn organisation(&self) -> StoreResult<Organisation> {
        let row = sqlx::query_scalar!(r#"SELECT data AS "data!" FROM organisation WHERE id = 1"#)
            .fetch_optional(&self.pool)
            .await
            .map_err(db_err)?;
        row.map(|t| json(&t))
            .unwrap_or_else(|| Ok(Organisation::default()))
    }

    async fn set_organisation(&self, actor: &Actor, org: &Organisation) -> StoreResult<()> {
        let mut tx = self.write().await?;
        Self::put_organisation(&mut tx, actor, org, "organisation.update").await?;
        tx.commit().await.map_err(db_err)
    }

    async fn create_processor(&self, actor: &Actor, p: &Processor) -> StoreResult<Processor> {
        let mut tx = self.write().await?;
        let p = Self::insert_processor(&mut tx, actor, p, "processor.create").await?;
        tx.commit().await.map_err(db_err)?;
        Ok(p)
    }

    async fn update_processor(&self, actor: &Actor, p: &Processor) -> StoreResult<Processor> {
        let mut tx = self.write().await?;
        let before = sqlx::query_scalar!(
            r#"SELECT data AS "data!" FROM processors WHERE id = $1"#,
            p.id
        )
        .fetch_optional(&mut *tx)
        .await
        .map_err(db_err)?
        .ok_or(StoreError::NotFound)?;
        let (data, at) = (to_text(p), now());
        sqlx::query!(
            "UPDATE processors SET data = $2, updated_at = $3 WHERE id = $1",
            p.id,
            data,
            at
        )
        .execute(&mut *tx)
        .await
        .map_err(db_err)?;
        let before: serde_json::Value = json(&before)?;
        append(
            &mut tx,
            Change::new(actor, "processor.update", "processor", p.id)
                .before(before)
                .after(p),
        )
        .await?;
        tx.commit().await.map_err(db_err)?;
        Ok(p.clone())
    }

    async fn processors(&self) -> StoreResult<Vec<Processor>> {
        sqlx::query_scalar!(r#"SELECT data AS "data!" FROM processors ORDER BY id"#)
            .fetch_all(&self.pool)
            .await
            .map_err(db_err)?
            .iter()
            .map(|t| json(t))
            .collect()
    }

    async fn create_system(&self, actor: &Actor, s: &System) -> StoreResult<System> {
        let mut tx = self.write().await?;
        let s = Self::insert_system(&mut tx, actor, s, "system.create").await?;
        tx.commit().await.map_err(db_err)?;
        Ok(s)
    }

    async fn update_system(&self, actor: &Actor, s: &System) -> StoreResult<System> {
        let mut tx = self.write().await?;
        let before =
            sqlx::query_scalar!(r#"SELECT data AS "data!" FROM systems WHERE id = $1"#, s.id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db_err)?
                .ok_or(StoreError::NotFound)?;
        let (data, at) = (to_text(s), now());
        sqlx::query!(
            "UPDATE systems SET data = $2, updated_at = $3 WHERE id = $1",
            s.id,
            data,
            at
        )
        .execute(&mut *tx)
        .await
        .map_err(db_err)?;
        let before: serde_json::Value = json(&before)?;
        append(
            &mut tx,
            Change::new(actor, "system.update", "system", s.id)
                .before(before)
                .after(s),
        )
        .await?;
        tx.commit().await.map_err(db_err)?;
        Ok(s.clone())
    }

    async fn systems(&self) -> StoreResult<Vec<System>> {
        sqlx::query_scalar!(r#"SELECT data AS "data!" FROM systems ORDER BY id"#)
            .fetch_all(&self.pool)
            .await
            .map_err(db_err)?
            .iter()
            .map(|t| json(t))
            .collect()
    }

    async fn create_activity(
        &self,
        actor: &Actor,
        content: &ActivityContent,
    ) -> StoreResult<ActivityRecord> {
        let mut tx = self.write().await?;
        let (at, data, by) = (now(), to_text(content), actor.user_id);
        let id = sqlx::query_scalar!(
            r#"INSERT INTO activities (current_version, created_by, created_at) VALUES (1, $1, $2) RETURNING id AS "id!""#,
            by,
            at
        )
        .fetch_one(&mut *tx)
        .await
        .map_err(db_err)?;
        sqlx::query!(
            "INSERT INTO activity_versions (activity_id, version, status, content, created_by, created_at, updated_at)
             VALUES ($1, 1, 'draft', $2, $3, $4, $4)",
            id,
            data,
            by,
            at
        )
        .execute(&mut *tx)
        .await
        .map_err(db_err)?;
        append(
            &mut tx,
            Change::new(actor, "activity.create", "activity", id).after(content),
        )
        .await?;
        let rec = Self::current_in(&mut tx, id)
            .await?
            .ok_or(StoreError::NotFound)?;
        tx.commit().await.map_err(db_err)?;
        Ok(rec)
    }

    async fn update_activity(
        &self,
        actor: &Actor,
        id: i64,
        content: &ActivityContent,
    ) -> StoreResult<ActivityRecord> {
        let mut tx = self.write().await?;
        let cur = Self::current_in(&mut tx, id)
            .await?
            .ok_or(StoreError::NotFound)?
            .current;
        let (at, data, by) = (now(), to_text(content), actor.user_id);
        let action = match cur.status {
            s if s.is_editable() => {
                sqlx::query!(
                    "UPDATE activity_versions SET content = $3, updated_at = $4 WHERE activity_id = $1 AND version = $2",
                    id,
                    cur.version,
                    data,
                    at
                )
                .execute(&mut *tx)
                .await
                .map_err(db_err)?;
                "activity.update"
            }
            Status::Approved | Status::Rejected => {
                let next = cur.version + 1;
                sqlx::query!(
                    "INSERT INTO activity_versions (activity_id, version, status, content, created_by, created_at, updated_at)
                     VALUES ($1, $2, 'draft', $3, $4, $5, $5)",
                    id,
                    next,
                    data,
                    by,
                    at
                )
                .execute(&mut *tx)
                .await
                .map_err(db_err)?;
                sqlx::query!(
                    "UPDATE activities SET current_version = $2 WHERE id = $1",
                    id,
                    next
                )
                .execute(&mut *tx)
                .await
                .map_err(db_err)?;
                "activity.new_version"
            }
            other => {
                return Err(StoreError::Conflict(format!(
                    "an activity that is {other} cannot be changed"
                )));
            }
        };
        append(
            &mut tx,
            Change::new(actor, action, "activity", id)
                .before(&cur.content)
                .after(content),
        )
        .await?;
        let rec = Self::current_in(&mut tx, id)
            .await?
            .ok_or(StoreError::NotFound)?;
        tx.commit().await.map_err(db_err)?;
        Ok(rec)
    }

    async fn transition_activity(
        &self,
        actor: &Actor,
        id: i64,
        t: &Transition,
    ) -> StoreResult<ActivityRecord> {
        let mut tx = self.write().await?;
        let cur = Self::current_in(&mut tx, id)
            .await?
            .ok_or(StoreError::NotFound)?
            .current;
        if !cur.status.can_become(t.to) {
            return Err(StoreError::Conflict(format!(
                "an activity that is {} cannot become {}",
                cur.status, t.to
            )));
        }
        let (at, by, to) = (now(), actor.user_id, t.to.as_str());
        let submitted = (t.to == Status::Submitted).then_some(at);
        let approved = (t.to == Status::Approved).then_some(at);
        let reviewed = matches!(
            t.to,
            Status::ChangesRequested | Status::Approved | Status::Rejected
        );
        let (reviewed_by, reviewed_at) = if reviewed {
            (by, Some(at))
        } else {
            (None, None)
        };
        sqlx::query!(
            "UPDATE activity_versions
             SET status = $3, updated_at = $4,
                 submitted_at = COALESCE($5, submitted_at),
                 approved_at = COALESCE($6, approved_at),
                 reviewed_by = COALESCE($7, reviewed_by),
                 reviewed_at = COALESCE($8, reviewed_at),
                 comment = COALESCE($9, comment)
             WHERE activity_id = $1 AND version = $2",
            id,
            cur.version,
            to,
            at,
            submitted,
            approved,
            reviewed_by,
            reviewed_at,
            t.comment,
        )
        .execute(&mut *tx)
        .await
        .map_err(db_err)?;
        if t.to == Status::Approved {
            sqlx::query!(
                "UPDATE activities SET approved_version = $2, review_due = $3 WHERE id = $1",
                id,
                cur.version,
                t.review_due
            )
            .execute(&mut *tx)
            .await
            .map_err(db_err)?;
        }
        let change = Change::new(actor, transition_action(t.to), "activity", id)
            .before(serde_json::json!({"status": cur.status, "version": cur.version}))
            .after(serde_json::json!({
                "status": t.to, "version": cur.version, "comment": t.comment, "review_due": t.review_due.map(|d| d.to_string())
            }));
        append(&mut tx, change).await?;
        let rec = Self::current_in(&mut tx, id)
            .await?
            .ok_or(StoreError::NotFound)?;
        tx.commit().await.map_err(db_err)?;
        Ok(rec)
    }

    async fn activity(&self, id: i64) -> StoreResult<Option<ActivityRecord>> {
        let mut conn = self.pool.acquire().await.map_err(db_err)?;
        Self::current_in(&mut conn, id).await
    }

    async fn activities(&self) -> StoreResult<Vec<ActivityRecord>> {
        select_versions!("WHERE v.version = a.current_version ORDER BY a.id")
            .fetch_all(&self.pool)
            .await
            .map_err(db_err)?
            .into_iter()
            .map(VersionRow::record)
            .collect()
    }

    async fn activity_versions(&self, id: i64) -> StoreResult<Vec<ActivityVersion>> {
        select_versions!("WHERE a.id = $1 ORDER BY v.version", id)
            .fetch_all(&self.pool)
            .await
            .map_err(db_err)?
            .into_iter()
            .map(VersionRow::version)
            .collect()
    }

    async fn approved_activities(&self) -> StoreResult<Vec<Activity>> {
        select_versions!(
            "WHERE v.version = a.approved_version AND v.status = 'approved' ORDER BY a.id"
        )
        .fetch_all(&self.pool)
        .await
        .map_err(db_err)?
        .iter()
        .map(VersionRow::activity)
        .collect()
    }

    async fn import_register(
        &self,
        actor: &Actor,
        import: &RegisterImport,
    ) -> StoreResult<ImportSummary> {
        // One transaction: an early return drops it, which rolls everything back.
        let mut tx = self.write().await?;
        let mut taken = std::collections::HashSet::new();
        for row in select_versions!("WHERE v.version = a.current_version ORDER BY a.id")
            .fetch_all(&mut *tx)
            .await
            .map_err(db_err)?
        {
            if row.status != Status::Archived.as_str() {
                taken.insert(
                    json::<ActivityContent>(&row.content)?
                        .name
                        .trim()
                        .to_lowercase(),
                );
            }
        }
        Self::put_organisation(&mut tx, actor, &import.organisation, "organisation.import").await?;
        let mut processors = HashMap::new();
        for p in &import.processors {
            let new = Self::insert_processor(&mut tx, actor, p, "processor.import").await?;
            processors.insert(p.id, new.id);
        }
        let mut systems = HashMap::new();
        for s in &import.systems {
            let new = Self::insert_system(&mut tx, actor, s, "system.import").await?;
            systems.insert(s.id, new.id);
        }
        let mut activity_ids = Vec::new();
        for a in &import.activities {
            let name = &a.content.name;
            if !taken.insert(name.trim().to_lowercase()) {
                return Err(StoreError::Conflict(format!(
                    "an activity named {name:?} is already in the register"
                )));
            }
            let mut content = a.content.clone();
            content.processor_ids = remap(&content.processor_ids, &processors, "processor", name)?;
            content.system_ids = remap(&content.system_ids, &systems, "system", name)?;
            let (at, data, by) = (now(), to_text(&content), actor.user_id);
            let id = sqlx::query_scalar!(
                r#"INSERT INTO activities (current_version, approved_version, review_due, created_by, created_at)
                   VALUES (1, 1, $1, $2, $3) RETURNING id AS "id!""#,
                a.review_due,
                by,
                at
            )
            .fetch_one(&mut *tx)
            .await
            .map_err(db_err)?;
            sqlx::query!(
                "INSERT INTO activity_versions
                   (activity_id, version, status, content, created_by, created_at, updated_at,
                    submitted_at, approved_at, reviewed_by, reviewed_at)
                 VALUES ($1, 1, 'approved', $2, $3, $4, $4, $4, $4, $3, $4)",
                id,
                data,
                by,
                at
            )
            .execute(&mut *tx)
            .await
            .map_err(db_err)?;
            append(
                &mut tx,
                Change::new(actor, "activity.import", "activity", id).after(serde_json::json!({
                    "status": Status::Approved,
                    "version": 1,
                    "review_due": a.review_due.map(|d| d.to_string()),
                    "content": content,
                })),
            )
            .await?;
            activity_ids.push(id);
        }
        tx.commit().await.map_err(db_err)?;
        Ok(ImportSummary {
            processor_ids: import
                .processors
                .iter()
                .map(|p| processors[&p.id])
                .collect(),
            system_ids: import.systems.iter().map(|s| systems[&s.id]).collect(),
            activity_ids,
        })
    }
}
