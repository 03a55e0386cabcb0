//! Pages for what the register refers to: the organisation's settings,
//! processors and systems. The forms reuse the activity form's machinery
//! ([`crate::register_form`]) with their own field lists.

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use ombud_core::Role;
use ombud_core::register::{DpoContact, Organisation, Processor, System};

use crate::AppState;
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::register_form::{self, FieldErrors, Kind, Posted, Spec};
use crate::views::{Page, RecordFormTpl, RecordListTpl, render};

const ORGANISATION: Spec = Spec {
    sections: &[
        (
            "settings.organisation_section",
            &[
                ("name", Kind::Text),
                ("org_number", Kind::Text),
                ("address", Kind::Text),
                ("email", Kind::Text),
                ("phone", Kind::Text),
                ("is_public_authority", Kind::Bool),
                ("units", Kind::Lines),
            ],
        ),
        (
            "settings.dpo_section",
            &[
                ("dpo_name", Kind::Text),
                ("dpo_email", Kind::Text),
                ("dpo_phone", Kind::Text),
            ],
        ),
    ],
    labels: "ofield",
};

const PROCESSOR: Spec = Spec {
    sections: &[(
        "settings.processor",
        &[
            ("name", Kind::Text),
            ("org_number", Kind::Text),
            ("contact", Kind::Text),
            ("location", Kind::Text),
            ("agreement_in_place", Kind::Bool),
            ("agreement_date", Kind::Date),
            ("agreement_ref", Kind::Text),
            ("sub_processors", Kind::Lines),
        ],
    )],
    labels: "pfield",
};

const SYSTEM: Spec = Spec {
    sections: &[(
        "settings.system",
        &[
            ("name", Kind::Text),
            ("owner", Kind::Text),
            ("hosting", Kind::Text),
            ("location", Kind::Text),
        ],
    )],
    labels: "sfield",
};

#[derive(Debug, Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
}

pub(crate) fn form_page(
    ctx: &Ctx,
    spec: Spec,
    title: &str,
    action: String,
    posted: &Posted,
    errors: &FieldErrors,
    status: StatusCode,
) -> Response {
    form_page_with(ctx, spec, title, action, posted, errors, status, None)
}

/// [`form_page`] with a second button in a form of its own: (action, label).
#[allow(clippy::too_many_arguments)]
pub(crate) fn form_page_with(
    ctx: &Ctx,
    spec: Spec,
    title: &str,
    action: String,
    posted: &Posted,
    errors: &FieldErrors,
    status: StatusCode,
    secondary: Option<(String, String)>,
) -> Response {
    let t = ctx.tr();
    let sections = register_form::sections_of(spec, posted, errors, &[], t, &Default::default());
    let problems = register_form::problems(&sections);
    let p = Page::new(ctx, title, &action);
    render(
        status,
        &RecordFormTpl {
            p,
            action,
            sections,
            problems,
            submit_label: t.t("users.save").to_owned(),
            secondary,
        },
    )
}

/// Checks the name and reads the rest; `Err` carries the field errors.
fn read(spec: Spec, ctx: &Ctx, posted: &Posted) -> Result<Map<String, Value>, FieldErrors> {
    let t = ctx.tr();
    let (obj, mut errors) = register_form::json_of(spec, posted, t);
    if obj
        .get("name")
        .and_then(Value::as_str)
        .is_none_or(|n| n.trim().is_empty())
    {
        errors
            .entry("name".into())
            .or_default()
            .push(t.t("settings.name_required").to_owned());
    }
    if errors.is_empty() {
        Ok(obj)
    } else {
        Err(errors)
    }
}

fn bad_record(ctx: &Ctx, e: serde_json::Error) -> PageError {
    PageError::internal(ctx.lang, &e)
}

// — Organisation —

fn org_values(org: &Organisation) -> Posted {
    let mut v = serde_json::to_value(org).expect("organisation serialises");
    let dpo = org.dpo.clone().unwrap_or_default();
    v["dpo_name"] = json!(dpo.name);
    v["dpo_email"] = json!(dpo.email);
    v["dpo_phone"] = json!(dpo.phone);
    register_form::values_of(ORGANISATION, &v)
}

pub async fn organisation_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, PageError> {
    let org = state
        .store
        .organisation()
        .await
        .map_err(PageError::store(ctx.lang))?;
    let t = ctx.tr();
    let sections = register_form::sections_of(
        ORGANISATION,
        &org_values(&org),
        &FieldErrors::new(),
        &[],
        t,
        &Default::default(),
    );
    let mut p = Page::new(&ctx, "settings.organisation", "/settings/organisation");
    if q.notice.as_deref() == Some("saved") {
        p.notice = Some(t.t("settings.saved").to_owned());
    }
    Ok(render(
        StatusCode::OK,
        &RecordFormTpl {
            p,
            action: "/settings/organisation".into(),
            sections,
            problems: Vec::new(),
            submit_label: t.t("users.save").to_owned(),
            secondary: None,
        },
    ))
}

