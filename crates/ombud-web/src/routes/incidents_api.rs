//! `/api/v1/incidents`: personal data breaches (GDPR Art. 33–34). Anyone
//! signed in except auditors reports one; the DPO assesses it, decides on
//! notifying IMY and informing the data subjects, and records the
//! notifications. The DPO and auditors read every breach; others read the
//! ones they reported.
//!
//! Instants are RFC 3339 with an offset and are returned in the offset they
//! were given in; `imy_deadline` is `aware_at` plus 72 elapsed hours (DST
//! included), in the offset of `aware_at`.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use time::OffsetDateTime;
use utoipa::ToSchema;

use ombud_core::Role;
use ombud_core::incident::{
    Assessment, Clock, ImyDecision, Incident, IncidentChange, IncidentReport,
    IncidentViolationJson, Notification, Signature, SubjectsDecision, clock, rules,
};
use ombud_core::lang::Lang;
use ombud_core::user::User;

use crate::AppState;
use crate::ctx::Ctx;
use crate::error::{ApiError, conflict_or, json_body, unprocessable};
use crate::routes::activities_api::LangQuery;

/// A breach as the API returns it: the record and its 72-hour clock now.
#[derive(Debug, Serialize, ToSchema)]
pub struct IncidentJson {
    #[serde(flatten)]
    pub incident: Incident,
    /// Where the 72 hours stand at the time of the response.
    pub clock: Clock,
}

impl IncidentJson {
    pub fn new(incident: Incident, now: OffsetDateTime) -> Self {
        IncidentJson {
            clock: clock(&incident, now),
            incident,
        }
    }
}

/// A list of breaches, the most recent awareness first.
#[derive(Debug, Serialize, ToSchema)]
pub struct IncidentList {
    pub items: Vec<IncidentJson>,
    pub total: usize,
}

/// Rule violations: the ones refusing a change (422), or the checks of a breach.
#[derive(Debug, Serialize, ToSchema)]
pub struct IncidentViolations {
    pub violations: Vec<IncidentViolationJson>,
}

/// Whether `user` may read the breach: the DPO and auditors all; others their own.
pub(crate) fn may_see(user: &User, i: &Incident) -> bool {
    matches!(user.role, Role::Dpo | Role::Auditor) || i.reported_by == Some(user.id)
}

/// Whether `user` may correct the report: the DPO; the reporter until it is assessed.
pub(crate) fn may_edit_report(user: &User, i: &Incident) -> bool {
    user.role == Role::Dpo || (i.reported_by == Some(user.id) && i.assessment.is_none())
}

/// The language of messages: `?lang=`, else the request's.
pub(crate) fn lang_of(ctx: &Ctx, q: &LangQuery) -> Lang {
    q.lang
        .as_deref()
        .and_then(Lang::from_tag)
        .unwrap_or(ctx.lang)
}

/// The signature of the caller, now.
pub(crate) fn signature(user: &User) -> Signature {
    Signature::new(
        Some(user.id),
        user.display_name.clone(),
        OffsetDateTime::now_utc(),
    )
}

async fn load(state: &AppState, ctx: &Ctx, id: i64) -> Result<Incident, ApiError> {
    let i = state
        .store
        .incident(id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if !may_see(ctx.api_user()?, &i) {
        return Err(ApiError::not_found());
    }
    Ok(i)
}

/// Lists breaches (the DPO and auditors: all; others: the ones they reported).
#[utoipa::path(get, path = "/api/v1/incidents", tag = "incidents", security(("bearer" = [])),
    responses((status = 200, body = IncidentList), (status = 401), (status = 403)))]
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Json<IncidentList>, ApiError> {
    let me = ctx.api_user()?;
    let now = OffsetDateTime::now_utc();
    let items: Vec<IncidentJson> = state
        .store
        .incidents()
        .await?
        .into_iter()
        .filter(|i| may_see(me, i))
        .map(|i| IncidentJson::new(i, now))
        .collect();
    Ok(Json(IncidentList {
        total: items.len(),
        items,
    }))
}

