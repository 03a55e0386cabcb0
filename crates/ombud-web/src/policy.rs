//! Who may call which route: one declared table, consulted by one
//! middleware for every request. A route without an entry is refused, and
//! the test suite fails for it (`tests/policy.rs` walks every registered
//! route with every role).

use axum::extract::{MatchedPath, Request};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use ombud_core::Role;
use ombud_core::Role::{Admin, Auditor, Dpo};

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
    ("GET", "/api/v1/openapi.json", Access::Public),
    ("GET", "/api/v1/me", Access::SignedIn),
    ("GET", "/api/v1/users", Access::Roles(ADMIN)),
    ("POST", "/api/v1/users", Access::Roles(ADMIN)),
    ("GET", "/api/v1/audit", Access::Roles(TRAIL_READERS)),
    ("GET", "/api/v1/audit/verify", Access::Roles(TRAIL_READERS)),
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
