//! The register's pages: list, form, activity page with checks and review,
//! version history.

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use time::{Duration, OffsetDateTime};

use ombud_core::Role;
use ombud_core::register::filter::{ActivityFilter, ReviewDue};
use ombud_core::register::{
    ActivityContent, LegalBasis, Severity, Status, ViolationJson, blocks_submission, diff,
    dpia_screening, validate_for_submit,
};
use ombud_store::{ActivityRecord, StoreError, Transition};

use crate::AppState;
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::register_form::{self, FieldErrors, Opt, Posted};
use crate::routes::activities_api::{may_edit, may_see};
use crate::views::{
    ActivityFormTpl, ActivityTpl, HistoryTpl, Page, RegisterListTpl, RegisterRow, VersionView,
    ViolationView, render,
};

fn status_label(t: Tr, s: Status) -> String {
    t.t(&format!("status.{}", s.as_str())).to_owned()
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    legal_basis: String,
    #[serde(default)]
    special_categories: String,
    #[serde(default)]
    system: String,
    #[serde(default)]
    processor: String,
    #[serde(default)]
    review_due: String,
    notice: Option<String>,
}

impl ListQuery {
    /// The filter; empty or unknown values mean "all" (a form sends every select).
    fn filter(&self) -> ActivityFilter {
        ActivityFilter {
            q: Some(self.q.clone()).filter(|q| !q.trim().is_empty()),
            unit: Some(self.unit.clone()).filter(|u| !u.is_empty()),
            status: self.status.parse().ok(),
            legal_basis: self.legal_basis.parse().ok(),
            special_categories: match self.special_categories.as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
            system: self.system.parse().ok(),
            processor: self.processor.parse().ok(),
            review_due: match self.review_due.as_str() {
                "overdue" => Some(ReviewDue::Overdue),
                "within_30_days" => Some(ReviewDue::Within30Days),
                _ => None,
            },
        }
    }
}

fn select(chosen: &str, options: Vec<(String, String)>) -> Vec<Opt> {
    options
        .into_iter()
        .map(|(value, label)| Opt {
            selected: value == chosen,
            value,
            label,
        })
        .collect()
}

/// `GET /register`.
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let me = ctx.require_user()?.clone();
    let t = ctx.tr();
    let err = PageError::store(ctx.lang);
    let (records, org, processors, systems) = (
        state.store.activities().await.map_err(&err)?,
        state.store.organisation().await.map_err(&err)?,
        state.store.processors().await.map_err(&err)?,
        state.store.systems().await.map_err(&err)?,
    );
    let today = OffsetDateTime::now_utc().date();
    let filter = q.filter();
    let rows: Vec<RegisterRow> = records
        .iter()
        .filter(|r| may_see(&me, r) && filter.matches(&r.current, today))
        .map(|r| {
            let a = &r.current;
            RegisterRow {
                id: a.id,
                name: a.content.name.clone(),
                unit: a.content.unit.clone(),
                legal_basis: a
                    .content
                    .legal_basis
                    .map(|b| b.label(t.lang).to_owned())
                    .unwrap_or_default(),
                status: status_label(t, a.status),
                review_due: a.review_due.map(|d| d.to_string()).unwrap_or_default(),
                overdue: a.status == Status::Approved && a.review_due.is_some_and(|d| d < today),
            }
        })
        .collect();
    let mut units: Vec<String> = org.units.clone();
    for r in &records {
        if !r.current.content.unit.is_empty() && !units.contains(&r.current.content.unit) {
            units.push(r.current.content.unit.clone());
        }
    }
    let lang = t.lang;
    let choices = register_form::Choices {
        processors: &processors,
        systems: &systems,
        ..Default::default()
    };
    let selects = vec![
        (
            "unit",
            t.t("field.unit").to_owned(),
            select(&q.unit, units.into_iter().map(|u| (u.clone(), u)).collect()),
        ),
        (
            "status",
            t.t("register.status").to_owned(),
            select(
                &q.status,
                Status::ALL
                    .iter()
                    .map(|s| (s.as_str().to_owned(), status_label(t, *s)))
                    .collect(),
            ),
        ),
        (
            "legal_basis",
            t.t("field.legal_basis").to_owned(),
            select(
                &q.legal_basis,
                LegalBasis::ALL
                    .iter()
                    .map(|b| (b.as_str().to_owned(), b.label(lang).to_owned()))
                    .collect(),
            ),
        ),
        (
            "special_categories",
            t.t("field.special_categories").to_owned(),
            select(
                &q.special_categories,
                vec![
                    ("yes".into(), t.t("register.special_yes").into()),
                    ("no".into(), t.t("register.special_no").into()),
                ],
            ),
        ),
        (
            "system",
            t.t("field.system_ids").to_owned(),
            select(
                &q.system,
                register_form::options("system_ids", lang, &choices),
            ),
        ),
        (
            "processor",
            t.t("field.processor_ids").to_owned(),
            select(
                &q.processor,
                register_form::options("processor_ids", lang, &choices),
            ),
        ),
        (
            "review_due",
            t.t("register.review_due").to_owned(),
            select(
                &q.review_due,
                vec![
                    ("overdue".into(), t.t("register.overdue").into()),
                    ("within_30_days".into(), t.t("register.due_soon").into()),
                ],
            ),
        ),
    ];
    let p = Page::new(&ctx, "register.title", "/register").with_notice(q.notice.as_deref());
    Ok(render(
        StatusCode::OK,
        &RegisterListTpl {
            can_write: matches!(me.role, Role::Dpo | Role::Registrant),
            q: q.q.clone(),
            selects,
            count_text: t.f("register.count", &[("count", &rows.len())]),
            rows,
            p,
        },
    ))
}

