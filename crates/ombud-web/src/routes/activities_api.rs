//! `/api/v1/activities`: the register of processing activities, with the
//! same rule checks and workflow as the pages. Registrants see the register
//! in force and their own unit's work in progress, and edit only that.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};
use utoipa::ToSchema;

use ombud_core::Role;
use ombud_core::lang::Lang;
use ombud_core::register::filter::ActivityFilter;
use ombud_core::register::{
    Activity, ActivityContent, DpiaScreening, FieldChange, Status, ViolationJson,
    blocks_submission, diff, dpia_screening, validate_for_submit,
};
use ombud_core::user::User;
use ombud_store::{ActivityRecord, Transition};

use crate::AppState;
use crate::ctx::Ctx;
use crate::error::{ApiError, conflict_or, unprocessable};

/// An activity as the API returns it: the current version, plus where it stands.
/// Sending this JSON back to `POST /api/v1/activities` creates a copy as a new
/// draft; the server-owned fields are ignored.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActivityJson {
    #[serde(flatten)]
    pub activity: Activity,
    /// The version in force (approved), if any.
    pub in_force_version: Option<i64>,
    /// The reviewer's latest comment.
    pub review_comment: Option<String>,
}

impl From<ActivityRecord> for ActivityJson {
    fn from(r: ActivityRecord) -> Self {
        ActivityJson {
            activity: r.current,
            in_force_version: r.in_force_version,
            review_comment: r.comment,
        }
    }
}

/// A list of activities.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActivityList {
    pub items: Vec<ActivityJson>,
    pub total: usize,
}

/// The rule checks that block an action (HTTP 422).
#[derive(Debug, Serialize, ToSchema)]
pub struct Violations {
    pub violations: Vec<ViolationJson>,
}

/// The checks of an activity: rule violations and DPIA screening.
#[derive(Debug, Serialize, ToSchema)]
pub struct Checks {
    pub violations: Vec<ViolationJson>,
    /// Whether the errors among them block submission.
    pub blocks_submission: bool,
    pub dpia: DpiaScreening,
}

/// A reviewer's comment.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct CommentBody {
    pub comment: String,
}

/// One version in the history, with the changes from the version before it.
#[derive(Debug, Serialize, ToSchema)]
pub struct VersionJson {
    pub version: i64,
    pub status: Status,
    pub activity: Activity,
    pub created_by: Option<i64>,
    pub reviewed_by: Option<i64>,
    /// RFC 3339.
    pub reviewed_at: Option<String>,
    pub comment: Option<String>,
    pub changes: Vec<FieldChange>,
}

/// `?lang=sv|en` picks the language of messages (default: the request's).
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LangQuery {
    pub lang: Option<String>,
}

fn lang_of(ctx: &Ctx, q: &LangQuery) -> Lang {
    q.lang
        .as_deref()
        .and_then(Lang::from_tag)
        .unwrap_or(ctx.lang)
}

/// Whether the caller works on this activity's drafts: the DPO always; a
/// registrant for their own unit or what they created.
pub(crate) fn may_edit(user: &User, rec: &ActivityRecord) -> bool {
    match user.role {
        Role::Dpo => true,
        Role::Registrant => {
            rec.created_by == Some(user.id)
                || user
                    .unit
                    .as_deref()
                    .is_some_and(|u| u == rec.current.content.unit)
        }
        _ => false,
    }
}

/// Whether the caller may see it: everything for the DPO and auditors; for a
/// registrant, what is in force and their own unit's work.
pub(crate) fn may_see(user: &User, rec: &ActivityRecord) -> bool {
    user.role != Role::Registrant || rec.in_force_version.is_some() || may_edit(user, rec)
}

async fn load(state: &AppState, ctx: &Ctx, id: i64) -> Result<ActivityRecord, ApiError> {
    let rec = state
        .store
        .activity(id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if !may_see(ctx.api_user()?, &rec) {
        return Err(ApiError::not_found());
    }
    Ok(rec)
}

fn parse_content(
    body: Result<Json<ActivityContent>, JsonRejection>,
) -> Result<ActivityContent, ApiError> {
    body.map(|Json(c)| c)
        .map_err(|e| ApiError::invalid(e.body_text()))
}

/// Lists activities (current versions) with filters.
#[utoipa::path(get, path = "/api/v1/activities", tag = "register", security(("bearer" = [])), params(ActivityFilter),
    responses((status = 200, body = ActivityList), (status = 401), (status = 403)))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    filter: Result<Query<ActivityFilter>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<ActivityList>, ApiError> {
    let Query(filter) = filter.map_err(|e| ApiError::invalid(e.body_text()))?;
    let me = ctx.api_user()?;
    let today = OffsetDateTime::now_utc().date();
    let items: Vec<ActivityJson> = state
        .store
        .activities()
        .await?
        .into_iter()
        .filter(|r| may_see(me, r) && filter.matches(&r.current, today))
        .map(ActivityJson::from)
        .collect();
    Ok(Json(ActivityList {
        total: items.len(),
        items,
    }))
}

