//! `/settings/email`: the outgoing mail server for alerts, and a test mail.
//! The password is write-only: the form never shows it, and an empty field
//! keeps the stored one.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde_json::Value;

use crate::AppState;
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::mail::{self, Mail, SMTP_KEY, SmtpSettings};
use crate::register_form::{self, FieldErrors, Kind, Posted, Spec};
use crate::routes::settings_pages::{form_page, form_page_with};

const MAIL: Spec = Spec {
    sections: &[(
        "settings.mail_section",
        &[
            ("host", Kind::Text),
            ("port", Kind::Number),
            ("security", Kind::One),
            ("username", Kind::Text),
            ("password", Kind::Password),
            ("from", Kind::Text),
            ("alert_to", Kind::Lines),
            ("site_url", Kind::Text),
        ],
    )],
    labels: "mfield",
};

fn values(s: &SmtpSettings) -> Posted {
    let mut v = serde_json::to_value(s).expect("settings serialise");
    if s.port == 0 {
        v["port"] = Value::Null;
    }
    register_form::values_of(MAIL, &v)
}

/// `GET /settings/email`.
pub async fn form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let s = mail::settings(state.store.as_ref()).await;
    let t = ctx.tr();
    let test = s.configured().then(|| {
        (
            "/settings/email/test".into(),
            t.t("settings.mail_test").into(),
        )
    });
    let mut res = form_page_with(
        &ctx,
        MAIL,
        "settings.mail",
        "/settings/email".into(),
        &values(&s),
        &FieldErrors::new(),
        StatusCode::OK,
        test,
    );
    res.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(res)
}

/// Reads and checks the posted settings, keeping the stored password when
/// the field is left empty.
fn read(ctx: &Ctx, posted: &Posted, stored: &SmtpSettings) -> Result<SmtpSettings, FieldErrors> {
    let t = ctx.tr();
    let (mut obj, mut errors) = register_form::json_of(MAIL, posted, t);
    if obj.get("port").is_none_or(Value::is_null) {
        obj.insert("port".into(), 0.into());
    }
    if obj
        .get("security")
        .and_then(Value::as_str)
        .is_none_or(str::is_empty)
    {
        obj.insert("security".into(), "starttls".into());
    }
    let mut s: SmtpSettings = match serde_json::from_value(Value::Object(obj)) {
        Ok(s) => s,
        Err(e) => {
            errors
                .entry("port".into())
                .or_default()
                .push(format!("{}: {e}", t.t("form.value_invalid")));
            return Err(errors);
        }
    };
    // The stored password is kept only for the same server and user: it is
    // never sent to a server it was not given for.
    let same_server = s.host.trim() == stored.host.trim()
        && s.username == stored.username
        && s.port == stored.port
        && s.security == stored.security;
    if s.password.is_empty() && !stored.password.is_empty() {
        if same_server {
            s.password = stored.password.clone();
        } else {
            errors
                .entry("password".into())
                .or_default()
                .push(t.t("settings.mail_password_again").into());
        }
    }
    let mut check = |field: &str, addr: &str| {
        if addr.trim().parse::<lettre::message::Mailbox>().is_err() {
            errors
                .entry(field.into())
                .or_default()
                .push(t.t("form.email_invalid").into());
        }
    };
    if !s.from.trim().is_empty() {
        check("from", &s.from);
    }
    for a in &s.alert_to {
        check("alert_to", a);
    }
    if !s.host.trim().is_empty() && s.from.trim().is_empty() {
        errors
            .entry("from".into())
            .or_default()
            .push(t.t("form.required").into());
    }
    if errors.is_empty() {
        Ok(s)
    } else {
        Err(errors)
    }
}