async fn lookups(
    state: &AppState,
    ctx: &Ctx,
) -> Result<
    (
        ombud_core::register::Organisation,
        Vec<ombud_core::register::Processor>,
        Vec<ombud_core::register::System>,
    ),
    PageError,
> {
    let err = PageError::store(ctx.lang);
    Ok((
        state.store.organisation().await.map_err(&err)?,
        state.store.processors().await.map_err(&err)?,
        state.store.systems().await.map_err(&err)?,
    ))
}

struct FormState<'a> {
    id: Option<i64>,
    posted: &'a Posted,
    errors: &'a FieldErrors,
    violations: &'a [ViolationJson],
    banner: Option<String>,
    ask_ack: bool,
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    f: FormState<'_>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let (_, processors, systems) = lookups(state, ctx).await?;
    let t = ctx.tr();
    let (title, action, here) = match f.id {
        Some(id) => (
            "register.form_title_edit",
            format!("/register/{id}"),
            format!("/register/{id}/edit"),
        ),
        None => (
            "register.form_title_new",
            "/register".to_owned(),
            "/register/new".to_owned(),
        ),
    };
    let sections =
        register_form::sections(f.posted, f.errors, f.violations, t, &processors, &systems);
    let mut problems: Vec<(String, String)> = Vec::new();
    for s in &sections {
        for field in &s.fields {
            for e in &field.errors {
                problems.push((field.name.to_owned(), format!("{}: {e}", field.label)));
            }
        }
    }
    if f.ask_ack {
        for s in &sections {
            for field in &s.fields {
                for w in &field.warnings {
                    problems.push((field.name.to_owned(), format!("{}: {w}", field.label)));
                }
            }
        }
    }
    if let Some(general) = f.errors.get("form") {
        problems.extend(general.iter().map(|m| ("name".to_owned(), m.clone())));
    }
    let p = Page::new(ctx, title, &here);
    Ok(render(
        status,
        &ActivityFormTpl {
            p,
            action,
            sections,
            banner: f.banner,
            problems,
            ask_ack: f.ask_ack,
        },
    ))
}

/// `GET /register/new`.
pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let me = ctx.require_user()?;
    let content = ActivityContent {
        unit: me.unit.clone().unwrap_or_default(),
        ..Default::default()
    };
    let posted = register_form::from_content(&content);
    form_page(
        &state,
        &ctx,
        FormState {
            id: None,
            posted: &posted,
            errors: &FieldErrors::new(),
            violations: &[],
            banner: None,
            ask_ack: false,
        },
        StatusCode::OK,
    )
    .await
}

async fn load(state: &AppState, ctx: &Ctx, id: i64) -> Result<ActivityRecord, PageError> {
    let rec = state
        .store
        .activity(id)
        .await
        .map_err(PageError::store(ctx.lang))?
        .ok_or_else(|| PageError::not_found(ctx.lang))?;
    if !may_see(ctx.require_user()?, &rec) {
        return Err(PageError::not_found(ctx.lang));
    }
    Ok(rec)
}

