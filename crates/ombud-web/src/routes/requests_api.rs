//! `/api/v1/requests`: data-subject requests (GDPR Art. 12, 15–22). Staff
//! (everyone signed in except auditors) register requests that came by
//! letter, e-mail or phone; the DPO handles them: identity check, extension,
//! scope, the outcome of the right, the answer and closing. The DPO and
//! auditors read every case; others the ones they registered.
//!
//! `deadline` is the legal calendar's one-month deadline from `received_on`
//! (1182/71, run on to the next working day), the extended one after an
//! extension; `target_date` is the date to plan for.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use ombud_core::Role;
use ombud_core::calendar::to_stockholm;
use ombud_core::lang::Lang;
use ombud_core::request::{
    AccessReport, Answer, AutomatedDecisionOutcome, Closure, DataFound, DeadlineInfo,
    ErasureDecision, ErasureSuggestion, Extension, IdentityCheck, Letter, ObjectionOutcome,
    PortabilityOutcome, RectificationOutcome, Request, RequestChange, RequestIntake,
    RequestViolationJson, RestrictionOutcome, deadline_state, rules,
};
use ombud_core::user::User;
use ombud_store::StoreError;

use crate::AppState;
use crate::ctx::Ctx;
use crate::error::{ApiError, conflict_or, json_body, unprocessable};
use crate::routes::activities_api::LangQuery;
use crate::routes::incidents_api::{lang_of, signature};

/// Today in Stockholm: the calendar date a request arrives on.
pub fn today() -> time::Date {
    let now = OffsetDateTime::now_utc();
    to_stockholm(now).unwrap_or(now).date()
}

/// A request as the API returns it, with where its deadline stands today.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestJson {
    #[serde(flatten)]
    pub request: Request,
    pub deadline_state: DeadlineInfo,
}

impl RequestJson {
    pub fn new(request: Request) -> Self {
        RequestJson {
            deadline_state: deadline_state(&request, today()),
            request,
        }
    }
}

/// Requests, the earliest deadline first.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestList {
    pub items: Vec<RequestJson>,
    pub total: usize,
}

/// Rule violations: the ones refusing a change (422), or a case's checks.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestViolations {
    pub violations: Vec<RequestViolationJson>,
}

/// Whether `user` may read the case: the DPO and auditors all; others the ones they registered.
pub(crate) fn may_see(user: &User, r: &Request) -> bool {
    matches!(user.role, Role::Dpo | Role::Auditor) || r.created_by == Some(user.id)
}

async fn load(state: &AppState, ctx: &Ctx, id: i64) -> Result<Request, ApiError> {
    let r = state
        .store
        .request(id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if !may_see(ctx.api_user()?, &r) {
        return Err(ApiError::not_found());
    }
    Ok(r)
}

/// The blocking violations of a new intake.
pub(crate) fn intake_errors(intake: &RequestIntake, lang: Lang) -> Vec<RequestViolationJson> {
    let probe = Request::new(0, intake.clone(), None, OffsetDateTime::now_utc());
    rules::check_intake(&probe, intake)
        .into_iter()
        .filter(|v| v.is_error())
        .map(|v| v.to_json(lang))
        .collect()
}

/// Lists requests (the DPO and auditors: all; others: the ones they registered).
#[utoipa::path(get, path = "/api/v1/requests", tag = "requests", security(("bearer" = [])),
    responses((status = 200, body = RequestList), (status = 401), (status = 403)))]
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Json<RequestList>, ApiError> {
    let me = ctx.api_user()?;
    let items: Vec<RequestJson> = state
        .store
        .requests()
        .await?
        .into_iter()
        .filter(|r| may_see(me, r))
        .map(RequestJson::new)
        .collect();
    Ok(Json(RequestList {
        total: items.len(),
        items,
    }))
}

/// Registers a request that came by letter, e-mail, phone or in person.
/// Required: `right` (`access`, `rectification`, `erasure`, `restriction`,
/// `portability`, `objection`, `automated_decision`), `received_on`
/// (`YYYY-MM-DD`), `language` (`sv` or `en`), `requester` (`{name, email,
/// phone, address, identity_number, other}`, or one line of text). Answers
/// 201 with `id`, `reference` and `deadline` (`YYYY-MM-DD`).
#[utoipa::path(post, path = "/api/v1/requests", tag = "requests", security(("bearer" = [])), request_body = RequestIntake,
    params(LangQuery),
    responses((status = 201, body = RequestJson), (status = 422, description = "Rule violations (`violations`) or an unreadable body (`error`)"), (status = 401), (status = 403)))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<LangQuery>,
    b: Result<Json<RequestIntake>, JsonRejection>,
) -> Result<Response, ApiError> {
    let intake = json_body(b)?;
    let me = ctx.api_user()?;
    let errors = intake_errors(&intake, lang_of(&ctx, &q));
    if !errors.is_empty() {
        return Ok(unprocessable(errors));
    }
    let r = state
        .store
        .create_request(&ctx.actor(), &intake, Some(me.id), None)
        .await
        .map_err(conflict_or)?;
    Ok((StatusCode::CREATED, Json(RequestJson::new(r))).into_response())
}

