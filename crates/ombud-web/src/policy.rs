//! Who may call which route: one declared table, consulted by one
//! middleware for every request. A route without an entry is refused, and
//! the test suite fails for it (`tests/policy.rs` walks every registered
//! route with every role).

use axum::extract::{MatchedPath, Request};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use ombud_core::Role;
use ombud_core::Role::{Admin, Auditor, Dpo, Registrant};

use crate::ctx::Ctx;
use crate::error::{ApiError, PageError};

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in user, whatever the role.
    SignedIn,
    /// Signed-in users holding one of these roles.
    Roles(&'static [Role]),
}

impl Access {
    /// Whether a caller with `role` (`None` = anonymous) may pass.
    pub fn allows(self, role: Option<Role>) -> bool {
        match (self, role) {
            (Access::Public, _) => true,
            (_, None) => false,
            (Access::SignedIn, Some(_)) => true,
            (Access::Roles(roles), Some(r)) => roles.contains(&r),
        }
    }
}

const ADMIN: &[Role] = &[Admin];
const TRAIL_READERS: &[Role] = &[Dpo, Auditor];
/// Those who work with the register: read it all (registrants: what is in
/// force and their own unit's work, decided in the handler).
const REGISTER_READERS: &[Role] = &[Dpo, Registrant, Auditor];
/// Those who write activities (registrants: their own unit's, decided in the handler).
const REGISTER_WRITERS: &[Role] = &[Dpo, Registrant];
const DPO: &[Role] = &[Dpo];
const SETTINGS: &[Role] = &[Admin, Dpo];
/// Those who report breaches: everyone signed in except auditors, who read.
const BREACH_REPORTERS: &[Role] = &[Admin, Dpo, Registrant];

