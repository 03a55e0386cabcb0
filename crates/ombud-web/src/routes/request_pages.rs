//! The staff pages for data-subject requests: the list sorted by deadline,
//! registering a request that came by letter, e-mail or phone, the case page
//! with the DPO's forms (scope, identity check, extension, the outcome of the
//! right, data found, answer, closing), and the letters and the access
//! report as printable pages and JSON.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use ombud_core::Role;
use ombud_core::lang::Lang;
use ombud_core::request::{
    Answer, Art17Exception, AutomatedDecisionOutcome, Closure, DataFound, ErasureDecision,
    ErasureOutcome, Extension, IdentityCheck, ObjectionOutcome, PortabilityOutcome,
    RectificationOutcome, Request, RequestChange, RequestIntake, RestrictionOutcome, Right,
    deadline_state, rules, suggest_erasure,
};
use ombud_store::StoreError;

use crate::AppState;
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::register_form::{self, Choices, FieldErrors, Kind, Opt, Posted, Refused, Spec, SubForm};
use crate::routes::incidents_api::signature;
use crate::routes::requests_api::{
    build_access_report, build_letter, intake_errors, may_see, today,
};
use crate::views::{
    ErasureRow, FormBlock, LetterTpl, Page, RecordFormTpl, RequestListTpl, RequestRow, RequestTpl,
    render,
};

/// The intake as staff register it.
pub const INTAKE: Spec = Spec {
    sections: &[
        (
            "request.section_request",
            &[
                ("right", Kind::One),
                ("received_on", Kind::Date),
                ("channel", Kind::One),
                ("language", Kind::One),
                ("description", Kind::Area),
            ],
        ),
        (
            "request.section_requester",
            &[
                ("name", Kind::Text),
                ("email", Kind::Text),
                ("phone", Kind::Text),
                ("address", Kind::Area),
                ("identity_number", Kind::Text),
                ("other", Kind::Text),
            ],
        ),
    ],
    labels: "rfield",
};

const REQUESTER_FIELDS: [&str; 6] = [
    "name",
    "email",
    "phone",
    "address",
    "identity_number",
    "other",
];

