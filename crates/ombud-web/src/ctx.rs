//! The request context: language, signed-in user and CSRF protection,
//! worked out once per request by [`context`] and read by handlers through
//! the [`Ctx`] extractor.
//!
//! CSRF: every browser gets a random `ombud_csrf` cookie (HttpOnly,
//! SameSite=Lax); every form carries the same value in a hidden `csrf` field,
//! and a state-changing request outside `/api/` must present both, equal
//! (the double-submit pattern, compared in constant time). The JSON API takes
//! only bearer tokens, which a browser never sends by itself, so it needs no
//! CSRF token.

use axum::body::{Body, Bytes};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use http_body_util::BodyExt;
use subtle::ConstantTimeEq;

use ombud_core::Role;
use ombud_core::user::User;

use crate::AppState;
use crate::auth::{random_token, token_hash};
use crate::error::PageError;
use crate::i18n::{Lang, Tr};

pub const SESSION_COOKIE: &str = "ombud_session";
pub const CSRF_COOKIE: &str = "ombud_csrf";
pub const LANG_COOKIE: &str = "ombud_lang";
/// Largest form body read for the CSRF check.
const MAX_FORM_BYTES: usize = 4 * 1024 * 1024;

/// What a handler knows about the request before it starts.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub lang: Lang,
    pub user: Option<User>,
    /// The CSRF token to put in forms.
    pub csrf: String,
    /// The hash of the session id, when signed in through the browser.
    pub session_hash: Option<String>,
    /// The request is for the JSON API.
    pub api: bool,
}

impl Ctx {
    pub fn tr(&self) -> Tr {
        Tr::new(self.lang)
    }

    pub fn role(&self) -> Option<Role> {
        self.user.as_ref().map(|u| u.role)
    }

    /// The signed-in user of an API call, or 401.
    pub fn api_user(&self) -> Result<&User, crate::error::ApiError> {
        self.user
            .as_ref()
            .ok_or_else(crate::error::ApiError::unauthorized)
    }

    /// The signed-in user; the policy layer guarantees one on routes that need it.
    pub fn require_user(&self) -> Result<&User, PageError> {
        self.user
            .as_ref()
            .ok_or_else(|| PageError::forbidden(self.lang))
    }

    pub fn actor(&self) -> ombud_core::audit::Actor {
        match &self.user {
            Some(u) => ombud_core::audit::Actor::user(u.id, u.email.as_str()),
            None => ombud_core::audit::Actor::system("anonymous"),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = StatusCode;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

fn changes_state(m: &Method) -> bool {
    !matches!(*m, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Builds the [`Ctx`], enforces CSRF on browser forms and sets the CSRF cookie.
pub async fn context(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let jar = CookieJar::from_headers(req.headers());
    let api = req.uri().path().starts_with("/api/");
    let lang = crate::i18n::negotiate(jar.get(LANG_COOKIE).map(|c| c.value()), req.headers());

    let (user, session_hash) = if api {
        let user = match bearer(req.headers()) {
            Some(token) => state
                .store
                .token_user(&token_hash(token))
                .await
                .ok()
                .flatten(),
            None => None,
        };
        (user, None)
    } else {
        match jar.get(SESSION_COOKIE) {
            Some(c) => {
                let hash = token_hash(c.value());
                let now = time::OffsetDateTime::now_utc();
                match state.store.session_user(&hash, now).await.ok().flatten() {
                    Some(u) => (Some(u), Some(hash)),
                    None => (None, None),
                }
            }
            None => (None, None),
        }
    };

    let existing_csrf = jar
        .get(CSRF_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| v.len() >= 32);
    let csrf = existing_csrf.clone().unwrap_or_else(random_token);
    let ctx = Ctx {
        lang,
        user,
        csrf: csrf.clone(),
        session_hash,
        api,
    };

    let mut req = req;
    if !api && changes_state(req.method()) {
        let (parts, body) = req.into_parts();
        let bytes: Bytes = match http_body_util::Limited::new(body, MAX_FORM_BYTES)
            .collect()
            .await
        {
            Ok(b) => b.to_bytes(),
            Err(_) => {
                return PageError::new(StatusCode::PAYLOAD_TOO_LARGE, lang, "error.bad_request")
                    .into_response();
            }
        };
        let sent = form_urlencoded::parse(&bytes)
            .find(|(k, _)| k == "csrf")
            .map(|(_, v)| v.into_owned())
            .or_else(|| {
                parts.uri.query().and_then(|q| {
                    form_urlencoded::parse(q.as_bytes())
                        .find(|(k, _)| k == "csrf")
                        .map(|(_, v)| v.into_owned())
                })
            });
        let valid = match (&existing_csrf, &sent) {
            (Some(cookie), Some(sent)) => bool::from(cookie.as_bytes().ct_eq(sent.as_bytes())),
            _ => false,
        };
        if !valid {
            tracing::warn!(path = %parts.uri.path(), "CSRF check failed");
            return PageError::new(StatusCode::FORBIDDEN, lang, "error.csrf").into_response();
        }
        req = Request::from_parts(parts, Body::from(bytes));
    }

    req.extensions_mut().insert(ctx);
    let mut res = next.run(req).await;
    if existing_csrf.is_none() && !api {
        let cookie = Cookie::build((CSRF_COOKIE, csrf))
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .secure(state.config.secure_cookies)
            .build();
        if let Ok(v) = cookie.to_string().parse() {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

/// A cookie with Ombud's attributes.
pub fn cookie(state: &AppState, name: &'static str, value: String) -> Cookie<'static> {
    Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.config.secure_cookies)
        .build()
}
