//! The breach pages: the list, the report form, the breach page with its
//! 72-hour clock, checks and the DPO's forms (assessment, decisions,
//! notifications), and the two documents (the notification to IMY and the
//! letter to the data subjects) as printable pages and JSON.
//!
//! Forms are described once as [`Spec`]s and go through the same machinery
//! as the register's forms; a refused form is shown again with what was
//! typed and the rule's message at its field.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use time::OffsetDateTime;

use ombud_core::Role;
use ombud_core::incident::document::{self, IncidentDocument, local_time};
use ombud_core::incident::{
    Assessment, Clock, ClockState, ImyDecision, Incident, IncidentChange, IncidentReport,
    IncidentViolation, Notification, SubjectsDecision, clock, rules,
};
use ombud_core::lang::Lang;
use ombud_store::StoreError;

use crate::AppState;
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::register_form::{self, Choices, FieldErrors, Kind, Posted, Refused, Spec, SubForm};
use crate::routes::incidents_api::{may_edit_report, may_see, signature};
use crate::views::{
    FormBlock, IncidentDocTpl, IncidentListTpl, IncidentRow, IncidentTpl, Page, RecordFormTpl,
    render,
};

/// The report, as anyone reporting a breach fills it in.
pub const REPORT: Spec = Spec {
    sections: &[
        (
            "incident.section_what",
            &[
                ("title", Kind::Text),
                ("description", Kind::Area),
                ("breach_types", Kind::Many),
                ("occurred_at", Kind::DateTime),
                ("ended_at", Kind::DateTime),
                ("aware_at", Kind::DateTime),
                ("discovery", Kind::Area),
            ],
        ),
        (
            "incident.section_scope",
            &[
                ("system_ids", Kind::Many),
                ("activity_ids", Kind::Many),
                ("data_subject_categories", Kind::Lines),
                ("data_subjects_approx", Kind::Number),
                ("record_categories", Kind::Lines),
                ("records_approx", Kind::Number),
            ],
        ),
        (
            "incident.section_effects",
            &[
                ("likely_consequences", Kind::Area),
                ("measures_taken", Kind::Area),
                ("measures_proposed", Kind::Area),
                ("contained", Kind::Bool),
            ],
        ),
    ],
    labels: "ifield",
};

const ASSESS: SubForm = SubForm {
    key: "assessment",
    spec: Spec {
        sections: &[(
            "incident.assess",
            &[("risk", Kind::One), ("reasoning", Kind::Area)],
        )],
        labels: "ifield",
    },
    required: &["risk"],
    ..SubForm::NONE
};

const IMY: SubForm = SubForm {
    key: "imy-decision",
    spec: Spec {
        sections: &[(
            "incident.imy_decision",
            &[("notify", Kind::One), ("imy_reason", Kind::Area)],
        )],
        labels: "ifield",
    },
    renames: &[("imy_reason", "reason")],
    yes_no: &["notify"],
    required: &["notify"],
    ..SubForm::NONE
};

const SUBJECTS: SubForm = SubForm {
    key: "subjects-decision",
    spec: Spec {
        sections: &[(
            "incident.subjects_decision",
            &[
                ("inform", Kind::One),
                ("exception", Kind::One),
                ("subjects_reason", Kind::Area),
                ("public_communication", Kind::Area),
                ("advice", Kind::Area),
                ("planned_at", Kind::DateTime),
                ("informed_at", Kind::DateTime),
            ],
        )],
        labels: "ifield",
    },
    renames: &[("subjects_reason", "reason")],
    yes_no: &["inform"],
    required: &["inform"],
    ..SubForm::NONE
};

const NOTIFY: SubForm = SubForm {
    key: "notifications",
    spec: Spec {
        sections: &[(
            "incident.notification",
            &[
                ("phase", Kind::One),
                ("submitted_at", Kind::DateTime),
                ("imy_reference", Kind::Text),
                ("summary", Kind::Area),
                ("delay_reasons", Kind::Area),
            ],
        )],
        labels: "ifield",
    },
    required: &["phase", "submitted_at"],
    ..SubForm::NONE
};

const FORMS: [&SubForm; 4] = [&ASSESS, &IMY, &SUBJECTS, &NOTIFY];

/// Rule violations as messages at their fields (in this form's names).
fn violation_errors(form: &SubForm, v: &[IncidentViolation], lang: Lang) -> FieldErrors {
    form.errors_of(
        v.iter()
            .map(|v| (v.field, format!("{} ({})", v.message(lang), v.article))),
    )
}

