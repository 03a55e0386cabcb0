//! Sign-in, sign-out, first-start setup, language, health and the dashboard.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Form, Json};
use axum_extra::extract::cookie::CookieJar;
use serde::Deserialize;
use time::OffsetDateTime;

use ombud_core::Role;
use ombud_core::audit::Actor;
use ombud_core::user::{Email, check_password_policy};
use ombud_store::{AuditFilter, NewUser};

use crate::auth::{self, LoginError, SESSION_LIFETIME};
use crate::ctx::{Ctx, LANG_COOKIE, SESSION_COOKIE, cookie};
use crate::error::PageError;
use crate::i18n::Lang;
use crate::views::{DashboardTpl, FormErrors, LoginTpl, Page, SetupTpl, render};
use crate::{AppState, routes::local_path};

/// `GET /healthz`: 200 when the database answers, 503 when not.
pub async fn healthz(State(state): State<AppState>) -> Response {
    let backend = state.store.backend_name();
    match state.store.ping().await {
        Ok(()) => Json(serde_json::json!({"status": "ok", "database": backend})).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(serde_json::json!({"status": "unavailable", "database": backend})),
            )
                .into_response()
        }
    }
}

pub async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/ombud.css"),
    )
        .into_response()
}

pub async fn not_found(ctx: Ctx) -> Response {
    if ctx.api {
        crate::error::ApiError::not_found().into_response()
    } else {
        PageError::not_found(ctx.lang).into_response()
    }
}

#[derive(Debug, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
    notice: Option<String>,
}

/// `GET /lang/{code}`: remembers the chosen language and goes back.
pub async fn set_language(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
    Query(q): Query<NextQuery>,
    jar: CookieJar,
) -> Result<(CookieJar, Redirect), PageError> {
    let lang = Lang::from_tag(&code)
        .filter(|l| l.as_str() == code)
        .ok_or_else(|| PageError::not_found(ctx.lang))?;
    let mut c = cookie(&state, LANG_COOKIE, lang.as_str().to_owned());
    c.set_max_age(time::Duration::days(365));
    Ok((jar.add(c), Redirect::to(&local_path(q.next.as_deref()))))
}

pub async fn login_form(ctx: Ctx, Query(q): Query<NextQuery>) -> Response {
    if ctx.user.is_some() {
        return Redirect::to(&local_path(q.next.as_deref())).into_response();
    }
    let p = Page::new(&ctx, "login.title", "/login").with_notice(q.notice.as_deref());
    render(
        StatusCode::OK,
        &LoginTpl {
            p,
            email: String::new(),
            next: local_path(q.next.as_deref()),
            error: None,
        },
    )
}

#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

/// The client's address for throttling ([`crate::client`]). Behind a reverse
/// proxy that is not named as trusted every client shares the proxy's
/// address, so the per-client limit is set generously.
fn client_address(
    state: &AppState,
    addr: Option<std::net::SocketAddr>,
    headers: &HeaderMap,
) -> String {
    crate::client::limit_key(crate::client::client_ip(
        addr,
        headers,
        &state.config.trusted_proxies,
    ))
}

/// `POST /login`: checks the credentials and starts a new session.
pub async fn login(
    State(state): State<AppState>,
    ctx: Ctx,
    connect: Option<axum::Extension<axum::extract::ConnectInfo<std::net::SocketAddr>>>,
    headers: HeaderMap,
    jar: CookieJar,
    Form(f): Form<LoginForm>,
) -> Response {
    let client = client_address(&state, connect.as_ref().map(|c| c.0.0), &headers);
    let next = local_path(f.next.as_deref());
    match auth::authenticate(state.store.as_ref(), &f.email, &f.password, &client).await {
        Ok(user) => {
            // A new session id at every sign-in; the old one ends.
            if let Some(old) = &ctx.session_hash {
                let _ = state.store.delete_session(old).await;
            }
            let id = auth::random_token();
            let expires = OffsetDateTime::now_utc() + SESSION_LIFETIME;
            if let Err(e) = state
                .store
                .create_session(&auth::token_hash(&id), user.id, expires)
                .await
            {
                return PageError::internal(ctx.lang, &e).into_response();
            }
            tracing::info!(user_id = user.id, "signed in");
            let mut c = cookie(&state, SESSION_COOKIE, id);
            c.set_max_age(SESSION_LIFETIME);
            (jar.add(c), Redirect::to(&next)).into_response()
        }
        Err(err) => {
            let (status, key) = match err {
                LoginError::Invalid => (StatusCode::UNPROCESSABLE_ENTITY, "login.failed"),
                LoginError::Throttled => (StatusCode::TOO_MANY_REQUESTS, "login.throttled"),
            };
            let p = Page::new(&ctx, "login.title", "/login");
            let error = Some(p.t.t(key).to_owned());
            render(
                status,
                &LoginTpl {
                    p,
                    email: f.email,
                    next,
                    error,
                },
            )
        }
    }
}