pub async fn organisation_save(
    State(state): State<AppState>,
    ctx: Ctx,
    body: Bytes,
) -> Result<Response, PageError> {
    let posted = register_form::posted(&body);
    let mut obj = match read(ORGANISATION, &ctx, &posted) {
        Ok(o) => o,
        Err(errors) => {
            return Ok(form_page(
                &ctx,
                ORGANISATION,
                "settings.organisation",
                "/settings/organisation".into(),
                &posted,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
    };
    let text = |o: &mut Map<String, Value>, k: &str| {
        o.remove(k)
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    };
    let dpo = DpoContact {
        name: text(&mut obj, "dpo_name"),
        email: text(&mut obj, "dpo_email"),
        phone: text(&mut obj, "dpo_phone"),
    };
    let mut org: Organisation =
        serde_json::from_value(Value::Object(obj)).map_err(|e| bad_record(&ctx, e))?;
    org.dpo = (!dpo.name.is_empty() || !dpo.email.is_empty()).then_some(dpo);
    state
        .store
        .set_organisation(&ctx.actor(), &org)
        .await
        .map_err(PageError::store(ctx.lang))?;
    Ok(Redirect::to("/settings/organisation?notice=saved").into_response())
}

// — Processors —

fn processor_values(p: &Processor) -> Posted {
    let mut v = serde_json::to_value(p).expect("processor serialises");
    v["sub_processors"] = json!(
        p.sub_processors
            .iter()
            .map(|s| format!("{}; {}; {}", s.name, s.location, s.service))
            .collect::<Vec<_>>()
    );
    register_form::values_of(PROCESSOR, &v)
}

fn processor_from(ctx: &Ctx, mut obj: Map<String, Value>, id: i64) -> Result<Processor, PageError> {
    let lines: Vec<String> = obj
        .remove("sub_processors")
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default();
    obj.insert(
        "sub_processors".into(),
        json!(lines
            .iter()
            .map(|l| {
                let mut parts = l.split(';').map(str::trim);
                json!({"name": parts.next().unwrap_or(""), "location": parts.next().unwrap_or(""), "service": parts.next().unwrap_or("")})
            })
            .collect::<Vec<_>>()),
    );
    obj.insert("id".into(), json!(id));
    serde_json::from_value(Value::Object(obj)).map_err(|e| bad_record(ctx, e))
}

pub async fn processors(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let t = ctx.tr();
    let dpo = ctx.role() == Some(Role::Dpo);
    let items = state
        .store
        .processors()
        .await
        .map_err(PageError::store(ctx.lang))?;
    let rows = items
        .iter()
        .map(|p| {
            let agreement = if p.agreement_in_place {
                t.t("register.yes")
            } else {
                t.t("register.no")
            };
            (
                dpo.then(|| format!("/processors/{}", p.id)),
                vec![p.name.clone(), p.location.clone(), agreement.to_owned()],
            )
        })
        .collect();
    let headers = vec![
        t.t("pfield.name").into(),
        t.t("pfield.location").into(),
        t.t("pfield.agreement_in_place").into(),
    ];
    let p = Page::new(&ctx, "settings.processors", "/processors");
    let new_link = dpo.then(|| {
        (
            "/processors/new".to_owned(),
            t.t("settings.new_processor").to_owned(),
        )
    });
    Ok(render(
        StatusCode::OK,
        &RecordListTpl {
            p,
            new_link,
            headers,
            rows,
        },
    ))
}

pub async fn processor_new(ctx: Ctx) -> Response {
    form_page(
        &ctx,
        PROCESSOR,
        "settings.new_processor",
        "/processors".into(),
        &processor_values(&Processor::default()),
        &FieldErrors::new(),
        StatusCode::OK,
    )
}

pub async fn processor_edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let all = state
        .store
        .processors()
        .await
        .map_err(PageError::store(ctx.lang))?;
    let p = all
        .iter()
        .find(|p| p.id == id)
        .ok_or_else(|| PageError::not_found(ctx.lang))?;
    Ok(form_page(
        &ctx,
        PROCESSOR,
        "settings.processor",
        format!("/processors/{id}"),
        &processor_values(p),
        &FieldErrors::new(),
        StatusCode::OK,
    ))
}

pub async fn processor_create(
    State(state): State<AppState>,
    ctx: Ctx,
    body: Bytes,
) -> Result<Response, PageError> {
    processor_save(state, ctx, None, body).await
}

pub async fn processor_update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, PageError> {
    processor_save(state, ctx, Some(id), body).await
}

async fn processor_save(
    state: AppState,
    ctx: Ctx,
    id: Option<i64>,
    body: Bytes,
) -> Result<Response, PageError> {
    let posted = register_form::posted(&body);
    let action = id
        .map(|id| format!("/processors/{id}"))
        .unwrap_or_else(|| "/processors".into());
    let obj = match read(PROCESSOR, &ctx, &posted) {
        Ok(o) => o,
        Err(errors) => {
            return Ok(form_page(
                &ctx,
                PROCESSOR,
                "settings.processor",
                action,
                &posted,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
    };
    let p = processor_from(&ctx, obj, id.unwrap_or(0))?;
    let saved = match id {
        Some(_) => state.store.update_processor(&ctx.actor(), &p).await,
        None => state.store.create_processor(&ctx.actor(), &p).await,
    };
    saved.map_err(PageError::store(ctx.lang))?;
    Ok(Redirect::to("/processors").into_response())
}

// — Systems —

pub async fn systems(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let t = ctx.tr();
    let role = ctx.role();
    let items = state
        .store
        .systems()
        .await
        .map_err(PageError::store(ctx.lang))?;
    let rows = items
        .iter()
        .map(|s| {
            (
                (role == Some(Role::Dpo)).then(|| format!("/systems/{}", s.id)),
                vec![
                    s.name.clone(),
                    s.owner.clone(),
                    s.hosting.clone(),
                    s.location.clone(),
                ],
            )
        })
        .collect();
    let headers = [
        "sfield.name",
        "sfield.owner",
        "sfield.hosting",
        "sfield.location",
    ]
    .iter()
    .map(|k| t.t(k).to_owned())
    .collect();
    let p = Page::new(&ctx, "settings.systems", "/systems");
    let new_link = matches!(role, Some(Role::Dpo | Role::Registrant)).then(|| {
        (
            "/systems/new".to_owned(),
            t.t("settings.new_system").to_owned(),
        )
    });
    Ok(render(
        StatusCode::OK,
        &RecordListTpl {
            p,
            new_link,
            headers,
            rows,
        },
    ))
}

pub async fn system_new(ctx: Ctx) -> Response {
    let v = register_form::values_of(
        SYSTEM,
        &serde_json::to_value(System::default()).expect("system serialises"),
    );
    form_page(
        &ctx,
        SYSTEM,
        "settings.new_system",
        "/systems".into(),
        &v,
        &FieldErrors::new(),
        StatusCode::OK,
    )
}

pub async fn system_edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let all = state
        .store
        .systems()
        .await
        .map_err(PageError::store(ctx.lang))?;
    let s = all
        .iter()
        .find(|s| s.id == id)
        .ok_or_else(|| PageError::not_found(ctx.lang))?;
    let v = register_form::values_of(SYSTEM, &serde_json::to_value(s).expect("system serialises"));
    Ok(form_page(
        &ctx,
        SYSTEM,
        "settings.system",
        format!("/systems/{id}"),
        &v,
        &FieldErrors::new(),
        StatusCode::OK,
    ))
}

pub async fn system_create(
    State(state): State<AppState>,
    ctx: Ctx,
    body: Bytes,
) -> Result<Response, PageError> {
    system_save(state, ctx, None, body).await
}

pub async fn system_update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, PageError> {
    system_save(state, ctx, Some(id), body).await
}

async fn system_save(
    state: AppState,
    ctx: Ctx,
    id: Option<i64>,
    body: Bytes,
) -> Result<Response, PageError> {
    let posted = register_form::posted(&body);
    let action = id
        .map(|id| format!("/systems/{id}"))
        .unwrap_or_else(|| "/systems".into());
    let mut obj = match read(SYSTEM, &ctx, &posted) {
        Ok(o) => o,
        Err(errors) => {
            return Ok(form_page(
                &ctx,
                SYSTEM,
                "settings.system",
                action,
                &posted,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
    };
    obj.insert("id".into(), json!(id.unwrap_or(0)));
    let s: System = serde_json::from_value(Value::Object(obj)).map_err(|e| bad_record(&ctx, e))?;
    let saved = match id {
        Some(_) => state.store.update_system(&ctx.actor(), &s).await,
        None => state.store.create_system(&ctx.actor(), &s).await,
    };
    saved.map_err(PageError::store(ctx.lang))?;
    Ok(Redirect::to("/systems").into_response())
}