/// `GET /register/{id}/edit`.
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let rec = load(&state, &ctx, id).await?;
    if !may_edit(ctx.require_user()?, &rec) {
        return Err(PageError::forbidden(ctx.lang));
    }
    let posted = register_form::from_content(&rec.current.content);
    form_page(
        &state,
        &ctx,
        FormState {
            id: Some(id),
            posted: &posted,
            errors: &FieldErrors::new(),
            violations: &[],
            banner: None,
            ask_ack: false,
        },
        StatusCode::OK,
    )
    .await
}

/// `POST /register`: a new activity.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    body: Bytes,
) -> Result<Response, PageError> {
    save(state, ctx, None, body).await
}

/// `POST /register/{id}`: saves, and submits when asked.
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, PageError> {
    let rec = load(&state, &ctx, id).await?;
    if !may_edit(ctx.require_user()?, &rec) {
        return Err(PageError::forbidden(ctx.lang));
    }
    save(state, ctx, Some(id), body).await
}

async fn save(
    state: AppState,
    ctx: Ctx,
    id: Option<i64>,
    body: Bytes,
) -> Result<Response, PageError> {
    let t = ctx.tr();
    let posted = register_form::posted(&body);
    let submit = posted
        .get("action")
        .and_then(|v| v.first())
        .is_some_and(|a| a == "submit");
    let acknowledged = posted.contains_key("ack_warnings");
    let (mut content, errors) = register_form::to_content(&posted, t);
    if !errors.is_empty() {
        let banner = Some(t.t("form.error_summary").to_owned());
        return form_page(
            &state,
            &ctx,
            FormState {
                id,
                posted: &posted,
                errors: &errors,
                violations: &[],
                banner,
                ask_ack: false,
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let me = ctx.require_user()?;
    if me.role == Role::Registrant && content.unit.trim().is_empty() {
        content.unit = me.unit.clone().unwrap_or_default();
    }
    let actor = ctx.actor();
    let saved = match id {
        None => state.store.create_activity(&actor, &content).await,
        Some(id) => state.store.update_activity(&actor, id, &content).await,
    };
    let rec = match saved {
        Ok(r) => r,
        Err(StoreError::Conflict(_)) => {
            return Err(PageError::new(
                StatusCode::CONFLICT,
                ctx.lang,
                "register.conflict",
            ));
        }
        Err(e) => return Err(PageError::internal(ctx.lang, &e)),
    };
    let id = rec.current.id;
    if !submit {
        return Ok(Redirect::to(&format!("/register/{id}?notice=register.saved")).into_response());
    }
    let (org, processors, _) = lookups(&state, &ctx).await?;
    let found = validate_for_submit(&rec.current.content, &org, &processors);
    let violations: Vec<ViolationJson> = found.iter().map(|v| v.to_json(t.lang)).collect();
    let has_warnings = found.iter().any(|v| v.severity == Severity::Warning);
    let (banner, ask_ack) = if blocks_submission(&found) {
        (Some(t.t("register.errors_block").to_owned()), false)
    } else if has_warnings && !acknowledged {
        (Some(t.t("register.warnings_need_ack").to_owned()), true)
    } else {
        let to = Transition {
            to: Status::Submitted,
            comment: None,
            review_due: None,
        };
        return match state.store.transition_activity(&actor, id, &to).await {
            Ok(_) => Ok(
                Redirect::to(&format!("/register/{id}?notice=register.submitted")).into_response(),
            ),
            Err(StoreError::Conflict(_)) => Err(PageError::new(
                StatusCode::CONFLICT,
                ctx.lang,
                "register.conflict",
            )),
            Err(e) => Err(PageError::internal(ctx.lang, &e)),
        };
    };
    let posted = register_form::from_content(&rec.current.content);
    form_page(
        &state,
        &ctx,
        FormState {
            id: Some(id),
            posted: &posted,
            errors: &FieldErrors::new(),
            violations: &violations,
            banner,
            ask_ack,
        },
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

#[derive(Debug, Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
}

/// `GET /register/{id}`.
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, PageError> {
    let rec = load(&state, &ctx, id).await?;
    let me = ctx.require_user()?;
    let t = ctx.tr();
    let (org, processors, systems) = lookups(&state, &ctx).await?;
    let a = &rec.current;
    let found = validate_for_submit(&a.content, &org, &processors);
    let violations_json: Vec<ViolationJson> = found.iter().map(|v| v.to_json(t.lang)).collect();
    let violations = found
        .iter()
        .zip(&violations_json)
        .map(|(v, j)| ViolationView {
            severity: v.severity.as_str(),
            severity_label: v.severity.label(t.lang),
            message: j.message.clone(),
            article: j.article.clone(),
            field: j.field.clone(),
            field_label: t.t(&format!("field.{}", j.field)).to_owned(),
        })
        .collect();
    let screening = dpia_screening(&a.content, &org);
    let dpia_verdict = t
        .t(if screening.required {
            "register.dpia_required"
        } else if screening.recommended {
            "register.dpia_recommended"
        } else {
            "register.dpia_not_indicated"
        })
        .to_owned();
    let dpia_criteria = screening
        .criteria_met
        .iter()
        .map(|c| c.label(t.lang).to_owned())
        .collect();
    let posted = register_form::from_content(&a.content);
    let sections = register_form::sections(
        &posted,
        &FieldErrors::new(),
        &violations_json,
        t,
        &processors,
        &systems,
    );
    let mut p = Page::new(&ctx, "register.title", &format!("/register/{id}"))
        .with_notice(q.notice.as_deref());
    p.title = a.content.name.clone();
    let tpl = ActivityTpl {
        id,
        status: status_label(t, a.status),
        version: a.version,
        in_force: rec
            .in_force_version
            .map(|v| t.f("register.in_force", &[("version", &v)])),
        review_due: a.review_due.map(|d| d.to_string()),
        comment: rec.comment.clone().filter(|_| a.status != Status::Approved),
        can_edit: may_edit(me, &rec) && !matches!(a.status, Status::Submitted | Status::Archived),
        can_review: me.role == Role::Dpo
            && matches!(a.status, Status::Submitted | Status::Approved),
        submitted: a.status == Status::Submitted,
        archivable: a.status == Status::Approved,
        violations,
        dpia_verdict,
        dpia_criteria,
        sections,
        p,
    };
    Ok(render(StatusCode::OK, &tpl))
}

#[derive(Debug, Deserialize)]
pub struct ReviewForm {
    action: String,
    #[serde(default)]
    comment: String,
}

/// `POST /register/{id}/review`: the DPO's decision.
pub async fn review(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    axum::Form(f): axum::Form<ReviewForm>,
) -> Result<Response, PageError> {
    let rec = load(&state, &ctx, id).await?;
    let comment = Some(f.comment.trim().to_owned()).filter(|c| !c.is_empty());
    let (to, notice) = match f.action.as_str() {
        "approve" => (Status::Approved, "register.done_approved"),
        "request_changes" => (Status::ChangesRequested, "register.done_changes"),
        "reject" => (Status::Rejected, "register.done_rejected"),
        "archive" => (Status::Archived, "register.done_archived"),
        _ => {
            return Err(PageError::new(
                StatusCode::BAD_REQUEST,
                ctx.lang,
                "error.bad_request",
            ));
        }
    };
    if matches!(to, Status::ChangesRequested | Status::Rejected) && comment.is_none() {
        return Err(PageError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ctx.lang,
            "register.comment_required",
        ));
    }
    let review_due =
        (to == Status::Approved).then(|| OffsetDateTime::now_utc().date() + Duration::days(365));
    if to == Status::Approved {
        let (org, processors, _) = lookups(&state, &ctx).await?;
        if blocks_submission(&validate_for_submit(
            &rec.current.content,
            &org,
            &processors,
        )) {
            return Err(PageError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ctx.lang,
                "register.errors_block",
            ));
        }
    }
    match state
        .store
        .transition_activity(
            &ctx.actor(),
            id,
            &Transition {
                to,
                comment,
                review_due,
            },
        )
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/register/{id}?notice={notice}")).into_response()),
        Err(StoreError::Conflict(_)) => Err(PageError::new(
            StatusCode::CONFLICT,
            ctx.lang,
            "register.conflict",
        )),
        Err(e) => Err(PageError::internal(ctx.lang, &e)),
    }
}

fn show_value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => {
            items.iter().map(show_value).collect::<Vec<_>>().join("\n")
        }
        other => other.to_string(),
    }
}