/// One request.
#[utoipa::path(get, path = "/api/v1/requests/{id}", tag = "requests", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Request id")),
    responses((status = 200, body = RequestJson), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<RequestJson>, ApiError> {
    Ok(Json(RequestJson::new(load(&state, &ctx, id).await?)))
}

/// The rule checks of a case today: the deadline, what the answer still needs.
#[utoipa::path(get, path = "/api/v1/requests/{id}/checks", tag = "requests", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Request id"), LangQuery),
    responses((status = 200, body = RequestViolations), (status = 404, body = crate::error::ErrorBody)))]
pub async fn checks(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
) -> Result<Json<RequestViolations>, ApiError> {
    let r = load(&state, &ctx, id).await?;
    let lang = lang_of(&ctx, &q);
    Ok(Json(RequestViolations {
        violations: rules::check(&r, today())
            .iter()
            .map(|v| v.to_json(lang))
            .collect(),
    }))
}

/// Every rule that refuses `change` on case `r`, for the API and the pages
/// alike: the rules of the change itself, dates after today, and — needing
/// the register — erasure decisions that leave out an activity concerned.
pub(crate) async fn change_errors(
    state: &AppState,
    r: &Request,
    change: &RequestChange,
) -> Result<Vec<ombud_core::request::RequestViolation>, StoreError> {
    let mut errors = change.errors(r);
    errors.extend(rules::future_dates(Some(change), today()));
    if let RequestChange::DecideErasure(ds) = change {
        let approved = state.store.approved_activities().await?;
        let concerned: Vec<(i64, String)> =
            ombud_core::request::access::matching_activities(r, &approved)
                .iter()
                .map(|a| (a.id, a.content.name.clone()))
                .collect();
        errors.extend(rules::check_erasure_coverage(ds, &concerned));
    }
    Ok(errors)
}

/// Applies one change after checking its rules; the DPO only.
pub(crate) async fn change(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    lang: Lang,
    change: RequestChange,
) -> Result<Result<Request, Vec<RequestViolationJson>>, ApiError> {
    let r = load(state, ctx, id).await?;
    let me = ctx.api_user()?;
    if me.role != Role::Dpo {
        return Err(ApiError::forbidden());
    }
    let errors = change_errors(state, &r, &change).await?;
    if !errors.is_empty() {
        return Ok(Err(errors.iter().map(|v| v.to_json(lang)).collect()));
    }
    Ok(Ok(state
        .store
        .change_request(&ctx.actor(), id, change, signature(me))
        .await
        .map_err(conflict_or)?))
}

async fn respond(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    q: &LangQuery,
    c: RequestChange,
) -> Result<Response, ApiError> {
    Ok(match change(state, ctx, id, lang_of(ctx, q), c).await? {
        Ok(r) => Json(RequestJson::new(r)).into_response(),
        Err(v) => unprocessable(v),
    })
}

/// The scope of a case: the register's data-subject categories and systems
/// that concern the requester. The access report and erasure suggestions
/// take exactly the approved activities that match it.
#[derive(Debug, Deserialize, ToSchema)]
pub struct Scope {
    #[serde(default)]
    pub data_subject_categories: Vec<String>,
    #[serde(default)]
    pub system_ids: Vec<i64>,
}

macro_rules! action {
    ($(#[$doc:meta])* $name:ident, $path:literal, $body:ty, $make:expr) => {
        $(#[$doc])*
        #[utoipa::path(post, path = $path, tag = "requests", security(("bearer" = [])),
            params(("id" = i64, Path, description = "Request id"), LangQuery), request_body = $body,
            responses((status = 200, body = RequestJson), (status = 422, body = RequestViolations), (status = 403), (status = 404)))]
        pub async fn $name(
            State(state): State<AppState>,
            ctx: Ctx,
            Path(id): Path<i64>,
            Query(q): Query<LangQuery>,
            b: Result<Json<$body>, JsonRejection>,
        ) -> Result<Response, ApiError> {
            let v = json_body(b)?;
            let make: fn($body) -> RequestChange = $make;
            respond(&state, &ctx, id, &q, make(v)).await
        }
    };
}