/// Reports a breach. `occurred_at` and `aware_at` are required, RFC 3339 with
/// an offset; the 72 hours of Art. 33(1) run from `aware_at`. The DPO is
/// alerted by e-mail when SMTP is configured; a failure to send does not fail
/// the report.
#[utoipa::path(post, path = "/api/v1/incidents", tag = "incidents", security(("bearer" = [])), request_body = IncidentReport,
    params(LangQuery),
    responses((status = 201, body = IncidentJson), (status = 422, description = "Rule violations (`violations`) or an unreadable body (`error`)"), (status = 401), (status = 403)))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<LangQuery>,
    b: Result<Json<IncidentReport>, JsonRejection>,
) -> Result<Response, ApiError> {
    let report = json_body(b)?;
    let me = ctx.api_user()?;
    let lang = lang_of(&ctx, &q);
    let errors: Vec<_> = rules::check_report(&report)
        .into_iter()
        .filter(|v| v.is_error())
        .map(|v| v.to_json(lang))
        .collect();
    if !errors.is_empty() {
        return Ok(unprocessable(errors));
    }
    let incident = state
        .store
        .create_incident(&ctx.actor(), &report, Some(me.id))
        .await
        .map_err(conflict_or)?;
    crate::mail::spawn_breach_alert(&state, incident.clone());
    Ok((
        StatusCode::CREATED,
        Json(IncidentJson::new(incident, OffsetDateTime::now_utc())),
    )
        .into_response())
}

/// One breach.
#[utoipa::path(get, path = "/api/v1/incidents/{id}", tag = "incidents", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Incident id")),
    responses((status = 200, body = IncidentJson), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<IncidentJson>, ApiError> {
    Ok(Json(IncidentJson::new(
        load(&state, &ctx, id).await?,
        OffsetDateTime::now_utc(),
    )))
}

/// The rule checks of a breach now: an overdue notification, a pending
/// decision on data subjects, Art. 33(3) items still missing.
#[utoipa::path(get, path = "/api/v1/incidents/{id}/checks", tag = "incidents", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Incident id"), LangQuery),
    responses((status = 200, body = IncidentViolations), (status = 404, body = crate::error::ErrorBody)))]
pub async fn checks(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
) -> Result<Json<IncidentViolations>, ApiError> {
    let i = load(&state, &ctx, id).await?;
    let lang = lang_of(&ctx, &q);
    Ok(Json(IncidentViolations {
        violations: rules::check(&i, OffsetDateTime::now_utc())
            .iter()
            .map(|v| v.to_json(lang))
            .collect(),
    }))
}

/// Applies one change after checking its rules (422 with the violations).
pub(crate) async fn change(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    lang: Lang,
    change: IncidentChange,
) -> Result<Result<Incident, Vec<IncidentViolationJson>>, ApiError> {
    let i = load(state, ctx, id).await?;
    let me = ctx.api_user()?;
    if matches!(change, IncidentChange::Report(_)) {
        if !may_edit_report(me, &i) {
            return Err(ApiError::forbidden());
        }
    } else if me.role != Role::Dpo {
        return Err(ApiError::forbidden());
    }
    let errors = change.errors(&i);
    if !errors.is_empty() {
        return Ok(Err(errors.iter().map(|v| v.to_json(lang)).collect()));
    }
    let i = state
        .store
        .change_incident(&ctx.actor(), id, change, signature(me))
        .await
        .map_err(conflict_or)?;
    Ok(Ok(i))
}

async fn respond(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    q: &LangQuery,
    c: IncidentChange,
) -> Result<Response, ApiError> {
    Ok(match change(state, ctx, id, lang_of(ctx, q), c).await? {
        Ok(i) => Json(IncidentJson::new(i, OffsetDateTime::now_utc())).into_response(),
        Err(v) => unprocessable(v),
    })
}