/// `POST /logout`: ends the session.
pub async fn logout(State(state): State<AppState>, ctx: Ctx, jar: CookieJar) -> Response {
    if let Some(hash) = &ctx.session_hash {
        let _ = state.store.delete_session(hash).await;
    }
    let mut gone = cookie(&state, SESSION_COOKIE, String::new());
    gone.make_removal();
    (
        jar.add(gone),
        Redirect::to("/login?notice=login.signed_out"),
    )
        .into_response()
}

pub async fn setup_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Response {
    if !state.setup.matches(&token) {
        return PageError::new(StatusCode::NOT_FOUND, ctx.lang, "setup.invalid").into_response();
    }
    let p = Page::new(&ctx, "setup.title", &format!("/setup/{token}"));
    render(
        StatusCode::OK,
        &SetupTpl {
            p,
            token,
            email: String::new(),
            name: String::new(),
            errors: FormErrors::default(),
        },
    )
}

#[derive(Debug, Deserialize)]
pub struct SetupForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

/// Checks a new password and its repetition, adding field errors.
pub fn check_new_password(
    t: crate::i18n::Tr,
    errors: &mut FormErrors,
    password: &str,
    confirm: &str,
) {
    match check_password_policy(password) {
        Err(ombud_core::user::WeakPassword::TooShort) => {
            errors.add("password", t.t("form.password_short"))
        }
        Err(ombud_core::user::WeakPassword::TooLong) => {
            errors.add("password", t.t("form.password_long"))
        }
        Ok(()) if password != confirm => {
            errors.add("password_confirm", t.t("form.password_mismatch"))
        }
        Ok(()) => {}
    }
}

/// `POST /setup/{token}`: creates the first administrator and signs them in.
pub async fn setup(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    jar: CookieJar,
    Form(f): Form<SetupForm>,
) -> Response {
    if !state.setup.matches(&token) {
        return PageError::new(StatusCode::NOT_FOUND, ctx.lang, "setup.invalid").into_response();
    }
    let t = ctx.tr();
    let mut errors = FormErrors::default();
    let email = Email::parse(&f.email);
    if email.is_err() {
        errors.add("email", t.t("form.email_invalid"));
    }
    if f.display_name.trim().is_empty() {
        errors.add("display_name", t.t("form.required"));
    }
    check_new_password(t, &mut errors, &f.password, &f.password_confirm);
    if let (true, Ok(email)) = (errors.is_empty(), email) {
        let new = NewUser {
            email,
            display_name: f.display_name.trim().to_owned(),
            role: Role::Admin,
            unit: None,
            password_hash: auth::hash_password(&f.password),
        };
        match state
            .store
            .create_first_user(&Actor::system("setup"), new)
            .await
        {
            Ok(user) => {
                state.setup.clear();
                let id = auth::random_token();
                let expires = OffsetDateTime::now_utc() + SESSION_LIFETIME;
                if let Err(e) = state
                    .store
                    .create_session(&auth::token_hash(&id), user.id, expires)
                    .await
                {
                    return PageError::internal(ctx.lang, &e).into_response();
                }
                let mut c = cookie(&state, SESSION_COOKIE, id);
                c.set_max_age(SESSION_LIFETIME);
                return (jar.add(c), Redirect::to("/")).into_response();
            }
            Err(ombud_store::StoreError::Conflict(_)) => {
                state.setup.clear();
                return PageError::new(StatusCode::CONFLICT, ctx.lang, "setup.invalid")
                    .into_response();
            }
            Err(e) => return PageError::internal(ctx.lang, &e).into_response(),
        }
    }
    let p = Page::new(&ctx, "setup.title", &format!("/setup/{token}"));
    render(
        StatusCode::UNPROCESSABLE_ENTITY,
        &SetupTpl {
            p,
            token,
            email: f.email,
            name: f.display_name,
            errors,
        },
    )
}