/// Reads the intake form (staff or public) into a [`RequestIntake`]: the
/// requester's fields go into `requester`.
pub(crate) fn read_intake(spec: Spec, p: &Posted, t: Tr) -> Result<RequestIntake, FieldErrors> {
    let (mut obj, mut errors) = register_form::json_of(spec, p, t);
    let mut requester = Map::new();
    for f in REQUESTER_FIELDS {
        if let Some(v) = obj.remove(f) {
            let v = match v {
                Value::String(s) if f == "identity_number" && s.is_empty() => Value::Null,
                other => other,
            };
            requester.insert(f.into(), v);
        }
    }
    obj.insert("requester".into(), Value::Object(requester));
    for name in ["right", "received_on"] {
        if obj.get(name).is_none_or(Value::is_null) && !errors.contains_key(name) {
            errors
                .entry(name.into())
                .or_default()
                .push(t.t("form.required").into());
        }
    }
    for name in ["channel", "language"] {
        if obj.get(name).is_some_and(Value::is_null) {
            obj.remove(name);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let intake: RequestIntake = serde_json::from_value(Value::Object(obj)).map_err(|e| {
        FieldErrors::from([(
            "right".to_owned(),
            vec![format!("{}: {e}", t.t("form.value_invalid"))],
        )])
    })?;
    let broken = intake_errors(&intake, t.lang);
    if broken.is_empty() {
        return Ok(intake);
    }
    let mut errors = FieldErrors::new();
    for v in broken {
        let field = match v.field.as_str() {
            "requester.name" => "name",
            "requester" => "email",
            "received_on" => "received_on",
            _ => "right",
        };
        errors
            .entry(field.into())
            .or_default()
            .push(format!("{} ({})", v.message, v.article));
    }
    Err(errors)
}

const SCOPE: SubForm = SubForm {
    key: "scope",
    spec: Spec {
        sections: &[(
            "request.scope",
            &[
                ("data_subject_categories", Kind::Many),
                ("system_ids", Kind::Many),
            ],
        )],
        labels: "rfield",
    },
    ..SubForm::NONE
};

const VERIFY: SubForm = SubForm {
    key: "identity-check",
    spec: Spec {
        sections: &[(
            "request.identity_check",
            &[
                ("identity_method", Kind::One),
                ("identity_note", Kind::Area),
            ],
        )],
        labels: "rfield",
    },
    renames: &[("identity_method", "method"), ("identity_note", "note")],
    required: &["identity_method"],
    ..SubForm::NONE
};

const EXTEND: SubForm = SubForm {
    key: "extension",
    spec: Spec {
        sections: &[(
            "request.extension",
            &[
                ("extension_reason", Kind::Area),
                ("notified_on", Kind::Date),
            ],
        )],
        labels: "rfield",
    },
    renames: &[("extension_reason", "reason")],
    ..SubForm::NONE
};

const RECTIFY: SubForm = SubForm {
    key: "rectification",
    spec: Spec {
        sections: &[(
            "request.rectification",
            &[
                ("corrected", Kind::Lines),
                ("supplementary_statement", Kind::Area),
                ("rectify_refusal", Kind::Area),
                ("recipients_notified", Kind::Bool),
            ],
        )],
        labels: "rfield",
    },
    renames: &[("rectify_refusal", "refusal_reason")],
    ..SubForm::NONE
};

const RESTRICT: SubForm = SubForm {
    key: "restriction",
    spec: Spec {
        sections: &[(
            "request.restriction",
            &[
                ("restriction_grounds", Kind::Many),
                ("restricted_on", Kind::Date),
                ("lifting_notified_on", Kind::Date),
                ("lifted_on", Kind::Date),
                ("restriction_note", Kind::Area),
            ],
        )],
        labels: "rfield",
    },
    renames: &[
        ("restriction_grounds", "grounds"),
        ("restriction_note", "note"),
    ],
    ..SubForm::NONE
};

const OBJECT: SubForm = SubForm {
    key: "objection",
    spec: Spec {
        sections: &[(
            "request.objection",
            &[
                ("direct_marketing", Kind::Bool),
                ("objection_decision", Kind::One),
                ("objection_reasoning", Kind::Area),
            ],
        )],
        labels: "rfield",
    },
    renames: &[
        ("objection_decision", "decision"),
        ("objection_reasoning", "reasoning"),
    ],
    required: &["objection_decision"],
    ..SubForm::NONE
};

const AUTOMATED: SubForm = SubForm {
    key: "automated-decision",
    spec: Spec {
        sections: &[(
            "request.automated_decision",
            &[
                ("human_intervention", Kind::Bool),
                ("view_considered", Kind::Bool),
                ("decision_changed", Kind::Bool),
                ("review_explanation", Kind::Area),
            ],
        )],
        labels: "rfield",
    },
    renames: &[("review_explanation", "explanation")],
    ..SubForm::NONE
};

const PORTABILITY: SubForm = SubForm {
    key: "portability",
    spec: Spec {
        sections: &[(
            "request.portability",
            &[
                ("format", Kind::Text),
                ("delivered_on", Kind::Date),
                ("transmitted_to", Kind::Text),
                ("portability_refusal", Kind::Area),
            ],
        )],
        labels: "rfield",
    },
    renames: &[("portability_refusal", "refusal_reason")],
    ..SubForm::NONE
};

const DATA: SubForm = SubForm {
    key: "data-found",
    spec: Spec {
        sections: &[(
            "request.data_found",
            &[
                ("found_activity", Kind::One),
                ("found_system", Kind::One),
                ("found_items", Kind::Lines),
            ],
        )],
        labels: "rfield",
    },
    renames: &[
        ("found_activity", "activity_id"),
        ("found_system", "system_id"),
        ("found_items", "items"),
    ],
    ids: &["found_activity", "found_system"],
    required: &["found_items"],
    ..SubForm::NONE
};

const ANSWER: SubForm = SubForm {
    key: "answer",
    spec: Spec {
        sections: &[(
            "request.answer",
            &[
                ("answered_on", Kind::Date),
                ("outcome", Kind::One),
                ("answer_summary", Kind::Area),
                ("answer_reasons", Kind::Area),
            ],
        )],
        labels: "rfield",
    },
    renames: &[("answer_summary", "summary"), ("answer_reasons", "reasons")],
    required: &["answered_on", "outcome"],
    ..SubForm::NONE
};

const CLOSE: SubForm = SubForm {
    key: "close",
    spec: Spec {
        sections: &[(
            "request.close",
            &[("closed_on", Kind::Date), ("closure_note", Kind::Area)],
        )],
        labels: "rfield",
    },
    renames: &[("closure_note", "note")],
    required: &["closed_on"],
    ..SubForm::NONE
};

/// Every form on the case page, for the label test.
#[cfg(test)]
const ALL_FORMS: [&SubForm; 11] = [
    &SCOPE,
    &VERIFY,
    &EXTEND,
    &RECTIFY,
    &RESTRICT,
    &OBJECT,
    &AUTOMATED,
    &PORTABILITY,
    &DATA,
    &ANSWER,
    &CLOSE,
];

/// The forms a case of `right` shows, in order (erasure has its own table).
fn forms_for(right: Right) -> Vec<&'static SubForm> {
    let mut v: Vec<&SubForm> = vec![&SCOPE, &VERIFY, &EXTEND];
    match right {
        Right::Access => v.push(&DATA),
        Right::Portability => v.extend([&DATA, &PORTABILITY]),
        Right::Rectification => v.push(&RECTIFY),
        Right::Restriction => v.push(&RESTRICT),
        Right::Objection => v.push(&OBJECT),
        Right::AutomatedDecision => v.push(&AUTOMATED),
        Right::Erasure => {}
    }
    v.extend([&ANSWER, &CLOSE]);
    v
}

fn recorded(r: &Request, key: &str) -> Option<Value> {
    match key {
        "scope" => Some(json!({
            "data_subject_categories": r.intake.data_subject_categories,
            "system_ids": r.intake.system_ids,
        })),
        "identity-check" => r.identity_check.as_ref().map(|v| json!(v)),
        "extension" => r.extension.as_ref().map(|v| json!(v)),
        "rectification" => r.rectification.as_ref().map(|v| json!(v)),
        "restriction" => r.restriction.as_ref().map(|v| json!(v)),
        "objection" => r.objection.as_ref().map(|v| json!(v)),
        "automated-decision" => r.automated_decision.as_ref().map(|v| json!(v)),
        "portability" => r.portability.as_ref().map(|v| json!(v)),
        "answer" => r.answer.as_ref().map(|v| json!(v)),
        "close" => r.closure.as_ref().map(|v| json!(v)),
        _ => None,
    }
}

/// The dates a new form starts with: today where a date is asked for.
fn defaults(key: &str) -> Option<Value> {
    let d = today().to_string();
    match key {
        "extension" => Some(json!({ "notified_on": d })),
        "answer" => Some(json!({ "answered_on": d })),
        "close" => Some(json!({ "closed_on": d })),
        _ => None,
    }
}

#[derive(Debug, Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
}