action!(
    /// Sets the scope (categories and systems in the register that concern the requester).
    scope, "/api/v1/requests/{id}/scope", Scope,
    |s| RequestChange::Scope { data_subject_categories: s.data_subject_categories, system_ids: s.system_ids }
);
action!(
    /// Records the identity check: `method`, `note` (Art. 12(6)).
    verify, "/api/v1/requests/{id}/identity-check", IdentityCheck, RequestChange::Verify
);
action!(
    /// Extends the deadline by two months: `reason`, `notified_on` (within the first month, Art. 12(3)).
    extend, "/api/v1/requests/{id}/extension", Extension, RequestChange::Extend
);
action!(
    /// Erasure: one decision per activity (`erase` or `refuse` with its Art. 17(3) `ground`).
    decide_erasure, "/api/v1/requests/{id}/erasure-decisions", Vec<ErasureDecision>, RequestChange::DecideErasure
);
action!(
    /// Rectification: what was corrected, or why not (Art. 16, 19).
    rectify, "/api/v1/requests/{id}/rectification", RectificationOutcome, RequestChange::Rectify
);
action!(
    /// Restriction (Art. 18): grounds, restricted, lifting notified, lifted.
    restrict, "/api/v1/requests/{id}/restriction", RestrictionOutcome, RequestChange::Restrict
);
action!(
    /// Objection (Art. 21): the balancing outcome and its reasoning.
    object, "/api/v1/requests/{id}/objection", ObjectionOutcome, RequestChange::Object
);
action!(
    /// Automated decision (Art. 22): the human review and its result.
    review_automated, "/api/v1/requests/{id}/automated-decision", AutomatedDecisionOutcome, RequestChange::ReviewAutomatedDecision
);
action!(
    /// Portability (Art. 20): format, delivery, direct transmission.
    portability, "/api/v1/requests/{id}/portability", PortabilityOutcome, RequestChange::DeliverPortability
);
action!(
    /// Attaches the data found about the requester, per activity or system.
    attach_data, "/api/v1/requests/{id}/data-found", Vec<DataFound>, RequestChange::AttachData
);
action!(
    /// Records the answer: `answered_on`, `outcome`, `summary`, `reasons` (Art. 12(3)–(4)).
    answer, "/api/v1/requests/{id}/answer", Answer, RequestChange::Answer
);
action!(
    /// Closes the case; the requester's identity details are then minimised.
    close, "/api/v1/requests/{id}/close", Closure, RequestChange::Close
);

/// The access report (registerutdrag, Art. 15) built from the register: one
/// entry per approved activity matching the case's scope, every Art. 15(1)
/// item and 15(2), with the data found. Also the portability export.
#[utoipa::path(get, path = "/api/v1/requests/{id}/access-report", tag = "requests", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Request id")),
    responses((status = 200, body = AccessReport), (status = 404, body = crate::error::ErrorBody)))]
pub async fn access_report(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<AccessReport>, ApiError> {
    let r = load(&state, &ctx, id).await?;
    Ok(Json(build_access_report(&state, &r).await?))
}

pub(crate) async fn build_access_report(
    state: &AppState,
    r: &Request,
) -> Result<AccessReport, StoreError> {
    let activities = state.store.approved_activities().await?;
    let org = state.store.organisation().await?;
    let processors = state.store.processors().await?;
    let systems = state.store.systems().await?;
    Ok(ombud_core::request::access_report(
        r,
        &activities,
        &org,
        &processors,
        &systems,
    ))
}

/// Suggested erasure decisions, one per matching activity, from its legal
/// basis and retention rule (Art. 17(1), 17(3)).
#[utoipa::path(get, path = "/api/v1/requests/{id}/erasure-suggestions", tag = "requests", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Request id")),
    responses((status = 200, body = Vec<ErasureSuggestion>), (status = 404, body = crate::error::ErrorBody)))]
pub async fn erasure_suggestions(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<Vec<ErasureSuggestion>>, ApiError> {
    let r = load(&state, &ctx, id).await?;
    let activities = state.store.approved_activities().await?;
    Ok(Json(ombud_core::request::suggest_erasure(&r, &activities)))
}

/// Builds letter `kind` of case `r`: `acknowledgement`, `extension` or
/// `answer` (the one fitting the right: the access report, the erasure
/// answer, or the outcome of any other right). `None` when the case has no
/// such letter yet.
pub(crate) async fn build_letter(
    state: &AppState,
    r: &Request,
    kind: &str,
) -> Result<Option<Letter>, StoreError> {
    use ombud_core::request::{Right, letters};
    let org = state.store.organisation().await?;
    Ok(match kind {
        "acknowledgement" => Some(letters::acknowledgement(r, &org)),
        "extension" => letters::extension_notice(r, &org),
        "answer" => match r.intake.right {
            Right::Access => {
                let report = build_access_report(state, r).await?;
                Some(letters::access_answer(r, &report, &org))
            }
            Right::Erasure => Some(letters::erasure_answer(r, &org)),
            _ => Some(letters::outcome_answer(r, &org)),
        },
        _ => None,
    })
}

/// A letter to the requester, in the requester's language: `acknowledgement`,
/// `extension` (once extended) or `answer`.
#[utoipa::path(get, path = "/api/v1/requests/{id}/letters/{kind}", tag = "requests", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Request id"), ("kind" = String, Path, description = "`acknowledgement`, `extension` or `answer`")),
    responses((status = 200, body = Letter), (status = 404, body = crate::error::ErrorBody)))]
pub async fn letter(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, kind)): Path<(i64, String)>,
) -> Result<Json<Letter>, ApiError> {
    let r = load(&state, &ctx, id).await?;
    build_letter(&state, &r, &kind)
        .await?
        .map(Json)
        .ok_or_else(ApiError::not_found)
}