/// `GET /register/{id}/history`.
pub async fn history(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let rec = load(&state, &ctx, id).await?;
    let t = ctx.tr();
    let versions = state
        .store
        .activity_versions(id)
        .await
        .map_err(PageError::store(ctx.lang))?;
    let empty = ActivityContent::default();
    let mut prev = &empty;
    let mut views = Vec::new();
    for v in &versions {
        views.push(VersionView {
            version: v.activity.version,
            status: status_label(t, v.activity.status),
            comment: v.comment.clone(),
            changes: diff(prev, &v.activity.content)
                .into_iter()
                .map(|c| {
                    (
                        t.t(&format!("field.{}", c.field)).to_owned(),
                        show_value(&c.before),
                        show_value(&c.after),
                    )
                })
                .collect(),
        });
        prev = &v.activity.content;
    }
    views.reverse();
    let mut p = Page::new(&ctx, "register.history", &format!("/register/{id}/history"));
    p.title = format!("{} – {}", t.t("register.history"), rec.current.content.name);
    Ok(render(
        StatusCode::OK,
        &HistoryTpl {
            p,
            id,
            name: rec.current.content.name,
            versions: views,
        },
    ))
}

#[derive(Debug, Deserialize)]
pub struct PrintQuery {
    lang: Option<String>,
}