/// Corrects or completes the report (the DPO; the reporter until it is assessed).
#[utoipa::path(put, path = "/api/v1/incidents/{id}", tag = "incidents", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Incident id"), LangQuery), request_body = IncidentReport,
    responses((status = 200, body = IncidentJson), (status = 422, body = IncidentViolations), (status = 403), (status = 404)))]
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
    b: Result<Json<IncidentReport>, JsonRejection>,
) -> Result<Response, ApiError> {
    let r = json_body(b)?;
    respond(&state, &ctx, id, &q, IncidentChange::Report(r)).await
}

/// The DPO's risk assessment, with its reasoning (Art. 33(5)). `signed` is set by the server.
#[utoipa::path(post, path = "/api/v1/incidents/{id}/assessment", tag = "incidents", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Incident id"), LangQuery), request_body = Assessment,
    responses((status = 200, body = IncidentJson), (status = 422, body = IncidentViolations), (status = 403), (status = 404)))]
pub async fn assess(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
    b: Result<Json<Assessment>, JsonRejection>,
) -> Result<Response, ApiError> {
    let a = json_body(b)?;
    respond(&state, &ctx, id, &q, IncidentChange::Assess(a)).await
}

/// The decision on notifying IMY, with its reason (Art. 33(1), 33(5)).
#[utoipa::path(post, path = "/api/v1/incidents/{id}/imy-decision", tag = "incidents", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Incident id"), LangQuery), request_body = ImyDecision,
    responses((status = 200, body = IncidentJson), (status = 422, body = IncidentViolations), (status = 403), (status = 404)))]
pub async fn decide_imy(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
    b: Result<Json<ImyDecision>, JsonRejection>,
) -> Result<Response, ApiError> {
    let d = json_body(b)?;
    respond(&state, &ctx, id, &q, IncidentChange::DecideImy(d)).await
}

/// The decision on informing the data subjects, with the Art. 34(3)
/// exception relied on, if any, and its reason.
#[utoipa::path(post, path = "/api/v1/incidents/{id}/subjects-decision", tag = "incidents", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Incident id"), LangQuery), request_body = SubjectsDecision,
    responses((status = 200, body = IncidentJson), (status = 422, body = IncidentViolations), (status = 403), (status = 404)))]
pub async fn decide_subjects(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
    b: Result<Json<SubjectsDecision>, JsonRejection>,
) -> Result<Response, ApiError> {
    let d = json_body(b)?;
    respond(&state, &ctx, id, &q, IncidentChange::DecideSubjects(d)).await
}

/// Records a notification made to IMY: `initial`, then `supplement`s
/// (Art. 33(4)). An initial one after 72 hours needs `delay_reasons` (Art. 33(1)).
#[utoipa::path(post, path = "/api/v1/incidents/{id}/notifications", tag = "incidents", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Incident id"), LangQuery), request_body = Notification,
    responses((status = 200, body = IncidentJson), (status = 422, body = IncidentViolations), (status = 403), (status = 404)))]
pub async fn notify(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
    b: Result<Json<Notification>, JsonRejection>,
) -> Result<Response, ApiError> {
    let n = json_body(b)?;
    respond(&state, &ctx, id, &q, IncidentChange::Notify(n)).await
}

/// One of the breach's documents, built from the record now:
/// `imy-notification` (every Art. 33(3) item, in the order of IMY's
/// e-service; `missing` lists what is still empty) or `letter` (the
/// communication to the data subjects, Art. 34(2)). `?lang=sv|en`.
#[utoipa::path(get, path = "/api/v1/incidents/{id}/documents/{document}", tag = "incidents", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Incident id"),
        ("document" = String, Path, description = "`imy-notification` or `letter`"), LangQuery),
    responses((status = 200, body = ombud_core::incident::document::IncidentDocument), (status = 404, body = crate::error::ErrorBody)))]
pub async fn document(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, which)): Path<(i64, String)>,
    Query(q): Query<LangQuery>,
) -> Result<Json<ombud_core::incident::document::IncidentDocument>, ApiError> {
    let i = load(&state, &ctx, id).await?;
    let lang = lang_of(&ctx, &q);
    crate::routes::incident_pages::build_document(&state, &i, &which, lang)
        .await?
        .map(Json)
        .ok_or_else(ApiError::not_found)
}