fn report_violation_errors(v: &[IncidentViolation], lang: Lang) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for v in v {
        errors.entry(v.field.to_owned()).or_default().push(format!(
            "{} ({})",
            v.message(lang),
            v.article
        ));
    }
    errors
}

/// The 72-hour clock in words, and its CSS class.
pub(crate) fn clock_text(t: Tr, c: &Clock) -> (String, &'static str) {
    let hours = c.minutes_left.abs() / 60;
    let minutes = c.minutes_left.abs() % 60;
    match c.state {
        ClockState::Running if c.due_within_24h => (
            t.f(
                "incident.clock_soon",
                &[("hours", &hours), ("minutes", &minutes)],
            ),
            "clock-soon",
        ),
        ClockState::Running => (
            t.f(
                "incident.clock_running",
                &[("hours", &hours), ("minutes", &minutes)],
            ),
            "clock-running",
        ),
        ClockState::Overdue => (
            t.f(
                "incident.clock_overdue",
                &[("hours", &hours), ("minutes", &minutes)],
            ),
            "clock-overdue",
        ),
        ClockState::Notified if c.late => {
            (t.t("incident.clock_notified_late").to_owned(), "clock-done")
        }
        ClockState::Notified => (t.t("incident.clock_notified").to_owned(), "clock-done"),
        ClockState::NotRequired => (t.t("incident.clock_not_required").to_owned(), "clock-done"),
    }
}

async fn choices_data(
    state: &AppState,
    ctx: &Ctx,
) -> Result<(Vec<ombud_core::register::System>, Vec<(i64, String)>), PageError> {
    let err = PageError::store(ctx.lang);
    let systems = state.store.systems().await.map_err(&err)?;
    let activities = state
        .store
        .activities()
        .await
        .map_err(&err)?
        .into_iter()
        .map(|r| (r.current.id, r.current.content.name))
        .collect();
    Ok((systems, activities))
}

async fn load(state: &AppState, ctx: &Ctx, id: i64) -> Result<Incident, PageError> {
    let i = state
        .store
        .incident(id)
        .await
        .map_err(PageError::store(ctx.lang))?
        .ok_or_else(|| PageError::not_found(ctx.lang))?;
    if !may_see(ctx.require_user()?, &i) {
        return Err(PageError::not_found(ctx.lang));
    }
    Ok(i)
}

#[derive(Debug, Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
}

/// `GET /incidents`.
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, PageError> {
    let me = ctx.require_user()?.clone();
    let t = ctx.tr();
    let now = OffsetDateTime::now_utc();
    let rows = state
        .store
        .incidents()
        .await
        .map_err(PageError::store(ctx.lang))?
        .into_iter()
        .filter(|i| may_see(&me, i))
        .map(|i| row(t, &i, now))
        .collect();
    let p = Page::new(&ctx, "incident.title", "/incidents").with_notice(q.notice.as_deref());
    Ok(render(
        StatusCode::OK,
        &IncidentListTpl {
            p,
            can_report: me.role != Role::Auditor,
            rows,
        },
    ))
}

/// A breach as a line of a list.
pub(crate) fn row(t: Tr, i: &Incident, now: OffsetDateTime) -> IncidentRow {
    let (clock, clock_class) = clock_text(t, &clock(i, now));
    IncidentRow {
        id: i.id,
        reference: i.reference.clone(),
        title: if i.report.title.trim().is_empty() {
            t.t("incident.untitled").to_owned()
        } else {
            i.report.title.clone()
        },
        aware_at: local_time(i.report.aware_at),
        status: i.status.label(t.lang).to_owned(),
        risk: i
            .risk
            .map(|r| r.label(t.lang).to_owned())
            .unwrap_or_else(|| t.t("incident.not_assessed").to_owned()),
        clock,
        clock_class,
    }
}

async fn report_form(
    state: &AppState,
    ctx: &Ctx,
    id: Option<i64>,
    posted: &Posted,
    errors: &FieldErrors,
    status: StatusCode,
) -> Result<Response, PageError> {
    let t = ctx.tr();
    let (systems, activities) = choices_data(state, ctx).await?;
    let choices = Choices {
        systems: &systems,
        activities: &activities,
        ..Default::default()
    };
    let sections = register_form::sections_of(REPORT, posted, errors, &[], t, &choices);
    let problems = register_form::problems(&sections);
    let (title, action) = match id {
        Some(id) => ("incident.edit", format!("/incidents/{id}")),
        None => ("incident.new", "/incidents".to_owned()),
    };
    let here = match id {
        Some(id) => format!("/incidents/{id}/edit"),
        None => "/incidents/new".to_owned(),
    };
    Ok(render(
        status,
        &RecordFormTpl {
            p: Page::new(ctx, title, &here),
            action,
            sections,
            problems,
            secondary: None,
            submit_label: t
                .t(if id.is_some() {
                    "incident.save"
                } else {
                    "incident.report"
                })
                .to_owned(),
        },
    ))
}