/// `POST /settings/email`.
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    body: Bytes,
) -> Result<Response, PageError> {
    let posted = register_form::posted(&body);
    let stored = mail::settings(state.store.as_ref()).await;
    let s = match read(&ctx, &posted, &stored) {
        Ok(s) => s,
        Err(errors) => {
            return Ok(form_page(
                &ctx,
                MAIL,
                "settings.mail",
                "/settings/email".into(),
                &posted,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
    };
    state
        .store
        .set_setting(
            &ctx.actor(),
            SMTP_KEY,
            &serde_json::to_value(&s).expect("settings serialise"),
            &["password"],
        )
        .await
        .map_err(PageError::store(ctx.lang))?;
    Ok(Redirect::to("/?notice=settings.mail_saved").into_response())
}

/// `POST /settings/email/test`: sends a test mail to the alert recipients.
pub async fn test(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let s = mail::settings(state.store.as_ref()).await;
    let to = mail::alert_recipients(state.store.as_ref(), &s).await;
    let t = ctx.tr();
    let m = Mail {
        to,
        subject: t.t("settings.mail_test_subject").to_owned(),
        body: t.t("settings.mail_test_body").to_owned(),
    };
    match mail::send(&s, &m).await {
        Ok(()) => Ok(Redirect::to("/?notice=settings.mail_sent").into_response()),
        Err(e) => Err(
            PageError::new(StatusCode::BAD_GATEWAY, ctx.lang, "settings.mail_failed")
                .with_detail(e.to_string()),
        ),
    }
}

// — Retention of closed requests —

const REQUESTS: Spec = Spec {
    sections: &[(
        "settings.requests_section",
        &[
            ("retention_months", Kind::Number),
            ("retention_source", Kind::Text),
        ],
    )],
    labels: "qfield",
};

/// `GET /settings/requests`.
pub async fn requests_form(State(state): State<AppState>, ctx: Ctx) -> Response {
    let s = crate::retention::settings(state.store.as_ref()).await;
    form_page(
        &ctx,
        REQUESTS,
        "settings.requests",
        "/settings/requests".into(),
        &register_form::values_of(
            REQUESTS,
            &serde_json::to_value(&s).expect("settings serialise"),
        ),
        &FieldErrors::new(),
        StatusCode::OK,
    )
}

/// `POST /settings/requests`.
pub async fn requests_save(
    State(state): State<AppState>,
    ctx: Ctx,
    body: Bytes,
) -> Result<Response, PageError> {
    let posted = register_form::posted(&body);
    let t = ctx.tr();
    let (mut obj, mut errors) = register_form::json_of(REQUESTS, &posted, t);
    if obj.get("retention_months").is_none_or(Value::is_null)
        && !errors.contains_key("retention_months")
    {
        errors
            .entry("retention_months".into())
            .or_default()
            .push(t.t("form.required").into());
    }
    let parsed = serde_json::from_value::<crate::retention::RequestSettings>(Value::Object(
        std::mem::take(&mut obj),
    ));
    let authority = state
        .store
        .organisation()
        .await
        .map_err(PageError::store(ctx.lang))?
        .is_public_authority;
    if authority
        && parsed
            .as_ref()
            .is_ok_and(|s| s.retention_source.trim().is_empty())
    {
        errors
            .entry("retention_source".into())
            .or_default()
            .push(t.t("settings.retention_source_required").into());
    }
    let s = match (errors.is_empty(), parsed) {
        (true, Ok(s)) => s,
        (_, parsed) => {
            if let Err(e) = parsed {
                errors
                    .entry("retention_months".into())
                    .or_default()
                    .push(format!("{}: {e}", t.t("form.value_invalid")));
            }
            return Ok(form_page(
                &ctx,
                REQUESTS,
                "settings.requests",
                "/settings/requests".into(),
                &posted,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
    };
    state
        .store
        .set_setting(
            &ctx.actor(),
            crate::retention::KEY,
            &serde_json::to_value(&s).expect("settings serialise"),
            &[],
        )
        .await
        .map_err(PageError::store(ctx.lang))?;
    Ok(Redirect::to("/?notice=settings.requests_saved").into_response())
}
