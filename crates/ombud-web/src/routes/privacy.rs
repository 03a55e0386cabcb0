//! The public privacy notice (GDPR Art. 13 and 14), generated from the
//! approved activities marked for publication. No account needed.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use ombud_core::register::{Activity, Organisation};

use crate::AppState;
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::views::{Page, PrivacyActivityTpl, PrivacyTpl, render};

async fn published(
    state: &AppState,
    ctx: &Ctx,
) -> Result<(Organisation, Vec<Activity>), PageError> {
    let err = PageError::store(ctx.lang);
    let org = state.store.organisation().await.map_err(&err)?;
    let items = state
        .store
        .approved_activities()
        .await
        .map_err(&err)?
        .into_iter()
        .filter(|a| a.content.public_notice)
        .collect();
    Ok((org, items))
}

/// `GET /privacy`.
pub async fn index(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let (org, items) = published(&state, &ctx).await?;
    let p = Page::new(&ctx, "notice.title", "/privacy");
    let intro = p.t.f("notice.intro", &[("controller", &org.name)]);
    let items = items.into_iter().map(|a| (a.id, a.content.name)).collect();
    Ok(render(
        StatusCode::OK,
        &PrivacyTpl {
            p,
            intro,
            org,
            items,
        },
    ))
}

/// The Art. 13/14 items of one activity, as (label, values) rows.
fn rows(
    t: Tr,
    a: &Activity,
    state_processors: &[ombud_core::register::Processor],
) -> Vec<(String, Vec<String>)> {
    let c = &a.content;
    let lang = t.lang;
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let mut push = |key: &str, values: Vec<String>| {
        let values: Vec<String> = values
            .into_iter()
            .filter(|v| !v.trim().is_empty())
            .collect();
        if !values.is_empty() {
            out.push((t.t(key).to_owned(), values));
        }
    };
    push("notice.purposes", c.purposes.clone());
    let mut basis: Vec<String> = c
        .legal_basis
        .map(|b| format!("{} ({})", b.label(lang), b.article()))
        .into_iter()
        .collect();
    basis.push(c.legal_basis_source.clone());
    push("notice.legal_basis", basis);
    push("notice.subjects", c.data_subject_categories.clone());
    let mut data = c.personal_data_categories.clone();
    data.extend(
        c.special_categories
            .iter()
            .map(|s| s.label(lang).to_owned()),
    );
    push("notice.data", data);
    push(
        "notice.source",
        vec![
            c.data_source
                .map(|s| s.label(lang).to_owned())
                .unwrap_or_default(),
            c.data_source_description.clone(),
        ],
    );
    let mut recipients = c.recipients.clone();
    recipients.extend(
        c.processor_ids
            .iter()
            .filter_map(|id| state_processors.iter().find(|p| p.id == *id))
            .map(|p| p.name.clone()),
    );
    push("notice.recipients", recipients);
    push(
        "notice.transfers",
        c.transfers
            .iter()
            .map(|tr| {
                let mech = tr
                    .mechanism
                    .map(|m| m.label(lang))
                    .or(tr.derogation.map(|d| d.label(lang)))
                    .unwrap_or_default();
                format!("{} – {} ({mech})", tr.country, tr.recipient)
            })
            .collect(),
    );
    push("notice.retention", vec![c.retention.clone()]);
    let automated = if c.automated_decisions || c.profiling {
        "notice.automated_yes"
    } else {
        "notice.automated_no"
    };
    push(
        "notice.automated",
        vec![
            t.t(automated).to_owned(),
            c.automated_decisions_description.clone(),
        ],
    );
    out
}

/// `GET /privacy/{id}`: one published activity.
pub async fn activity(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let (org, items) = published(&state, &ctx).await?;
    let a = items
        .into_iter()
        .find(|a| a.id == id)
        .ok_or_else(|| PageError::not_found(ctx.lang))?;
    let processors = state
        .store
        .processors()
        .await
        .map_err(PageError::store(ctx.lang))?;
    let mut p = Page::new(&ctx, "notice.title", &format!("/privacy/{id}"));
    p.title = a.content.name.clone();
    let rows = rows(p.t, &a, &processors);
    Ok(render(StatusCode::OK, &PrivacyActivityTpl { p, org, rows }))
}
