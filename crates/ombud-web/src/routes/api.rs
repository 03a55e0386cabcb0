//! The JSON API under `/api/v1`. Callers authenticate with
//! `Authorization: Bearer <token>` (`ombud admin create-token`).

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

use ombud_core::Role;
use ombud_core::audit::AuditEntry;
use ombud_core::user::{Email, User, check_password_policy};
use ombud_store::{AuditVerifyError, NewUser, verify_audit_chain};

use crate::AppState;
use crate::auth;
use crate::ctx::Ctx;
use crate::error::{ApiError, ErrorBody};
use crate::routes::audit::{AuditQuery, BadField, PAGE_SIZE};

/// A user account as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserJson {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub unit: Option<String>,
    pub active: bool,
    /// RFC 3339.
    pub created_at: String,
}

impl From<User> for UserJson {
    fn from(u: User) -> Self {
        UserJson {
            id: u.id,
            email: u.email.to_string(),
            display_name: u.display_name,
            role: u.role,
            unit: u.unit,
            active: u.active,
            created_at: u
                .created_at
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default(),
        }
    }
}

/// A list with its total count.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserList {
    pub items: Vec<UserJson>,
    pub total: usize,
}

/// A page of the audit trail, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditPage {
    pub items: Vec<AuditEntry>,
    pub total: i64,
    pub page: i64,
    pub page_size: i64,
}

/// The result of verifying the audit chain.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditVerification {
    /// Whether every entry is intact and in place.
    pub intact: bool,
    /// Entries verified (when intact).
    pub entries: Option<u64>,
    /// The first bad entry (when broken).
    pub first_bad_entry: Option<i64>,
    pub message: String,
}

/// A new account.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewUserJson {
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub unit: Option<String>,
    /// At least 12 characters.
    pub password: String,
}

#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "meta", responses((status = 200, description = "This document")))]
pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// The caller's own account.
#[utoipa::path(get, path = "/api/v1/me", tag = "accounts", security(("bearer" = [])),
    responses((status = 200, body = UserJson), (status = 401, body = ErrorBody)))]
pub async fn me(ctx: Ctx) -> Result<Json<UserJson>, ApiError> {
    ctx.user
        .map(|u| Json(u.into()))
        .ok_or_else(ApiError::unauthorized)
}