/// `GET /`: the overview.
pub async fn dashboard(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NextQuery>,
) -> Result<Response, PageError> {
    let user = ctx.require_user()?.clone();
    let p = Page::new(&ctx, "dashboard.title", "/").with_notice(q.notice.as_deref());
    let welcome = p.t.f("dashboard.welcome", &[("name", &user.display_name)]);
    let users_by_role = if user.role == Role::Admin {
        let users = state
            .store
            .list_users()
            .await
            .map_err(PageError::store(ctx.lang))?;
        Role::ALL
            .iter()
            .map(|r| {
                (
                    p.t.role(*r).to_owned(),
                    users.iter().filter(|u| u.role == *r && u.active).count(),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let (audit_total, recent) = if matches!(user.role, Role::Dpo | Role::Auditor) {
        let all = AuditFilter::default();
        let total = state
            .store
            .audit_count(&all)
            .await
            .map_err(PageError::store(ctx.lang))?;
        let recent = state
            .store
            .audit_entries(&all, 5, 0)
            .await
            .map_err(PageError::store(ctx.lang))?;
        (Some(total), recent)
    } else {
        (None, Vec::new())
    };
    let (register_counts, queue, overdue) =
        if matches!(user.role, Role::Dpo | Role::Registrant | Role::Auditor) {
            register_overview(&state, &ctx, &user).await?
        } else {
            Default::default()
        };
    let now = time::OffsetDateTime::now_utc();
    let mut urgent: Vec<_> = state
        .store
        .incidents()
        .await
        .map_err(PageError::store(ctx.lang))?
        .into_iter()
        .filter(|i| super::incidents_api::may_see(&user, i))
        .filter(|i| {
            use ombud_core::incident::ClockState::{Overdue, Running};
            matches!(ombud_core::incident::clock(i, now).state, Running | Overdue)
        })
        .collect();
    urgent.sort_by_key(|i| i.imy_deadline);
    let breaches = urgent
        .iter()
        .map(|i| super::incident_pages::row(p.t, i, now))
        .collect();
    let requests = if matches!(user.role, Role::Dpo | Role::Auditor) {
        let open: Vec<_> = state
            .store
            .requests()
            .await
            .map_err(PageError::store(ctx.lang))?
            .into_iter()
            .filter(|r| r.is_open())
            .collect();
        super::request_pages::sorted(open)
            .iter()
            .map(|r| super::request_pages::row(p.t, r))
            .collect()
    } else {
        Vec::new()
    };
    Ok(render(
        StatusCode::OK,
        &DashboardTpl {
            breaches,
            requests,
            p,
            welcome,
            users_by_role,
            audit_total,
            recent,
            register_counts,
            queue,
            overdue,
        },
    ))
}

type Overview = (
    Vec<(String, usize, String)>,
    Vec<(i64, String)>,
    Vec<(i64, String, String)>,
);

/// Counts of the register by status and review date, the review queue and overdue reviews.
async fn register_overview(
    state: &AppState,
    ctx: &Ctx,
    user: &ombud_core::user::User,
) -> Result<Overview, PageError> {
    use ombud_core::register::Status;
    let t = ctx.tr();
    let today = OffsetDateTime::now_utc().date();
    let records: Vec<_> = state
        .store
        .activities()
        .await
        .map_err(PageError::store(ctx.lang))?
        .into_iter()
        .filter(|r| crate::routes::activities_api::may_see(user, r))
        .collect();
    let count =
        |f: &dyn Fn(&ombud_store::ActivityRecord) -> bool| records.iter().filter(|r| f(r)).count();
    let in_force = |r: &ombud_store::ActivityRecord| {
        r.in_force_version.is_some() && r.current.status != Status::Archived
    };
    let due = |r: &ombud_store::ActivityRecord, days: i64| {
        r.current.status == Status::Approved
            && r.current
                .review_due
                .is_some_and(|d| d <= today + time::Duration::days(days))
    };
    let counts = vec![
        (
            t.t("dash.in_register").to_owned(),
            count(&in_force),
            "/register".to_owned(),
        ),
        (
            t.t("dash.awaiting_review").to_owned(),
            count(&|r| r.current.status == Status::Submitted),
            "/register?status=submitted".to_owned(),
        ),
        (
            t.t("dash.changes_requested").to_owned(),
            count(&|r| r.current.status == Status::ChangesRequested),
            "/register?status=changes_requested".to_owned(),
        ),
        (
            t.t("dash.drafts").to_owned(),
            count(&|r| r.current.status == Status::Draft),
            "/register?status=draft".to_owned(),
        ),
        (
            t.t("dash.overdue").to_owned(),
            count(&|r| due(r, -1)),
            "/register?review_due=overdue".to_owned(),
        ),
        (
            t.t("dash.due_soon").to_owned(),
            count(&|r| due(r, 30)),
            "/register?review_due=within_30_days".to_owned(),
        ),
    ];
    let queue = records
        .iter()
        .filter(|r| r.current.status == Status::Submitted)
        .map(|r| (r.current.id, r.current.content.name.clone()))
        .collect();
    let overdue = records
        .iter()
        .filter(|r| due(r, -1))
        .map(|r| {
            (
                r.current.id,
                r.current.content.name.clone(),
                r.current
                    .review_due
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            )
        })
        .collect();
    Ok((counts, queue, overdue))
}