async fn load(state: &AppState, ctx: &Ctx, id: i64) -> Result<Request, PageError> {
    let r = state
        .store
        .request(id)
        .await
        .map_err(PageError::store(ctx.lang))?
        .ok_or_else(|| PageError::not_found(ctx.lang))?;
    if !may_see(ctx.require_user()?, &r) {
        return Err(PageError::not_found(ctx.lang));
    }
    Ok(r)
}

/// The deadline in words, and its CSS class.
pub(crate) fn deadline_text(t: Tr, r: &Request) -> (String, &'static str) {
    let s = deadline_state(r, today());
    if !s.open {
        return (t.t("request.answered").to_owned(), "clock-done");
    }
    if s.overdue {
        let days = -s.days_left;
        (t.f("request.overdue", &[("days", &days)]), "clock-overdue")
    } else if s.due_within_7_days {
        (
            t.f("request.due_soon", &[("days", &s.days_left)]),
            "clock-soon",
        )
    } else {
        (
            t.f("request.days_left", &[("days", &s.days_left)]),
            "clock-running",
        )
    }
}

pub(crate) fn row(t: Tr, r: &Request) -> RequestRow {
    let (clock, clock_class) = deadline_text(t, r);
    RequestRow {
        id: r.id,
        reference: r.reference.clone(),
        right: r.intake.right.label(t.lang).to_owned(),
        received_on: r.intake.received_on.to_string(),
        deadline: r.deadline.to_string(),
        status: r.status.label(t.lang).to_owned(),
        clock,
        clock_class,
    }
}