/// All accounts (administrators).
#[utoipa::path(get, path = "/api/v1/users", tag = "accounts", security(("bearer" = [])),
    responses((status = 200, body = UserList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn list_users(State(state): State<AppState>) -> Result<Json<UserList>, ApiError> {
    let items: Vec<UserJson> = state
        .store
        .list_users()
        .await?
        .into_iter()
        .map(UserJson::from)
        .collect();
    Ok(Json(UserList {
        total: items.len(),
        items,
    }))
}

/// Creates an account (administrators).
#[utoipa::path(post, path = "/api/v1/users", tag = "accounts", security(("bearer" = [])), request_body = NewUserJson,
    responses((status = 201, body = UserJson), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody),
              (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn create_user(
    State(state): State<AppState>,
    ctx: Ctx,
    body: Result<Json<NewUserJson>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(b) = body.map_err(|e| ApiError::invalid(e.body_text()))?;
    let email = Email::parse(&b.email).map_err(|e| ApiError::invalid(e.to_string()))?;
    check_password_policy(&b.password).map_err(|e| ApiError::invalid(e.to_string()))?;
    if b.display_name.trim().is_empty() {
        return Err(ApiError::invalid("display_name must not be empty"));
    }
    let new = NewUser {
        email,
        display_name: b.display_name.trim().to_owned(),
        role: b.role,
        unit: b.unit.filter(|u| !u.trim().is_empty()),
        password_hash: auth::hash_password(&b.password),
    };
    let user = state.store.create_user(&ctx.actor(), new).await?;
    Ok((StatusCode::CREATED, Json(UserJson::from(user))).into_response())
}

/// The audit trail, newest first, filtered (DPO and auditors).
#[utoipa::path(get, path = "/api/v1/audit", tag = "audit", security(("bearer" = [])), params(AuditQuery),
    responses((status = 200, body = AuditPage), (status = 422, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn audit_entries(
    State(state): State<AppState>,
    Query(q): Query<AuditQuery>,
) -> Result<Json<AuditPage>, ApiError> {
    let filter = q.to_filter().map_err(|bad| {
        let fields: Vec<&str> = bad.iter().map(|BadField(f)| *f).collect();
        ApiError::invalid(format!("invalid query fields: {}", fields.join(", ")))
    })?;
    let page = q.page.unwrap_or(1).max(1);
    let items = state
        .store
        .audit_entries(&filter, PAGE_SIZE, (page - 1) * PAGE_SIZE)
        .await?;
    let total = state.store.audit_count(&filter).await?;
    Ok(Json(AuditPage {
        items,
        total,
        page,
        page_size: PAGE_SIZE,
    }))
}

/// Verifies the whole hash chain of the audit trail (DPO and auditors).
#[utoipa::path(get, path = "/api/v1/audit/verify", tag = "audit", security(("bearer" = [])),
    responses((status = 200, body = AuditVerification), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn audit_verify(
    State(state): State<AppState>,
) -> Result<Json<AuditVerification>, ApiError> {
    Ok(Json(match verify_audit_chain(state.store.as_ref()).await {
        Ok(n) => AuditVerification {
            intact: true,
            entries: Some(n),
            first_bad_entry: None,
            message: format!("{n} entries verified"),
        },
        Err(AuditVerifyError::Chain(e)) => AuditVerification {
            intact: false,
            entries: None,
            first_bad_entry: Some(e.seq()),
            message: e.to_string(),
        },
        Err(AuditVerifyError::Store(e)) => return Err(e.into()),
    }))
}

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("ombud_…")
                    .build(),
            ),
        );
    }
}

/// The OpenAPI document, generated from the handlers above.
#[derive(OpenApi)]
#[openapi(
    info(title = "Ombud API", description = "Register of processing, breaches, data-subject requests and the audit trail. Authenticate with `Authorization: Bearer <token>` (created with `ombud admin create-token`)."),
    paths(
        openapi_json, me, list_users, create_user, audit_entries, audit_verify,
        crate::routes::activities_api::list, crate::routes::activities_api::create, crate::routes::activities_api::get,
        crate::routes::activities_api::update, crate::routes::activities_api::checks, crate::routes::activities_api::history,
        crate::routes::activities_api::submit, crate::routes::activities_api::request_changes,
        crate::routes::activities_api::approve, crate::routes::activities_api::reject, crate::routes::activities_api::archive,
        crate::routes::settings_api::get_organisation, crate::routes::settings_api::put_organisation,
        crate::routes::settings_api::list_processors, crate::routes::settings_api::create_processor,
        crate::routes::settings_api::update_processor, crate::routes::settings_api::list_systems,
        crate::routes::settings_api::create_system, crate::routes::settings_api::update_system,
        crate::routes::incidents_api::list, crate::routes::incidents_api::create, crate::routes::incidents_api::get,
        crate::routes::incidents_api::update, crate::routes::incidents_api::checks, crate::routes::incidents_api::assess,
        crate::routes::incidents_api::decide_imy, crate::routes::incidents_api::decide_subjects,
        crate::routes::incidents_api::notify, crate::routes::incidents_api::document,
        crate::routes::requests_api::list, crate::routes::requests_api::create, crate::routes::requests_api::get,
        crate::routes::requests_api::checks, crate::routes::requests_api::scope, crate::routes::requests_api::verify,
        crate::routes::requests_api::extend, crate::routes::requests_api::decide_erasure,
        crate::routes::requests_api::rectify, crate::routes::requests_api::restrict,
        crate::routes::requests_api::object, crate::routes::requests_api::review_automated,
        crate::routes::requests_api::portability, crate::routes::requests_api::attach_data,
        crate::routes::requests_api::answer, crate::routes::requests_api::close,
        crate::routes::requests_api::access_report, crate::routes::requests_api::erasure_suggestions,
        crate::routes::requests_api::letter,
    ),
    components(schemas(UserJson, UserList, NewUserJson, AuditPage, AuditEntry, AuditVerification, ErrorBody, Role)),
    modifiers(&BearerAuth),
    tags((name = "accounts"), (name = "audit"), (name = "register"), (name = "incidents"), (name = "requests"), (name = "meta"))
)]
pub struct ApiDoc;
