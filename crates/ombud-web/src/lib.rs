//! Ombud's web server: server-rendered HTML pages that work without
//! JavaScript, and the JSON API under `/api/v1`.
//!
//! A request passes, outermost first: security headers and tracing; the
//! request context ([`ctx`]: language, signed-in user, CSRF check); the
//! authorisation policy ([`policy`], one declared table of route × role);
//! then the handler, which reaches storage only through `Arc<dyn Store>`.

pub mod auth;
pub mod client;
pub mod ctx;
pub mod error;
pub mod i18n;
pub mod mail;
pub mod openapi;
pub mod policy;
pub mod register_form;
pub mod retention;
pub mod routes;
mod security;
mod views;

use std::sync::{Arc, Mutex};

use axum::Router;
use ombud_store::Store;

pub use routes::RouteTable;

/// Settings of the web layer.
#[derive(Debug, Clone, Default)]
pub struct WebConfig {
    /// Set cookies with `Secure` (Ombud is reached over TLS, e.g. behind a proxy).
    pub secure_cookies: bool,
    /// Reverse proxies whose `X-Forwarded-For` names the client ([`client`]).
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

/// The one-time link that creates the first administrator.
#[derive(Debug, Default)]
pub struct SetupLink {
    token_hash: Mutex<Option<String>>,
}

impl SetupLink {
    /// Makes a new link token, replacing any earlier one, and returns it.
    pub fn issue(&self) -> String {
        let token = auth::random_token();
        *self.token_hash.lock().expect("setup lock") = Some(auth::token_hash(&token));
        token
    }

    /// Whether `token` is the current link.
    pub fn matches(&self, token: &str) -> bool {
        let hash = auth::token_hash(token);
        self.token_hash.lock().expect("setup lock").as_deref() == Some(hash.as_str())
    }

    /// Ends the link (it works once).
    pub fn clear(&self) {
        *self.token_hash.lock().expect("setup lock") = None;
    }
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub config: Arc<WebConfig>,
    pub setup: Arc<SetupLink>,
}

impl AppState {
    pub fn new(store: Arc<dyn Store>, config: WebConfig) -> Self {
        AppState {
            store,
            config: Arc::new(config),
            setup: Arc::new(SetupLink::default()),
        }
    }
}

/// The whole application as a router, ready to serve.
pub fn app(state: AppState) -> Router {
    let table = routes::table();
    table.into_router(state)
}