/// Open cases first, by deadline; then the answered ones, newest first.
pub(crate) fn sorted(mut v: Vec<Request>) -> Vec<Request> {
    v.sort_by(|a, b| {
        b.is_open()
            .cmp(&a.is_open())
            .then(if a.is_open() {
                a.deadline.cmp(&b.deadline)
            } else {
                b.intake.received_on.cmp(&a.intake.received_on)
            })
            .then(a.id.cmp(&b.id))
    });
    v
}

/// `GET /requests`.
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, PageError> {
    let me = ctx.require_user()?.clone();
    let t = ctx.tr();
    let all = state
        .store
        .requests()
        .await
        .map_err(PageError::store(ctx.lang))?;
    let rows = sorted(all.into_iter().filter(|r| may_see(&me, r)).collect())
        .iter()
        .map(|r| row(t, r))
        .collect();
    let p = Page::new(&ctx, "request.title", "/requests").with_notice(q.notice.as_deref());
    Ok(render(
        StatusCode::OK,
        &RequestListTpl {
            p,
            can_register: me.role != Role::Auditor,
            rows,
        },
    ))
}

async fn intake_page(
    state: &AppState,
    ctx: &Ctx,
    posted: &Posted,
    errors: &FieldErrors,
    status: StatusCode,
) -> Result<Response, PageError> {
    let t = ctx.tr();
    let systems = state
        .store
        .systems()
        .await
        .map_err(PageError::store(ctx.lang))?;
    let choices = Choices {
        systems: &systems,
        ..Default::default()
    };
    let sections = register_form::sections_of(INTAKE, posted, errors, &[], t, &choices);
    Ok(render(
        status,
        &RecordFormTpl {
            p: Page::new(ctx, "request.new", "/requests/new"),
            action: "/requests".into(),
            problems: register_form::problems(&sections),
            sections,
            submit_label: t.t("request.register").to_owned(),
            secondary: None,
        },
    ))
}

/// `GET /requests/new`.
pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let posted = register_form::values_of(
        INTAKE,
        &json!({ "received_on": today().to_string(), "language": ctx.lang.as_str() }),
    );
    intake_page(&state, &ctx, &posted, &FieldErrors::new(), StatusCode::OK).await
}

