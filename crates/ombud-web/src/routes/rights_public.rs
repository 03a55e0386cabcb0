//! The public page where a data subject makes a request without an account
//! (`/rights`), and the private page that follows the case
//! (`/rights/case/{token}`).
//!
//! Abuse protection without any third-party service: a honeypot field that
//! people never see (a filled one is refused), at most
//! [`SUBMISSIONS_PER_HOUR`] requests and [`REFUSALS_PER_HOUR`] refused
//! attempts per client address and hour, counted in the database so that
//! every server behind one database shares the count.
//! The private link is a 256-bit random token; only its hash is stored.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use time::{Duration, OffsetDateTime};

use ombud_core::audit::Actor;
use ombud_core::request::{Channel, Request};

use crate::AppState;
use crate::auth;
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::register_form::{self, FieldErrors, Kind, Posted, Spec};
use crate::routes::request_pages::{deadline_text, read_intake};
use crate::routes::requests_api::today;
use crate::views::{Page, RightsCaseTpl, RightsFormTpl, render};

/// How many requests one client address may make in an hour.
pub const SUBMISSIONS_PER_HOUR: i64 = 5;
/// How many refused attempts (form errors) one client address may make in an
/// hour: generous, so that a person correcting the form is not locked out.
pub const REFUSALS_PER_HOUR: i64 = 30;

/// The name of the honeypot field: hidden from people, filled by form robots.
pub const HONEYPOT: &str = "website";

const PUBLIC: Spec = Spec {
    sections: &[
        ("rights.section_right", &[("right", Kind::One)]),
        (
            "rights.section_you",
            &[
                ("name", Kind::Text),
                ("email", Kind::Text),
                ("phone", Kind::Text),
                ("address", Kind::Area),
                ("identity_number", Kind::Text),
                ("data_subject_categories", Kind::Many),
                ("description", Kind::Area),
            ],
        ),
    ],
    labels: "pubfield",
};

async fn form(
    state: &AppState,
    ctx: &Ctx,
    posted: &Posted,
    errors: &FieldErrors,
    banner: Option<&str>,
    status: StatusCode,
) -> Response {
    let t = ctx.tr();
    // The requester may say how they are known to us: the register's categories.
    let categories = match state.store.approved_activities().await {
        Ok(a) => register_form::register_categories(&a),
        Err(e) => {
            tracing::warn!(error = %e, "could not read the register for the public form");
            Vec::new()
        }
    };
    let choices = register_form::Choices {
        categories: &categories,
        ..Default::default()
    };
    let sections = register_form::sections_of(PUBLIC, posted, errors, &[], t, &choices);
    render(
        status,
        &RightsFormTpl {
            p: Page::new(ctx, "rights.title", "/rights"),
            problems: register_form::problems(&sections),
            sections,
            banner: banner.map(|k| t.t(k).to_owned()),
            honeypot: HONEYPOT,
        },
    )
}

/// `GET /rights`.
pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Response {
    form(
        &state,
        &ctx,
        &Posted::new(),
        &FieldErrors::new(),
        None,
        StatusCode::OK,
    )
    .await
}

/// The counter key of a client for public requests ([`crate::client::limit_key`]).
fn client_key(ip: Option<std::net::IpAddr>) -> String {
    format!("intake:{}", crate::client::limit_key(ip))
}