/// Creates an activity as a draft. A draft may be incomplete: the response
/// carries the activity; `GET …/checks` tells what is still missing.
#[utoipa::path(post, path = "/api/v1/activities", tag = "register", security(("bearer" = [])), request_body = ActivityContent,
    responses((status = 201, body = ActivityJson), (status = 422, body = crate::error::ErrorBody), (status = 401), (status = 403)))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    body: Result<Json<ActivityContent>, JsonRejection>,
) -> Result<Response, ApiError> {
    let mut content = parse_content(body)?;
    let me = ctx.api_user()?;
    if me.role == Role::Registrant && content.unit.trim().is_empty() {
        content.unit = me.unit.clone().unwrap_or_default();
    }
    let rec = state.store.create_activity(&ctx.actor(), &content).await?;
    Ok((StatusCode::CREATED, Json(ActivityJson::from(rec))).into_response())
}

/// One activity (current version).
#[utoipa::path(get, path = "/api/v1/activities/{id}", tag = "register", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Activity id")),
    responses((status = 200, body = ActivityJson), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<ActivityJson>, ApiError> {
    Ok(Json(load(&state, &ctx, id).await?.into()))
}

/// Saves new content: in place for a draft or an activity sent back for
/// changes; as a new draft version for an approved one, which stays in force
/// until the new version is approved.
#[utoipa::path(put, path = "/api/v1/activities/{id}", tag = "register", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Activity id")), request_body = ActivityContent,
    responses((status = 200, body = ActivityJson), (status = 409, body = crate::error::ErrorBody), (status = 404)))]
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    body: Result<Json<ActivityContent>, JsonRejection>,
) -> Result<Json<ActivityJson>, ApiError> {
    let content = parse_content(body)?;
    let rec = load(&state, &ctx, id).await?;
    if !may_edit(ctx.api_user()?, &rec) {
        return Err(ApiError::forbidden());
    }
    let rec = state
        .store
        .update_activity(&ctx.actor(), id, &content)
        .await
        .map_err(conflict_or)?;
    Ok(Json(rec.into()))
}

/// The rule checks and DPIA screening of the current version.
#[utoipa::path(get, path = "/api/v1/activities/{id}/checks", tag = "register", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Activity id"), LangQuery), responses((status = 200, body = Checks)))]
pub async fn checks(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
) -> Result<Json<Checks>, ApiError> {
    let rec = load(&state, &ctx, id).await?;
    let (org, processors) = (
        state.store.organisation().await?,
        state.store.processors().await?,
    );
    let found = validate_for_submit(&rec.current.content, &org, &processors);
    let lang = lang_of(&ctx, &q);
    Ok(Json(Checks {
        blocks_submission: blocks_submission(&found),
        violations: found.iter().map(|v| v.to_json(lang)).collect(),
        dpia: dpia_screening(&rec.current.content, &org),
    }))
}

async fn transition(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    t: Transition,
) -> Result<Response, ApiError> {
    let rec = state
        .store
        .transition_activity(&ctx.actor(), id, &t)
        .await
        .map_err(conflict_or)?;
    Ok(Json(ActivityJson::from(rec)).into_response())
}

/// Submits the activity to the DPO. Rule errors block it (422 with the
/// violations); warnings do not.
#[utoipa::path(post, path = "/api/v1/activities/{id}/submit", tag = "register", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Activity id"), LangQuery),
    responses((status = 200, body = ActivityJson), (status = 422, body = Violations), (status = 409, body = crate::error::ErrorBody)))]
pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
) -> Result<Response, ApiError> {
    let rec = load(&state, &ctx, id).await?;
    if !may_edit(ctx.api_user()?, &rec) {
        return Err(ApiError::forbidden());
    }
    if !rec.current.status.can_become(Status::Submitted) {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "conflict",
            format!(
                "an activity that is {} cannot be submitted",
                rec.current.status
            ),
        ));
    }
    let (org, processors) = (
        state.store.organisation().await?,
        state.store.processors().await?,
    );
    let found = validate_for_submit(&rec.current.content, &org, &processors);
    if blocks_submission(&found) {
        let lang = lang_of(&ctx, &q);
        return Ok(unprocessable(
            found.iter().map(|v| v.to_json(lang)).collect(),
        ));
    }
    transition(
        &state,
        &ctx,
        id,
        Transition {
            to: Status::Submitted,
            comment: None,
            review_due: None,
        },
    )
    .await
}