/// `GET /register/print?lang=sv|en`: the register in force as one printable
/// document (print it, or save it as PDF from the browser), every field of
/// every approved activity — what the DPO hands IMY on request.
pub async fn print(
    State(state): State<AppState>,
    mut ctx: Ctx,
    Query(q): Query<PrintQuery>,
) -> Result<Response, PageError> {
    if let Some(lang) = q.lang.as_deref().and_then(ombud_core::lang::Lang::from_tag) {
        ctx.lang = lang;
    }
    let t = ctx.tr();
    let (org, processors, systems) = lookups(&state, &ctx).await?;
    let approved = state
        .store
        .approved_activities()
        .await
        .map_err(PageError::store(ctx.lang))?;
    let today = OffsetDateTime::now_utc().date();
    let activities = approved
        .iter()
        .map(|a| crate::views::PrintActivity {
            id: a.id,
            name: a.content.name.clone(),
            version: a.version,
            review_due: a.review_due.map(|d| d.to_string()).unwrap_or_default(),
            prefix: format!("a{}-", a.id),
            sections: register_form::sections(
                &register_form::from_content(&a.content),
                &FieldErrors::new(),
                &[],
                t,
                &processors,
                &systems,
            ),
        })
        .collect::<Vec<_>>();
    let p = Page::new(&ctx, "print.title", "/register/print");
    let other = if t.lang == ombud_core::lang::Lang::Sv {
        "en"
    } else {
        "sv"
    };
    Ok(render(
        StatusCode::OK,
        &crate::views::RegisterPrintTpl {
            printed: t.f(
                "print.printed",
                &[("date", &today), ("count", &activities.len())],
            ),
            other_lang_href: format!("/register/print?lang={other}"),
            other_lang_label: t.t("print.other").to_owned(),
            org,
            activities,
            p,
        },
    ))
}

#[derive(Debug, Deserialize)]
pub struct ExportQuery {
    lang: Option<String>,
}

/// `GET /register/export.json`: the register in force as the JSON document
/// `ombud register import` reads back (the same as `ombud register export --format json`).
pub async fn export_json(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let (org, processors, systems) = lookups(&state, &ctx).await?;
    let activities = state
        .store
        .approved_activities()
        .await
        .map_err(PageError::store(ctx.lang))?;
    let doc = ombud_core::register::export::RegisterDocument::new(
        OffsetDateTime::now_utc(),
        org,
        processors,
        systems,
        activities,
    );
    let body = serde_json::to_vec_pretty(&doc).map_err(|e| PageError::internal(ctx.lang, &e))?;
    Ok(download(
        body,
        "application/json",
        "registerforteckning.json",
    ))
}

/// `GET /register/export.csv?lang=sv|en`: one row per activity in force.
pub async fn export_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ExportQuery>,
) -> Result<Response, PageError> {
    let lang = q
        .lang
        .as_deref()
        .and_then(ombud_core::lang::Lang::from_tag)
        .unwrap_or(ctx.lang);
    let (_, processors, systems) = lookups(&state, &ctx).await?;
    let activities = state
        .store
        .approved_activities()
        .await
        .map_err(PageError::store(ctx.lang))?;
    let mut body = Vec::new();
    ombud_core::register::export::activities_csv(
        &mut body,
        &activities,
        &processors,
        &systems,
        lang,
    )
    .map_err(|e| PageError::internal(ctx.lang, &e))?;
    Ok(download(
        body,
        "text/csv; charset=utf-8",
        "registerforteckning.csv",
    ))
}

fn download(body: Vec<u8>, content_type: &'static str, filename: &str) -> Response {
    let disposition = format!("attachment; filename=\"{filename}\"");
    (
        [
            (axum::http::header::CONTENT_TYPE, content_type.to_owned()),
            (axum::http::header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response()
}