/// `POST /rights`: records the request with today's date (Stockholm) and
/// sends the requester to the private page of the case.
pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    connect: Option<axum::Extension<axum::extract::ConnectInfo<std::net::SocketAddr>>>,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> Result<Response, PageError> {
    let mut posted = register_form::posted(&body);
    if posted
        .remove(HONEYPOT)
        .is_some_and(|v| v.iter().any(|s| !s.trim().is_empty()))
    {
        return Ok(form(
            &state,
            &ctx,
            &posted,
            &FieldErrors::new(),
            Some("rights.refused"),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await);
    }
    let key = client_key(crate::client::client_ip(
        connect.as_ref().map(|c| c.0.0),
        &headers,
        &state.config.trusted_proxies,
    ));
    let now = OffsetDateTime::now_utc();
    let err = PageError::store(ctx.lang);
    let refused_key = format!("{key}:refused");
    let hour_ago = now - Duration::hours(1);
    let recent = state
        .store
        .count_login_failures(&key, hour_ago)
        .await
        .map_err(&err)?;
    let refused = state
        .store
        .count_login_failures(&refused_key, hour_ago)
        .await
        .map_err(&err)?;
    if recent >= SUBMISSIONS_PER_HOUR || refused >= REFUSALS_PER_HOUR {
        return Ok(form(
            &state,
            &ctx,
            &posted,
            &FieldErrors::new(),
            Some("rights.too_many"),
            StatusCode::TOO_MANY_REQUESTS,
        )
        .await);
    }
    let mut with_meta = posted.clone();
    with_meta.insert("received_on".into(), vec![today().to_string()]);
    with_meta.insert("language".into(), vec![ctx.lang.as_str().into()]);
    with_meta.insert("channel".into(), vec![Channel::WebForm.as_str().into()]);
    let spec = Spec {
        sections: &[(
            "rights.section_you",
            &[
                ("right", Kind::One),
                ("received_on", Kind::Date),
                ("channel", Kind::One),
                ("language", Kind::One),
                ("name", Kind::Text),
                ("email", Kind::Text),
                ("phone", Kind::Text),
                ("address", Kind::Area),
                ("identity_number", Kind::Text),
                ("data_subject_categories", Kind::Many),
                ("description", Kind::Area),
            ],
        )],
        labels: "pubfield",
    };
    let intake = match read_intake(spec, &with_meta, ctx.tr()) {
        Ok(i) => i,
        Err(errors) => {
            // Refused attempts count against their own, looser limit.
            state
                .store
                .record_login_failure(&refused_key, now)
                .await
                .map_err(&err)?;
            return Ok(form(
                &state,
                &ctx,
                &posted,
                &errors,
                Some("form.error_summary"),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await);
        }
    };
    state
        .store
        .record_login_failure(&key, now)
        .await
        .map_err(&err)?;
    let token = auth::random_token();
    let r = state
        .store
        .create_request(
            &Actor::system("public-form"),
            &intake,
            None,
            Some(&auth::token_hash(&token)),
        )
        .await
        .map_err(|e| PageError::internal(ctx.lang, &e))?;
    tracing::info!(request = r.id, "request received on the public page");
    Ok(Redirect::to(&format!("/rights/case/{token}?new=1")).into_response())
}

/// `GET /rights/case/{token}`: where the case stands, for the requester.
/// Shows no contact or identity details: whoever holds the link sees it.
pub async fn case(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    axum::extract::Query(q): axum::extract::Query<std::collections::HashMap<String, String>>,
) -> Result<Response, PageError> {
    let r: Request = state
        .store
        .request_by_link(&auth::token_hash(&token))
        .await
        .map_err(PageError::store(ctx.lang))?
        .ok_or_else(|| PageError::not_found(ctx.lang))?;
    let t = ctx.tr();
    let (clock, _) = deadline_text(t, &r);
    let org = state
        .store
        .organisation()
        .await
        .map_err(PageError::store(ctx.lang))?;
    let mut ack = ombud_core::request::letters::acknowledgement(&r, &org);
    // Whoever holds the link sees the page: no name or contact details on it.
    ack.recipient.clear();
    let mut p = Page::new(&ctx, "rights.case_title", "/rights");
    if q.contains_key("new") {
        p.notice = Some(t.t("rights.received").to_owned());
    }
    let mut res = render(
        StatusCode::OK,
        &RightsCaseTpl {
            p,
            reference: r.reference.clone(),
            right: r.intake.right.label(t.lang).to_owned(),
            received_on: r.intake.received_on.to_string(),
            deadline: r.deadline.to_string(),
            status: r.status.label(t.lang).to_owned(),
            clock,
            extended: r.extension.is_some(),
            answered_on: r.answer.as_ref().map(|a| a.answered_on.to_string()),
            doc_lang: ack.language.as_str(),
            letter: ack,
        },
    );
    res.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(res)
}