/// `POST /requests`: registers a request that came another way.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    body: Bytes,
) -> Result<Response, PageError> {
    let posted = register_form::posted(&body);
    let intake = match read_intake(INTAKE, &posted, ctx.tr()) {
        Ok(i) => i,
        Err(errors) => {
            return intake_page(
                &state,
                &ctx,
                &posted,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let me = ctx.require_user()?;
    let r = state
        .store
        .create_request(&ctx.actor(), &intake, Some(me.id), None)
        .await
        .map_err(|e| PageError::internal(ctx.lang, &e))?;
    Ok(Redirect::to(&format!("/requests/{}?notice=request.registered", r.id)).into_response())
}

/// `GET /requests/{id}`.
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, PageError> {
    let r = load(&state, &ctx, id).await?;
    page(&state, &ctx, &r, None, q.notice.as_deref(), StatusCode::OK).await
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    r: &Request,
    refused: Option<Refused>,
    notice: Option<&str>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let me = ctx.require_user()?;
    let t = ctx.tr();
    let lang = t.lang;
    let err = PageError::store(ctx.lang);
    let systems = state.store.systems().await.map_err(&err)?;
    let approved = state.store.approved_activities().await.map_err(&err)?;
    let activities: Vec<(i64, String)> = approved
        .iter()
        .map(|a| (a.id, a.content.name.clone()))
        .collect();
    let (clock, clock_class) = deadline_text(t, r);
    let checks = rules::check(r, today())
        .iter()
        .map(|v| crate::views::check_line(v.severity, lang, v.message(lang), v.article))
        .collect();
    let q = &r.intake.requester;
    let label = |k: &str| t.t(&format!("rfield.{k}")).to_owned();
    let mut details = vec![
        (label("right"), r.intake.right.label(lang).to_owned()),
        (label("received_on"), r.intake.received_on.to_string()),
        (label("channel"), r.intake.channel.label(lang).to_owned()),
        (
            label("language"),
            t.t(&format!("request.lang_{}", r.intake.language.as_str()))
                .to_owned(),
        ),
        (label("description"), r.intake.description.clone()),
        (label("name"), q.name.clone()),
        (label("email"), q.email.clone()),
        (label("phone"), q.phone.clone()),
        (label("address"), q.address.clone()),
        (
            label("identity_number"),
            q.identity_number.clone().unwrap_or_default(),
        ),
        (label("other"), q.other.clone()),
    ];
    details.retain(|(_, v)| !v.trim().is_empty());
    let is_dpo = me.role == Role::Dpo;
    let mut categories = register_form::register_categories(&approved);
    for c in &r.intake.data_subject_categories {
        if !categories.iter().any(|x| x.eq_ignore_ascii_case(c.trim())) {
            categories.push(c.clone());
        }
    }
    let choices = Choices {
        systems: &systems,
        activities: &activities,
        categories: &categories,
        ..Default::default()
    };
    let forms: Vec<FormBlock> = if is_dpo && !r.minimised {
        forms_for(r.intake.right)
            .into_iter()
            .map(|f| {
                let value = recorded(r, f.key).or_else(|| defaults(f.key));
                let shown = register_form::shown(f, refused.as_ref(), value);
                FormBlock::new(
                    f,
                    &format!("/requests/{}", r.id),
                    "request",
                    shown,
                    t,
                    &choices,
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let erasure = if is_dpo && r.intake.right == Right::Erasure && !r.minimised {
        // A refused table comes back as it was posted.
        let posted = match &refused {
            Some(x) if x.key == "erasure-decisions" => Some(read_erasure_rows(&x.posted)),
            _ => None,
        };
        erasure_rows(r, &approved, lang, posted)
    } else {
        Vec::new()
    };
    let erasure_error = match &refused {
        Some(x) if x.key == "erasure-decisions" => x.errors.values().flatten().cloned().collect(),
        _ => Vec::new(),
    };
    let mut record: Vec<(String, String)> = Vec::new();
    for d in &r.erasure_decisions {
        let ground = d.ground.map(|g| g.label(lang)).unwrap_or_default();
        record.push((
            d.activity_name.clone(),
            format!("{} {ground} {}", d.decision.label(lang), d.explanation)
                .trim()
                .to_owned(),
        ));
    }
    for f in &r.data_found {
        let source = f
            .activity_id
            .and_then(|id| activities.iter().find(|(a, _)| *a == id))
            .map(|(_, n)| n.clone())
            .or_else(|| {
                f.system_id
                    .and_then(|id| systems.iter().find(|s| s.id == id))
                    .map(|s| s.name.clone())
            })
            .unwrap_or_default();
        record.push((
            format!("{} {source}", t.t("request.data_found")),
            f.items.join("\n"),
        ));
    }
    let letters: Vec<(String, String)> = [
        ("acknowledgement", true),
        ("extension", r.extension.is_some()),
        ("answer", true),
    ]
    .into_iter()
    .filter(|(_, shown)| *shown)
    .map(|(k, _)| {
        (
            format!("/requests/{}/letters/{k}", r.id),
            t.t(&format!("request.letter_{k}")).to_owned(),
        )
    })
    .collect();
    let mut p = Page::new(ctx, "request.title", &format!("/requests/{}", r.id))
        .with_notice(notice.filter(|_| refused.is_none()));
    p.title = format!("{} {}", r.reference, r.intake.right.label(lang));
    Ok(render(
        status,
        &RequestTpl {
            p,
            id: r.id,
            status: r.status.label(lang).to_owned(),
            deadline: r.deadline.to_string(),
            target_date: r.target_date.to_string(),
            clock,
            clock_class,
            checks,
            details,
            record,
            letters,
            show_report: matches!(r.intake.right, Right::Access | Right::Portability),
            minimised: r.minimised,
            refused: refused.is_some(),
            forms,
            erasure_none: is_dpo
                && r.intake.right == Right::Erasure
                && !r.minimised
                && erasure.is_empty(),
            erasure,
            erasure_error,
        },
    ))
}

/// The erasure table: the recorded decisions, else the suggestions.
fn erasure_rows(
    r: &Request,
    approved: &[ombud_core::register::Activity],
    lang: Lang,
    posted: Option<Vec<ErasureDecision>>,
) -> Vec<ErasureRow> {
    let suggestions = suggest_erasure(r, approved);
    let decisions: Vec<ErasureDecision> = match posted {
        Some(p) => p,
        None if r.erasure_decisions.is_empty() => {
            suggestions.iter().cloned().map(Into::into).collect()
        }
        None => r.erasure_decisions.clone(),
    };
    decisions
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let suggested = suggestions
                .iter()
                .find(|s| s.activity_id == d.activity_id)
                .map(|s| {
                    let g = s.ground.map(|g| g.label(lang)).unwrap_or_default();
                    format!("{} {g}", s.decision.label(lang)).trim().to_owned()
                })
                .unwrap_or_default();
            ErasureRow {
                index: i,
                activity_id: d.activity_id,
                activity_name: d.activity_name.clone(),
                suggested,
                decision: ErasureOutcome::ALL
                    .iter()
                    .map(|o| Opt {
                        value: o.as_str().into(),
                        label: o.label(lang).into(),
                        selected: *o == d.decision,
                    })
                    .collect(),
                ground: Art17Exception::ALL
                    .iter()
                    .map(|g| Opt {
                        value: g.as_str().into(),
                        label: g.label(lang).into(),
                        selected: Some(*g) == d.ground,
                    })
                    .collect(),
                explanation: d.explanation,
            }
        })
        .collect()
}

/// The rows of a posted erasure table as they were typed, for showing it
/// again: an unreadable choice comes back empty, the row stays.
fn read_erasure_rows(p: &Posted) -> Vec<ErasureDecision> {
    let first = |k: String| {
        p.get(&k)
            .and_then(|v| v.first())
            .cloned()
            .unwrap_or_default()
    };
    (0usize..)
        .map_while(|i| {
            let activity_id = first(format!("erasure.{i}.activity_id"))
                .parse::<i64>()
                .ok()?;
            Some(ErasureDecision {
                activity_id,
                activity_name: first(format!("erasure.{i}.activity_name")),
                decision: first(format!("erasure.{i}.decision"))
                    .parse()
                    .unwrap_or(ErasureOutcome::Refuse),
                ground: first(format!("erasure.{i}.ground")).parse().ok(),
                explanation: first(format!("erasure.{i}.explanation")),
                erased_on: None,
                signed: Default::default(),
            })
        })
        .collect()
}

/// Reads the erasure table of the posted form; `Err` names a row whose
/// decision or ground is not one of the offered values.
fn read_erasure(p: &Posted) -> Result<Vec<ErasureDecision>, usize> {
    let first = |k: String| {
        p.get(&k)
            .and_then(|v| v.first())
            .cloned()
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for i in 0usize.. {
        let Ok(activity_id) = first(format!("erasure.{i}.activity_id")).parse::<i64>() else {
            break;
        };
        let ground = first(format!("erasure.{i}.ground"));
        out.push(ErasureDecision {
            activity_id,
            activity_name: first(format!("erasure.{i}.activity_name")),
            decision: first(format!("erasure.{i}.decision"))
                .parse()
                .map_err(|_| i)?,
            ground: if ground.is_empty() {
                None
            } else {
                Some(ground.parse().map_err(|_| i)?)
            },
            explanation: first(format!("erasure.{i}.explanation")).trim().to_owned(),
            erased_on: None,
            signed: Default::default(),
        });
    }
    Ok(out)
}

/// `POST /requests/{id}/{form}`: one of the DPO's forms.
pub async fn act(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, key)): Path<(i64, String)>,
    body: Bytes,
) -> Result<Response, PageError> {
    let r = load(&state, &ctx, id).await?;
    let t = ctx.tr();
    let posted = register_form::posted(&body);
    let form = forms_for(r.intake.right).into_iter().find(|f| f.key == key);
    let change: Result<RequestChange, FieldErrors> = match (key.as_str(), form) {
        ("erasure-decisions", _) if r.intake.right == Right::Erasure => read_erasure(&posted)
            .map(RequestChange::DecideErasure)
            .map_err(|row| {
                FieldErrors::from([(
                    "erasure".to_owned(),
                    vec![format!("{} {}", t.t("form.value_invalid"), row + 1)],
                )])
            }),
        (_, None) => return Err(PageError::not_found(ctx.lang)),
        (k, Some(f)) => read_change(k, f, &posted, t),
    };
    let refuse = |errors: FieldErrors, posted: Posted| Refused {
        key: key.clone(),
        posted,
        errors,
    };
    let change = match change {
        Ok(c) => c,
        Err(errors) => {
            let x = refuse(errors, posted);
            return page(
                &state,
                &ctx,
                &r,
                Some(x),
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let broken = crate::routes::requests_api::change_errors(&state, &r, &change)
        .await
        .map_err(PageError::store(ctx.lang))?;
    if !broken.is_empty() {
        let messages = broken
            .iter()
            .map(|v| (v.field, format!("{} ({})", v.message(t.lang), v.article)));
        let errors = match form {
            Some(f) => f.errors_of(messages),
            None => FieldErrors::from([("erasure".to_owned(), messages.map(|(_, m)| m).collect())]),
        };
        let x = refuse(errors, posted);
        return page(
            &state,
            &ctx,
            &r,
            Some(x),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let me = ctx.require_user()?;
    match state
        .store
        .change_request(&ctx.actor(), id, change, signature(me))
        .await
    {
        Ok(_) => Ok(
            Redirect::to(&format!("/requests/{id}?notice=request.recorded#{key}")).into_response(),
        ),
        Err(StoreError::Conflict(_)) => Err(PageError::new(
            StatusCode::CONFLICT,
            ctx.lang,
            "request.conflict",
        )),
        Err(e) => Err(PageError::internal(ctx.lang, &e)),
    }
}

#[derive(Deserialize)]
struct ScopeBody {
    #[serde(default)]
    data_subject_categories: Vec<String>,
    #[serde(default)]
    system_ids: Vec<i64>,
}

fn read_change(key: &str, f: &SubForm, p: &Posted, t: Tr) -> Result<RequestChange, FieldErrors> {
    Ok(match key {
        "scope" => {
            let s: ScopeBody = f.read(p, t)?;
            RequestChange::Scope {
                data_subject_categories: s.data_subject_categories,
                system_ids: s.system_ids,
            }
        }
        "identity-check" => RequestChange::Verify(f.read::<IdentityCheck>(p, t)?),
        "extension" => RequestChange::Extend(f.read::<Extension>(p, t)?),
        "rectification" => RequestChange::Rectify(f.read::<RectificationOutcome>(p, t)?),
        "restriction" => RequestChange::Restrict(f.read::<RestrictionOutcome>(p, t)?),
        "objection" => RequestChange::Object(f.read::<ObjectionOutcome>(p, t)?),
        "automated-decision" => {
            RequestChange::ReviewAutomatedDecision(f.read::<AutomatedDecisionOutcome>(p, t)?)
        }
        "portability" => RequestChange::DeliverPortability(f.read::<PortabilityOutcome>(p, t)?),
        "data-found" => RequestChange::AttachData(vec![f.read::<DataFound>(p, t)?]),
        "answer" => RequestChange::Answer(f.read::<Answer>(p, t)?),
        "close" => RequestChange::Close(f.read::<Closure>(p, t)?),
        _ => unreachable!("forms_for lists only these keys"),
    })
}

#[derive(Debug, Deserialize)]
pub struct DocQuery {
    pub lang: Option<String>,
}

/// `GET /requests/{id}/letters/{kind}`: `acknowledgement`, `extension`,
/// `answer` (in the requester's language) or `access-report`; with `.json`,
/// as JSON.
pub async fn letter_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, name)): Path<(i64, String)>,
) -> Result<Response, PageError> {
    let r = load(&state, &ctx, id).await?;
    let (kind, as_json) = match name.strip_suffix(".json") {
        Some(k) => (k, true),
        None => (name.as_str(), false),
    };
    let err = PageError::store(ctx.lang);
    if kind == "access-report" {
        let report = build_access_report(&state, &r).await.map_err(&err)?;
        if as_json {
            return Ok(Json(report).into_response());
        }
        let org = state.store.organisation().await.map_err(&err)?;
        let letter = ombud_core::request::letters::access_answer(&r, &report, &org);
        return letter_response(&ctx, id, &name, letter);
    }
    let letter = build_letter(&state, &r, kind)
        .await
        .map_err(&err)?
        .ok_or_else(|| PageError::not_found(ctx.lang))?;
    if as_json {
        return Ok(Json(letter).into_response());
    }
    letter_response(&ctx, id, &name, letter)
}

fn letter_response(
    ctx: &Ctx,
    id: i64,
    name: &str,
    letter: ombud_core::request::Letter,
) -> Result<Response, PageError> {
    let here = format!("/requests/{id}/letters/{name}");
    let mut p = Page::new(ctx, "request.title", &here);
    p.title = letter.title.clone();
    Ok(render(
        StatusCode::OK,
        &LetterTpl {
            back: format!("/requests/{id}"),
            json_href: format!("{here}.json"),
            doc_lang: letter.language.as_str(),
            letter,
            p,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, SV};

    #[test]
    fn every_request_form_label_exists_in_both_languages() {
        let specs = ALL_FORMS.iter().map(|f| f.spec).chain([INTAKE]);
        for spec in specs {
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
        for f in ALL_FORMS {
            for cat in [&SV, &EN] {
                assert!(
                    cat.contains_key(&format!("request.save_{}", f.key)),
                    "{}",
                    f.key
                );
            }
        }
    }

    #[test]
    fn form_names_are_unique_across_the_case_page() {
        let mut seen = std::collections::BTreeSet::new();
        for f in ALL_FORMS {
            for (_, fields) in f.spec.sections {
                for (name, _) in *fields {
                    assert!(seen.insert(*name), "{name} used twice");
                }
            }
        }
    }

    #[test]
    fn the_intake_form_reads_the_requester_into_its_object() {
        let t = Tr::new(Lang::En);
        let mut p = Posted::new();
        for (k, v) in [
            ("right", "erasure"),
            ("received_on", "2025-01-31"),
            ("language", "en"),
            ("name", "Anna Andersson"),
            ("email", "anna@example.se"),
        ] {
            p.insert(k.into(), vec![v.into()]);
        }
        let i = read_intake(INTAKE, &p, t).unwrap();
        assert_eq!(i.right, Right::Erasure);
        assert_eq!(i.requester.name, "Anna Andersson");
        assert_eq!(i.requester.email, "anna@example.se");
        assert_eq!(i.requester.identity_number, None);
        p.remove("email");
        let errors = read_intake(INTAKE, &p, t).unwrap_err();
        assert!(errors.contains_key("email"), "{errors:?}");
    }
}