/// The policy: method, route pattern (as registered), access.
pub const POLICY: &[(&str, &str, Access)] = &[
    ("GET", "/healthz", Access::Public),
    ("GET", "/static/ombud.css", Access::Public),
    ("GET", "/lang/{code}", Access::Public),
    ("GET", "/login", Access::Public),
    ("POST", "/login", Access::Public),
    ("POST", "/logout", Access::SignedIn),
    ("GET", "/setup/{token}", Access::Public),
    ("POST", "/setup/{token}", Access::Public),
    ("GET", "/", Access::SignedIn),
    ("GET", "/account", Access::SignedIn),
    ("POST", "/account/password", Access::SignedIn),
    ("GET", "/admin/users", Access::Roles(ADMIN)),
    ("POST", "/admin/users", Access::Roles(ADMIN)),
    ("GET", "/admin/users/new", Access::Roles(ADMIN)),
    ("GET", "/admin/users/{id}", Access::Roles(ADMIN)),
    ("POST", "/admin/users/{id}", Access::Roles(ADMIN)),
    ("GET", "/audit", Access::Roles(TRAIL_READERS)),
    ("GET", "/settings/organisation", Access::Roles(SETTINGS)),
    ("POST", "/settings/organisation", Access::Roles(SETTINGS)),
    ("GET", "/processors", Access::Roles(REGISTER_READERS)),
    ("POST", "/processors", Access::Roles(DPO)),
    ("GET", "/processors/new", Access::Roles(DPO)),
    ("GET", "/processors/{id}", Access::Roles(DPO)),
    ("POST", "/processors/{id}", Access::Roles(DPO)),
    ("GET", "/systems", Access::Roles(REGISTER_READERS)),
    ("POST", "/systems", Access::Roles(REGISTER_WRITERS)),
    ("GET", "/systems/new", Access::Roles(REGISTER_WRITERS)),
    ("GET", "/systems/{id}", Access::Roles(DPO)),
    ("POST", "/systems/{id}", Access::Roles(DPO)),
    ("GET", "/privacy", Access::Public),
    ("GET", "/privacy/{id}", Access::Public),
    ("GET", "/register", Access::Roles(REGISTER_READERS)),
    ("POST", "/register", Access::Roles(REGISTER_WRITERS)),
    ("GET", "/register/new", Access::Roles(REGISTER_WRITERS)),
    ("GET", "/register/print", Access::Roles(REGISTER_READERS)),
    (
        "GET",
        "/register/export.json",
        Access::Roles(REGISTER_READERS),
    ),
    (
        "GET",
        "/register/export.csv",
        Access::Roles(REGISTER_READERS),
    ),
    ("GET", "/register/{id}", Access::Roles(REGISTER_READERS)),
    ("POST", "/register/{id}", Access::Roles(REGISTER_WRITERS)),
    (
        "GET",
        "/register/{id}/edit",
        Access::Roles(REGISTER_WRITERS),
    ),
    (
        "GET",
        "/register/{id}/history",
        Access::Roles(REGISTER_READERS),
    ),
    ("POST", "/register/{id}/review", Access::Roles(DPO)),
    ("GET", "/api/v1/openapi.json", Access::Public),
    ("GET", "/api/v1/me", Access::SignedIn),
    ("GET", "/api/v1/users", Access::Roles(ADMIN)),
    ("POST", "/api/v1/users", Access::Roles(ADMIN)),
    ("GET", "/api/v1/audit", Access::Roles(TRAIL_READERS)),
    ("GET", "/api/v1/audit/verify", Access::Roles(TRAIL_READERS)),
    ("GET", "/api/v1/activities", Access::Roles(REGISTER_READERS)),
    (
        "POST",
        "/api/v1/activities",
        Access::Roles(REGISTER_WRITERS),
    ),
    (
        "GET",
        "/api/v1/activities/{id}",
        Access::Roles(REGISTER_READERS),
    ),
    (
        "PUT",
        "/api/v1/activities/{id}",
        Access::Roles(REGISTER_WRITERS),
    ),
    (
        "GET",
        "/api/v1/activities/{id}/checks",
        Access::Roles(REGISTER_READERS),
    ),
    (
        "GET",
        "/api/v1/activities/{id}/history",
        Access::Roles(REGISTER_READERS),
    ),
    (
        "POST",
        "/api/v1/activities/{id}/submit",
        Access::Roles(REGISTER_WRITERS),
    ),
    (
        "POST",
        "/api/v1/activities/{id}/request-changes",
        Access::Roles(DPO),
    ),
    (
        "POST",
        "/api/v1/activities/{id}/approve",
        Access::Roles(DPO),
    ),
    ("POST", "/api/v1/activities/{id}/reject", Access::Roles(DPO)),
    (
        "POST",
        "/api/v1/activities/{id}/archive",
        Access::Roles(DPO),
    ),
    ("GET", "/api/v1/organisation", Access::SignedIn),
    ("PUT", "/api/v1/organisation", Access::Roles(SETTINGS)),
    ("GET", "/api/v1/processors", Access::Roles(REGISTER_READERS)),
    ("POST", "/api/v1/processors", Access::Roles(DPO)),
    ("PUT", "/api/v1/processors/{id}", Access::Roles(DPO)),
    ("GET", "/api/v1/systems", Access::Roles(REGISTER_READERS)),
    ("POST", "/api/v1/systems", Access::Roles(REGISTER_WRITERS)),
    ("PUT", "/api/v1/systems/{id}", Access::Roles(DPO)),
    // Breaches: everyone signed in reads (others than the DPO and auditors
    // only what they reported, decided in the handler); reporting is closed
    // to auditors; assessment, decisions and notifications are the DPO's.
    ("GET", "/api/v1/incidents", Access::SignedIn),
    ("POST", "/api/v1/incidents", Access::Roles(BREACH_REPORTERS)),
    ("GET", "/api/v1/incidents/{id}", Access::SignedIn),
    (
        "PUT",
        "/api/v1/incidents/{id}",
        Access::Roles(BREACH_REPORTERS),
    ),
    ("GET", "/api/v1/incidents/{id}/checks", Access::SignedIn),
    (
        "POST",
        "/api/v1/incidents/{id}/assessment",
        Access::Roles(DPO),
    ),
    (
        "POST",
        "/api/v1/incidents/{id}/imy-decision",
        Access::Roles(DPO),
    ),
    (
        "POST",
        "/api/v1/incidents/{id}/subjects-decision",
        Access::Roles(DPO),
    ),
    (
        "POST",
        "/api/v1/incidents/{id}/notifications",
        Access::Roles(DPO),
    ),
    (
        "GET",
        "/api/v1/incidents/{id}/documents/{document}",
        Access::SignedIn,
    ),
    // The breach pages follow the API's rules.
    ("GET", "/incidents", Access::SignedIn),
    ("POST", "/incidents", Access::Roles(BREACH_REPORTERS)),
    ("GET", "/incidents/new", Access::Roles(BREACH_REPORTERS)),
    ("GET", "/incidents/{id}", Access::SignedIn),
    ("POST", "/incidents/{id}", Access::Roles(BREACH_REPORTERS)),
    (
        "GET",
        "/incidents/{id}/edit",
        Access::Roles(BREACH_REPORTERS),
    ),
    ("GET", "/incidents/{id}/{name}", Access::SignedIn),
    ("POST", "/incidents/{id}/{name}", Access::Roles(DPO)),
    // Data-subject requests: staff register them (not auditors, who read);
    // the DPO handles them; the DPO and auditors read all (others what they
    // registered, decided in the handler). The public page and the
    // requester's private link need no account.
    ("GET", "/api/v1/requests", Access::SignedIn),
    ("POST", "/api/v1/requests", Access::Roles(BREACH_REPORTERS)),
    ("GET", "/api/v1/requests/{id}", Access::SignedIn),
    ("GET", "/api/v1/requests/{id}/checks", Access::SignedIn),
    ("POST", "/api/v1/requests/{id}/scope", Access::Roles(DPO)),
    (
        "POST",
        "/api/v1/requests/{id}/identity-check",
        Access::Roles(DPO),
    ),
    (
        "POST",
        "/api/v1/requests/{id}/extension",
        Access::Roles(DPO),
    ),
    (
        "POST",
        "/api/v1/requests/{id}/erasure-decisions",
        Access::Roles(DPO),
    ),
    (
        "POST",
        "/api/v1/requests/{id}/rectification",
        Access::Roles(DPO),
    ),
    (
        "POST",
        "/api/v1/requests/{id}/restriction",
        Access::Roles(DPO),
    ),
    (
        "POST",
        "/api/v1/requests/{id}/objection",
        Access::Roles(DPO),
    ),
    (
        "POST",
        "/api/v1/requests/{id}/automated-decision",
        Access::Roles(DPO),
    ),
    (
        "POST",
        "/api/v1/requests/{id}/portability",
        Access::Roles(DPO),
    ),
    (
        "POST",
        "/api/v1/requests/{id}/data-found",
        Access::Roles(DPO),
    ),
    ("POST", "/api/v1/requests/{id}/answer", Access::Roles(DPO)),
    ("POST", "/api/v1/requests/{id}/close", Access::Roles(DPO)),
    (
        "GET",
        "/api/v1/requests/{id}/access-report",
        Access::SignedIn,
    ),
    (
        "GET",
        "/api/v1/requests/{id}/erasure-suggestions",
        Access::SignedIn,
    ),
    (
        "GET",
        "/api/v1/requests/{id}/letters/{kind}",
        Access::SignedIn,
    ),
    ("GET", "/requests", Access::SignedIn),
    ("POST", "/requests", Access::Roles(BREACH_REPORTERS)),
    ("GET", "/requests/new", Access::Roles(BREACH_REPORTERS)),
    ("GET", "/requests/{id}", Access::SignedIn),
    ("POST", "/requests/{id}/{form}", Access::Roles(DPO)),
    ("GET", "/requests/{id}/letters/{kind}", Access::SignedIn),
    ("GET", "/rights", Access::Public),
    ("POST", "/rights", Access::Public),
    ("GET", "/rights/case/{token}", Access::Public),
    // Outgoing mail (alerts): those who keep the settings.
    ("GET", "/settings/requests", Access::Roles(SETTINGS)),
    ("POST", "/settings/requests", Access::Roles(SETTINGS)),
    ("GET", "/settings/email", Access::Roles(SETTINGS)),
    ("POST", "/settings/email", Access::Roles(SETTINGS)),
    ("POST", "/settings/email/test", Access::Roles(SETTINGS)),
];

