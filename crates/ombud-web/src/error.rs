//! Errors at the HTTP edge: a JSON body for the API, a page for the browser.
//! Internal errors are logged with a reference; only the reference is shown.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ombud_store::StoreError;
use serde::Serialize;

use crate::i18n::{Lang, Tr};
use crate::views;

/// The JSON error body of the API.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// A stable code: `unauthorized`, `forbidden`, `not_found`, `conflict`, `invalid`, `internal`.
    pub error: String,
    /// A human-readable explanation (English).
    pub message: String,
}

/// An API error.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }
    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "sign in: send Authorization: Bearer <token>",
        )
    }
    pub fn forbidden() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "your role does not allow this",
        )
    }
    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", "no such record")
    }
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid", message)
    }
}

/// The JSON body of a request, or 422 `invalid` saying why it could not be read.
pub fn json_body<T>(
    b: Result<Json<T>, axum::extract::rejection::JsonRejection>,
) -> Result<T, ApiError> {
    b.map(|Json(v)| v)
        .map_err(|e| ApiError::invalid(e.body_text()))
}

/// A store error for the API, a `Conflict` answered as 409 with its message.
pub fn conflict_or(e: StoreError) -> ApiError {
    match e {
        StoreError::Conflict(m) => ApiError::new(StatusCode::CONFLICT, "conflict", m),
        other => other.into(),
    }
}

/// 422 with `{"violations": […]}`: the rules that refuse a change.
pub fn unprocessable<V: Serialize>(violations: Vec<V>) -> Response {
    #[derive(Serialize)]
    struct Body<V> {
        violations: Vec<V>,
    }
    (StatusCode::UNPROCESSABLE_ENTITY, Json(Body { violations })).into_response()
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => ApiError::not_found(),
            StoreError::Conflict(m) => ApiError::new(StatusCode::CONFLICT, "conflict", m),
            StoreError::Backend(e) => {
                let id = crate::auth::random_token()[..12].to_owned();
                tracing::error!(error = %e, reference = %id, "store failure");
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    format!("internal error, reference {id}"),
                )
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: self.code.to_owned(),
            message: self.message,
        };
        (self.status, Json(body)).into_response()
    }
}

/// An error shown as a page in the user's language.
#[derive(Debug)]
pub struct PageError {
    pub status: StatusCode,
    pub lang: Lang,
    pub message: String,
}

impl PageError {
    pub fn new(status: StatusCode, lang: Lang, key: &str) -> Self {
        PageError {
            status,
            lang,
            message: Tr::new(lang).t(key).to_owned(),
        }
    }
    /// Adds what went wrong, e.g. a mail server's answer.
    pub fn with_detail(mut self, detail: impl std::fmt::Display) -> Self {
        self.message = format!("{} ({detail})", self.message);
        self
    }
    pub fn forbidden(lang: Lang) -> Self {
        Self::new(StatusCode::FORBIDDEN, lang, "error.forbidden")
    }
    pub fn not_found(lang: Lang) -> Self {
        Self::new(StatusCode::NOT_FOUND, lang, "error.not_found")
    }
    pub fn internal(lang: Lang, e: &dyn std::fmt::Display) -> Self {
        let id = crate::auth::random_token()[..12].to_owned();
        tracing::error!(error = %e, reference = %id, "internal error");
        PageError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            lang,
            message: Tr::new(lang).f("error.internal", &[("id", &id)]),
        }
    }
    /// Maps a store error for a page in `lang`.
    pub fn store(lang: Lang) -> impl Fn(StoreError) -> PageError {
        move |e| match e {
            StoreError::NotFound => PageError::not_found(lang),
            other => PageError::internal(lang, &other),
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        views::error_page(self.status, self.lang, &self.message)
    }
}