/// Sends the activity back to its author with a comment (DPO).
#[utoipa::path(post, path = "/api/v1/activities/{id}/request-changes", tag = "register", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Activity id")), request_body = CommentBody,
    responses((status = 200, body = ActivityJson), (status = 409, body = crate::error::ErrorBody)))]
pub async fn request_changes(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    body: Option<Json<CommentBody>>,
) -> Result<Response, ApiError> {
    let comment = body.map(|Json(b)| b.comment).unwrap_or_default();
    if comment.trim().is_empty() {
        return Err(ApiError::invalid(
            "a comment saying what to change is required",
        ));
    }
    transition(
        &state,
        &ctx,
        id,
        Transition {
            to: Status::ChangesRequested,
            comment: Some(comment),
            review_due: None,
        },
    )
    .await
}

/// Approves the submitted version: it enters the register, with its yearly
/// review due a year from today (DPO). Rule errors block approval too.
#[utoipa::path(post, path = "/api/v1/activities/{id}/approve", tag = "register", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Activity id"), LangQuery),
    responses((status = 200, body = ActivityJson), (status = 422, body = Violations), (status = 409, body = crate::error::ErrorBody)))]
pub async fn approve(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
) -> Result<Response, ApiError> {
    let rec = load(&state, &ctx, id).await?;
    let (org, processors) = (
        state.store.organisation().await?,
        state.store.processors().await?,
    );
    let found = validate_for_submit(&rec.current.content, &org, &processors);
    if blocks_submission(&found) {
        let lang = lang_of(&ctx, &q);
        return Ok(unprocessable(
            found.iter().map(|v| v.to_json(lang)).collect(),
        ));
    }
    let due = OffsetDateTime::now_utc().date() + Duration::days(365);
    transition(
        &state,
        &ctx,
        id,
        Transition {
            to: Status::Approved,
            comment: None,
            review_due: Some(due),
        },
    )
    .await
}

/// Rejects the submitted version with a reason (DPO).
#[utoipa::path(post, path = "/api/v1/activities/{id}/reject", tag = "register", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Activity id")), request_body = CommentBody,
    responses((status = 200, body = ActivityJson), (status = 409, body = crate::error::ErrorBody)))]
pub async fn reject(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    body: Option<Json<CommentBody>>,
) -> Result<Response, ApiError> {
    let comment = body.map(|Json(b)| b.comment).unwrap_or_default();
    if comment.trim().is_empty() {
        return Err(ApiError::invalid("a reason for the rejection is required"));
    }
    transition(
        &state,
        &ctx,
        id,
        Transition {
            to: Status::Rejected,
            comment: Some(comment),
            review_due: None,
        },
    )
    .await
}

/// Archives an approved activity whose processing has ended; it leaves the
/// register in force but is kept, never deleted (DPO).
#[utoipa::path(post, path = "/api/v1/activities/{id}/archive", tag = "register", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Activity id")),
    responses((status = 200, body = ActivityJson), (status = 409, body = crate::error::ErrorBody)))]
pub async fn archive(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, ApiError> {
    transition(
        &state,
        &ctx,
        id,
        Transition {
            to: Status::Archived,
            comment: None,
            review_due: None,
        },
    )
    .await
}

/// Every version, oldest first, each with the fields changed from the one before.
#[utoipa::path(get, path = "/api/v1/activities/{id}/history", tag = "register", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Activity id")), responses((status = 200, body = [VersionJson])))]
pub async fn history(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<Vec<VersionJson>>, ApiError> {
    load(&state, &ctx, id).await?;
    let versions = state.store.activity_versions(id).await?;
    let empty = ActivityContent::default();
    let mut out = Vec::with_capacity(versions.len());
    let mut prev = &empty;
    for v in &versions {
        out.push(VersionJson {
            version: v.activity.version,
            status: v.activity.status,
            activity: v.activity.clone(),
            created_by: v.created_by,
            reviewed_by: v.reviewed_by,
            reviewed_at: v.reviewed_at.and_then(|t| {
                t.format(&time::format_description::well_known::Rfc3339)
                    .ok()
            }),
            comment: v.comment.clone(),
            changes: diff(prev, &v.activity.content),
        });
        prev = &v.activity.content;
    }
    Ok(Json(out))
}