/// The access declared for a route, if any.
pub fn access_for(method: &Method, path: &str) -> Option<Access> {
    let method = if method == Method::HEAD {
        "GET"
    } else {
        method.as_str()
    };
    POLICY
        .iter()
        .find(|(m, p, _)| *m == method && *p == path)
        .map(|(_, _, a)| *a)
}

/// Refuses requests the policy does not allow: 401 (API) or a redirect to
/// the sign-in page (browser) for anonymous callers, 403 for a wrong role.
pub async fn authorize(
    ctx: Ctx,
    matched: Option<MatchedPath>,
    req: Request,
    next: Next,
) -> Response {
    let Some(path) = matched.as_ref().map(|m| m.as_str().to_owned()) else {
        return next.run(req).await;
    };
    let access = access_for(req.method(), &path);
    let role = ctx.role();
    match access {
        Some(a) if a.allows(role) => next.run(req).await,
        Some(_) if role.is_none() => {
            if ctx.api {
                ApiError::unauthorized().into_response()
            } else {
                let target = req
                    .uri()
                    .path_and_query()
                    .map(|p| p.as_str())
                    .unwrap_or("/");
                let next = form_urlencoded::byte_serialize(target.as_bytes()).collect::<String>();
                Redirect::to(&format!("/login?next={next}")).into_response()
            }
        }
        other => {
            if other.is_none() {
                tracing::error!(%path, method = %req.method(), "route has no policy entry; refused");
            }
            if ctx.api {
                ApiError::forbidden().into_response()
            } else {
                PageError::new(StatusCode::FORBIDDEN, ctx.lang, "error.forbidden").into_response()
            }
        }
    }
}
