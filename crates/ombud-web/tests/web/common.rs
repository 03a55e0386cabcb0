//! The test harness: a fresh store per test, the real router, and helpers
//! that sign in and send requests as a browser or an API client would.

use std::sync::Arc;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, Response, StatusCode, header};
use ombud_core::Role;
use ombud_core::audit::Actor;
use ombud_core::user::{Email, User};
use ombud_store::{NewUser, Store};
use ombud_store_sqlite::SqliteStore;
use ombud_web::{AppState, WebConfig, auth};
use tower::ServiceExt;

pub const PASSWORD: &str = "ett långt lösenord";

pub struct TestApp {
    pub state: AppState,
    pub store: Arc<dyn Store>,
    _dir: tempfile::TempDir,
}

/// A browser: its cookies.
#[derive(Debug, Clone, Default)]
pub struct Browser {
    pub session: Option<String>,
    pub csrf: String,
    pub lang: Option<String>,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn location(&self) -> Option<&str> {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
    /// The value a `Set-Cookie` header gives `name`, if any.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.set_cookie_line(name).map(|l| {
            l[name.len() + 1..]
                .split(';')
                .next()
                .unwrap_or("")
                .to_owned()
        })
    }
    pub fn set_cookie_line(&self, name: &str) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|l| l.starts_with(&format!("{name}=")))
            .map(str::to_owned)
    }
}

async fn reply(res: Response<Body>) -> Reply {
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = to_bytes(res.into_body(), 16 * 1024 * 1024).await.unwrap();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

impl TestApp {
    pub async fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite:{}", dir.path().join("t.db").display());
        let store: Arc<dyn Store> = Arc::new(SqliteStore::open(&url).await.unwrap());
        let state = AppState::new(store.clone(), WebConfig::default());
        TestApp {
            state,
            store,
            _dir: dir,
        }
    }

    pub fn router(&self) -> Router {
        ombud_web::app(self.state.clone())
    }

    pub async fn user(&self, email: &str, role: Role) -> User {
        let new = NewUser {
            email: Email::parse(email).unwrap(),
            display_name: format!("Test {role}"),
            role,
            unit: None,
            password_hash: auth::hash_password(PASSWORD),
        };
        self.store
            .create_user(&Actor::system("test"), new)
            .await
            .unwrap()
    }

    pub async fn token(&self, user: &User) -> String {
        let token = auth::new_api_token();
        self.store
            .create_token(
                &Actor::system("test"),
                user.id,
                &auth::token_hash(&token),
                "test",
            )
            .await
            .unwrap();
        token
    }

    pub async fn send(&self, req: Request<Body>) -> Reply {
        reply(self.router().oneshot(req).await.unwrap()).await
    }

    /// A browser that has loaded a page and holds a CSRF cookie.
    pub async fn browser(&self) -> Browser {
        let r = self
            .send(Request::get("/login").body(Body::empty()).unwrap())
            .await;
        Browser {
            csrf: r.cookie("ombud_csrf").expect("CSRF cookie on first visit"),
            ..Default::default()
        }
    }

    /// A browser signed in as `email`.
    pub async fn signed_in(&self, email: &str) -> Browser {
        let mut b = self.browser().await;
        let r = self
            .post_form(&b, "/login", &[("email", email), ("password", PASSWORD)])
            .await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "sign-in failed: {}",
            r.body
        );
        b.session = Some(r.cookie("ombud_session").expect("session cookie"));
        b
    }

    fn with_cookies(
        &self,
        b: &Browser,
        req: axum::http::request::Builder,
    ) -> axum::http::request::Builder {
        let mut cookies = vec![format!("ombud_csrf={}", b.csrf)];
        if let Some(s) = &b.session {
            cookies.push(format!("ombud_session={s}"));
        }
        if let Some(l) = &b.lang {
            cookies.push(format!("ombud_lang={l}"));
        }
        req.header(header::COOKIE, cookies.join("; "))
    }

    pub async fn get(&self, b: &Browser, path: &str) -> Reply {
        self.send(
            self.with_cookies(b, Request::get(path))
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    /// Posts a form, adding the browser's CSRF token.
    pub async fn post_form(&self, b: &Browser, path: &str, fields: &[(&str, &str)]) -> Reply {
        let mut body = form_urlencoded::Serializer::new(String::new());
        body.append_pair("csrf", &b.csrf);
        for (k, v) in fields {
            body.append_pair(k, v);
        }
        self.post_raw(b, path, body.finish()).await
    }

    pub async fn post_raw(&self, b: &Browser, path: &str, body: String) -> Reply {
        let req = self
            .with_cookies(b, Request::post(path))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        self.send(req).await
    }

    pub async fn api(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        json: Option<serde_json::Value>,
    ) -> Reply {
        let mut req = Request::builder().method(method).uri(path);
        if let Some(t) = token {
            req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        let body = match json {
            Some(j) => {
                req = req.header(header::CONTENT_TYPE, "application/json");
                Body::from(j.to_string())
            }
            None => Body::empty(),
        };
        self.send(req.body(body).unwrap()).await
    }
}