/// `GET /incidents/new`: the report form, with awareness set to now.
pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let mut posted = Posted::new();
    let now = OffsetDateTime::now_utc();
    let now_text = now
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    let values = register_form::values_of(
        REPORT,
        &json!({ "aware_at": now_text, "occurred_at": Value::Null }),
    );
    posted.extend(values.into_iter().filter(|(k, _)| k == "aware_at"));
    report_form(
        &state,
        &ctx,
        None,
        &posted,
        &FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

/// Reads the posted report; `Err` holds the field errors (typing or rules).
fn read_report(p: &Posted, t: Tr) -> Result<IncidentReport, FieldErrors> {
    let (obj, mut errors) = register_form::json_of(REPORT, p, t);
    for name in ["occurred_at", "aware_at"] {
        if obj.get(name).is_none_or(Value::is_null) && !errors.contains_key(name) {
            errors
                .entry(name.into())
                .or_default()
                .push(t.t("form.required").into());
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let report: IncidentReport = serde_json::from_value(Value::Object(obj)).map_err(|e| {
        FieldErrors::from([(
            "title".to_owned(),
            vec![format!("{}: {e}", t.t("form.value_invalid"))],
        )])
    })?;
    let broken: Vec<_> = rules::check_report(&report)
        .into_iter()
        .filter(|v| v.is_error())
        .collect();
    if broken.is_empty() {
        Ok(report)
    } else {
        Err(report_violation_errors(&broken, t.lang))
    }
}

/// `POST /incidents`: records the report and alerts the DPO.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    body: Bytes,
) -> Result<Response, PageError> {
    let posted = register_form::posted(&body);
    let t = ctx.tr();
    let report = match read_report(&posted, t) {
        Ok(r) => r,
        Err(errors) => {
            return report_form(
                &state,
                &ctx,
                None,
                &posted,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let me = ctx.require_user()?;
    let incident = state
        .store
        .create_incident(&ctx.actor(), &report, Some(me.id))
        .await
        .map_err(|e| PageError::internal(ctx.lang, &e))?;
    crate::mail::spawn_breach_alert(&state, incident.clone());
    Ok(Redirect::to(&format!(
        "/incidents/{}?notice=incident.reported",
        incident.id
    ))
    .into_response())
}

/// `GET /incidents/{id}/edit`.
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let i = load(&state, &ctx, id).await?;
    if !may_edit_report(ctx.require_user()?, &i) {
        return Err(PageError::forbidden(ctx.lang));
    }
    let posted = register_form::values_of(
        REPORT,
        &serde_json::to_value(&i.report).expect("reports serialise"),
    );
    report_form(
        &state,
        &ctx,
        Some(id),
        &posted,
        &FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

/// `POST /incidents/{id}`: saves a corrected report.
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, PageError> {
    let i = load(&state, &ctx, id).await?;
    let me = ctx.require_user()?;
    if !may_edit_report(me, &i) {
        return Err(PageError::forbidden(ctx.lang));
    }
    let posted = register_form::posted(&body);
    let report = match read_report(&posted, ctx.tr()) {
        Ok(r) => r,
        Err(errors) => {
            return report_form(
                &state,
                &ctx,
                Some(id),
                &posted,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    save_change(&state, &ctx, id, IncidentChange::Report(report)).await?;
    Ok(Redirect::to(&format!("/incidents/{id}?notice=incident.saved")).into_response())
}

async fn save_change(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    change: IncidentChange,
) -> Result<Incident, PageError> {
    let me = ctx.require_user()?;
    match state
        .store
        .change_incident(&ctx.actor(), id, change, signature(me))
        .await
    {
        Ok(i) => Ok(i),
        Err(StoreError::Conflict(_)) => Err(PageError::new(
            StatusCode::CONFLICT,
            ctx.lang,
            "incident.conflict",
        )),
        Err(e) => Err(PageError::internal(ctx.lang, &e)),
    }
}

/// `GET /incidents/{id}`.
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, PageError> {
    let i = load(&state, &ctx, id).await?;
    page(&state, &ctx, &i, None, q.notice.as_deref(), StatusCode::OK).await
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    i: &Incident,
    refused: Option<Refused>,
    notice: Option<&str>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let me = ctx.require_user()?;
    let t = ctx.tr();
    let lang = t.lang;
    let now = OffsetDateTime::now_utc();
    let (systems, activities) = choices_data(state, ctx).await?;
    let (clock, clock_class) = clock_text(t, &clock(i, now));
    let checks = rules::check(i, now)
        .iter()
        .map(|v| crate::views::check_line(v.severity, lang, v.message(lang), v.article))
        .collect();
    let r = &i.report;
    let names = |ids: &[i64], all: &[(i64, String)]| -> String {
        ids.iter()
            .filter_map(|id| all.iter().find(|(a, _)| a == id))
            .map(|(_, n)| n.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let system_pairs: Vec<(i64, String)> = systems.iter().map(|s| (s.id, s.name.clone())).collect();
    let label = |k: &str| t.t(&format!("ifield.{k}")).to_owned();
    let opt_time = |o: Option<OffsetDateTime>| o.map(local_time).unwrap_or_default();
    let num = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    let yes_no = |b: bool| {
        t.t(if b { "incident.yes" } else { "incident.no" })
            .to_owned()
    };
    let mut details = vec![
        (label("title"), r.title.clone()),
        (label("description"), r.description.clone()),
        (
            label("breach_types"),
            r.breach_types
                .iter()
                .map(|b| b.label(lang))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (label("occurred_at"), local_time(r.occurred_at)),
        (label("ended_at"), opt_time(r.ended_at)),
        (label("aware_at"), local_time(r.aware_at)),
        (label("discovery"), r.discovery.clone()),
        (label("system_ids"), names(&r.system_ids, &system_pairs)),
        (label("activity_ids"), names(&r.activity_ids, &activities)),
        (
            label("data_subject_categories"),
            r.data_subject_categories.join(", "),
        ),
        (label("data_subjects_approx"), num(r.data_subjects_approx)),
        (label("record_categories"), r.record_categories.join(", ")),
        (label("records_approx"), num(r.records_approx)),
        (label("likely_consequences"), r.likely_consequences.clone()),
        (label("measures_taken"), r.measures_taken.clone()),
        (label("measures_proposed"), r.measures_proposed.clone()),
        (label("contained"), yes_no(r.contained)),
    ];
    details.retain(|(_, v)| !v.trim().is_empty());
    let signed = |s: &ombud_core::incident::Signature| {
        t.f("incident.signed", &[("by", &s.by), ("at", &opt_time(s.at))])
    };
    let mut record: Vec<(String, Vec<(String, String)>)> = Vec::new();
    if let Some(a) = &i.assessment {
        record.push((
            t.t("incident.assess").to_owned(),
            vec![
                (label("risk"), a.risk.label(lang).to_owned()),
                (label("reasoning"), a.reasoning.clone()),
                (t.t("incident.decided_by").to_owned(), signed(&a.signed)),
            ],
        ));
    }
    if let Some(d) = &i.imy_decision {
        record.push((
            t.t("incident.imy_decision").to_owned(),
            vec![
                (label("notify"), yes_no(d.notify)),
                (label("imy_reason"), d.reason.clone()),
                (t.t("incident.decided_by").to_owned(), signed(&d.signed)),
            ],
        ));
    }
    if let Some(d) = &i.subjects_decision {
        let mut rows = vec![(label("inform"), yes_no(d.inform))];
        if let Some(e) = d.exception {
            rows.push((label("exception"), e.label(lang).to_owned()));
        }
        rows.extend([
            (label("subjects_reason"), d.reason.clone()),
            (
                label("public_communication"),
                d.public_communication.clone(),
            ),
            (label("advice"), d.advice.clone()),
            (label("planned_at"), opt_time(d.planned_at)),
            (label("informed_at"), opt_time(d.informed_at)),
            (t.t("incident.decided_by").to_owned(), signed(&d.signed)),
        ]);
        rows.retain(|(_, v)| !v.trim().is_empty());
        record.push((t.t("incident.subjects_decision").to_owned(), rows));
    }
    for n in &i.notifications {
        let mut rows = vec![
            (label("phase"), n.phase.label(lang).to_owned()),
            (label("submitted_at"), local_time(n.submitted_at)),
            (label("imy_reference"), n.imy_reference.clone()),
            (label("summary"), n.summary.clone()),
            (label("delay_reasons"), n.delay_reasons.clone()),
            (t.t("incident.recorded_by").to_owned(), signed(&n.signed)),
        ];
        rows.retain(|(_, v)| !v.trim().is_empty());
        record.push((t.t("incident.notification").to_owned(), rows));
    }
    let forms = if me.role == Role::Dpo {
        let choices = Choices {
            systems: &systems,
            activities: &activities,
            ..Default::default()
        };
        let recorded = |f: &SubForm| -> Option<Value> {
            match f.key {
                "assessment" => i.assessment.as_ref().map(|a| json!(a)),
                "imy-decision" => i.imy_decision.as_ref().map(|d| json!(d)),
                "subjects-decision" => i.subjects_decision.as_ref().map(|d| json!(d)),
                _ => None,
            }
        };
        let base = format!("/incidents/{}", i.id);
        FORMS
            .iter()
            .map(|f| {
                let shown = register_form::shown(f, refused.as_ref(), recorded(f));
                FormBlock::new(f, &base, "incident", shown, t, &choices)
            })
            .collect()
    } else {
        Vec::new()
    };
    let here = format!("/incidents/{}", i.id);
    let mut p = Page::new(ctx, "incident.title", &here).with_notice(notice);
    p.title = format!("{} {}", i.reference, i.report.title);
    if refused.is_some() {
        p.notice = None;
    }
    Ok(render(
        status,
        &IncidentTpl {
            p,
            id: i.id,
            status: i.status.label(lang).to_owned(),
            risk: i
                .risk
                .map(|r| r.label(lang).to_owned())
                .unwrap_or_else(|| t.t("incident.not_assessed").to_owned()),
            deadline: local_time(i.imy_deadline),
            clock,
            clock_class,
            checks,
            details,
            record,
            can_edit: may_edit_report(me, i),
            refused: refused.is_some(),
            forms,
        },
    ))
}

/// Reads the posted form `form` into its change.
fn read_change(form: &SubForm, p: &Posted, t: Tr) -> Result<IncidentChange, FieldErrors> {
    Ok(match form.key {
        "assessment" => IncidentChange::Assess(form.read::<Assessment>(p, t)?),
        "imy-decision" => IncidentChange::DecideImy(form.read::<ImyDecision>(p, t)?),
        "subjects-decision" => IncidentChange::DecideSubjects(form.read::<SubjectsDecision>(p, t)?),
        _ => IncidentChange::Notify(form.read::<Notification>(p, t)?),
    })
}

/// `POST /incidents/{id}/{name}`: one of the DPO's forms (`assessment`,
/// `imy-decision`, `subjects-decision`, `notifications`).
pub async fn act(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, name)): Path<(i64, String)>,
    body: Bytes,
) -> Result<Response, PageError> {
    let form = *FORMS
        .iter()
        .find(|f| f.key == name)
        .ok_or_else(|| PageError::not_found(ctx.lang))?;
    let i = load(&state, &ctx, id).await?;
    let t = ctx.tr();
    let posted = register_form::posted(&body);
    let errors = match read_change(form, &posted, t) {
        Ok(change) => {
            let broken = change.errors(&i);
            if broken.is_empty() {
                save_change(&state, &ctx, id, change).await?;
                return Ok(Redirect::to(&format!(
                    "/incidents/{id}?notice=incident.recorded#{}",
                    form.key
                ))
                .into_response());
            }
            violation_errors(form, &broken, t.lang)
        }
        Err(errors) => errors,
    };
    let refused = Refused {
        key: form.key.to_owned(),
        posted,
        errors,
    };
    page(
        &state,
        &ctx,
        &i,
        Some(refused),
        None,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct DocQuery {
    /// The document's language, `sv` or `en`; default: the request's.
    pub lang: Option<String>,
}

/// Builds one of the two documents of breach `i`.
pub(crate) async fn build_document(
    state: &AppState,
    i: &Incident,
    which: &str,
    lang: Lang,
) -> Result<Option<IncidentDocument>, StoreError> {
    let org = state.store.organisation().await?;
    let now = OffsetDateTime::now_utc();
    Ok(match which {
        "imy-notification" => {
            let systems = state.store.systems().await?;
            let activities: Vec<String> = state
                .store
                .activities()
                .await?
                .into_iter()
                .filter(|r| i.report.activity_ids.contains(&r.current.id))
                .map(|r| r.current.content.name)
                .collect();
            Some(document::imy_notification(
                i,
                &org,
                &systems,
                &activities,
                lang,
                now,
            ))
        }
        "letter" => Some(document::subject_letter(i, &org, lang, now)),
        _ => None,
    })
}

/// `GET /incidents/{id}/{document}`: `imy-notification` or `letter`, as a
/// printable page; with `.json` after the name, as JSON.
pub async fn document_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, name)): Path<(i64, String)>,
    Query(q): Query<DocQuery>,
) -> Result<Response, PageError> {
    let i = load(&state, &ctx, id).await?;
    let (which, as_json) = match name.strip_suffix(".json") {
        Some(w) => (w, true),
        None => (name.as_str(), false),
    };
    let lang = q
        .lang
        .as_deref()
        .and_then(Lang::from_tag)
        .unwrap_or(ctx.lang);
    let doc = build_document(&state, &i, which, lang)
        .await
        .map_err(PageError::store(ctx.lang))?
        .ok_or_else(|| PageError::not_found(ctx.lang))?;
    if as_json {
        return Ok(Json(doc).into_response());
    }
    let t = ctx.tr();
    let here = format!("/incidents/{id}/{which}");
    let mut p = Page::new(&ctx, "incident.title", &here);
    p.title = doc.title.clone();
    let other = match lang {
        Lang::Sv => Lang::En,
        Lang::En => Lang::Sv,
    };
    Ok(render(
        StatusCode::OK,
        &IncidentDocTpl {
            id,
            doc_lang: lang.as_str(),
            other_lang_href: format!("{here}?lang={}", other.as_str()),
            other_lang_label: t
                .t(&format!("incident.doc_in_{}", other.as_str()))
                .to_owned(),
            json_href: format!("{here}.json?lang={}", lang.as_str()),
            missing: doc.missing.clone(),
            doc,
            p,
        },
    ))
}

/// The posted JSON object of the report form, for tests of the field list.
#[cfg(test)]
fn report_fields() -> serde_json::Map<String, Value> {
    let t = Tr::new(Lang::En);
    register_form::json_of(REPORT, &Posted::new(), t).0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, SV};

    /// The report form covers every field of the report, so nothing a
    /// reporter may state is missing from the page.
    #[test]
    fn the_report_form_covers_the_whole_report() {
        let report = serde_json::to_value(IncidentReport {
            title: String::new(),
            description: String::new(),
            breach_types: vec![],
            occurred_at: OffsetDateTime::UNIX_EPOCH,
            ended_at: None,
            aware_at: OffsetDateTime::UNIX_EPOCH,
            discovery: String::new(),
            system_ids: vec![],
            activity_ids: vec![],
            data_subject_categories: vec![],
            data_subjects_approx: None,
            record_categories: vec![],
            records_approx: None,
            likely_consequences: String::new(),
            measures_taken: String::new(),
            measures_proposed: String::new(),
            contained: false,
        })
        .unwrap();
        let mut in_report: Vec<&String> = report.as_object().unwrap().keys().collect();
        let fields = report_fields();
        let mut in_form: Vec<&String> = fields.keys().collect();
        in_report.sort();
        in_form.sort();
        assert_eq!(in_form, in_report);
    }

    #[test]
    fn every_incident_form_label_exists_in_both_languages() {
        for spec in [REPORT, ASSESS.spec, IMY.spec, SUBJECTS.spec, NOTIFY.spec] {
            for (section, fields) in spec.sections {
                for cat in [&SV, &EN] {
                    assert!(cat.contains_key(*section), "{section}");
                    for (name, _) in *fields {
                        let key = format!("{}.{name}", spec.labels);
                        assert!(cat.contains_key(&key), "{key}");
                    }
                }
            }
        }
    }

    #[test]
    fn decisions_read_yes_no_and_renamed_fields() {
        let t = Tr::new(Lang::Sv);
        let mut p = Posted::new();
        p.insert("notify".into(), vec!["no".into()]);
        p.insert("imy_reason".into(), vec!["Krypterat.".into()]);
        let d: ImyDecision = IMY.read(&p, t).unwrap();
        assert!(!d.notify);
        assert_eq!(d.reason, "Krypterat.");
        let back = IMY.values(Some(json!(d)));
        assert_eq!(back["notify"], vec!["no".to_owned()]);
        assert_eq!(back["imy_reason"], vec!["Krypterat.".to_owned()]);
        let errors = IMY.read::<ImyDecision>(&Posted::new(), t).unwrap_err();
        assert!(errors.contains_key("notify"));
    }
}
