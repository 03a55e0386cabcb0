//! Browsing and filtering the audit trail (DPO and auditors).

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use time::macros::format_description;
use time::{Date, OffsetDateTime, Time};

use ombud_store::AuditFilter;

use crate::AppState;
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::views::{AuditTpl, FormErrors, Page, render};

/// Entries per page.
pub const PAGE_SIZE: i64 = 50;

/// The filter as typed in the form (and in the API's query string).
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Record type, e.g. `user`.
    #[serde(default)]
    pub entity_type: String,
    /// Record id.
    #[serde(default)]
    pub entity_id: String,
    /// Actions starting with this, e.g. `user.`.
    #[serde(default)]
    pub action: String,
    /// The acting user's id.
    #[serde(default)]
    pub actor: String,
    /// First day (UTC), `YYYY-MM-DD`.
    #[serde(default)]
    pub from: String,
    /// Last day (UTC, inclusive), `YYYY-MM-DD`.
    #[serde(default)]
    pub until: String,
    /// Page number from 1.
    #[serde(default)]
    pub page: Option<i64>,
}

/// A field of the query that is not valid.
#[derive(Debug, PartialEq, Eq)]
pub struct BadField(pub &'static str);

fn parse_day(s: &str) -> Option<Date> {
    Date::parse(s.trim(), format_description!("[year]-[month]-[day]")).ok()
}

impl AuditQuery {
    /// The store filter, or the fields that do not parse.
    pub fn to_filter(&self) -> Result<AuditFilter, Vec<BadField>> {
        let text = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let mut bad = Vec::new();
        let actor_id = match text(&self.actor) {
            Some(a) => a.parse::<i64>().map(Some).unwrap_or_else(|_| {
                bad.push(BadField("actor"));
                None
            }),
            None => None,
        };
        let mut day = |s: &str, field: &'static str, next_day: bool| match text(s) {
            None => None,
            Some(s) => match parse_day(&s) {
                Some(d) => {
                    let d = if next_day {
                        d.next_day().unwrap_or(d)
                    } else {
                        d
                    };
                    Some(OffsetDateTime::new_utc(d, Time::MIDNIGHT))
                }
                None => {
                    bad.push(BadField(field));
                    None
                }
            },
        };
        let from = day(&self.from, "from", false);
        let until = day(&self.until, "until", true);
        if !bad.is_empty() {
            return Err(bad);
        }
        Ok(AuditFilter {
            entity_type: text(&self.entity_type),
            entity_id: text(&self.entity_id),
            actor_id,
            action_prefix: text(&self.action),
            from,
            until,
        })
    }

    fn page(&self) -> i64 {
        self.page.unwrap_or(1).max(1)
    }

    fn href(&self, page: i64) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("entity_type", &self.entity_type),
            ("entity_id", &self.entity_id),
            ("action", &self.action),
            ("actor", &self.actor),
            ("from", &self.from),
            ("until", &self.until),
        ] {
            if !v.is_empty() {
                q.append_pair(k, v);
            }
        }
        q.append_pair("page", &page.to_string());
        format!("/audit?{}", q.finish())
    }
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(f): Query<AuditQuery>,
) -> Result<Response, PageError> {
    let t = ctx.tr();
    let p = Page::new(&ctx, "audit.title", "/audit");
    let mut errors = FormErrors::default();
    let (entries, total) = match f.to_filter() {
        Ok(filter) => {
            let offset = (f.page() - 1) * PAGE_SIZE;
            let entries = state
                .store
                .audit_entries(&filter, PAGE_SIZE, offset)
                .await
                .map_err(PageError::store(ctx.lang))?;
            let total = state
                .store
                .audit_count(&filter)
                .await
                .map_err(PageError::store(ctx.lang))?;
            (entries, total)
        }
        Err(bad) => {
            for BadField(field) in bad {
                let key = if field == "actor" {
                    "form.number_invalid"
                } else {
                    "form.date_invalid"
                };
                errors.add(field, t.t(key));
            }
            (Vec::new(), 0)
        }
    };
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let page = f.page().min(pages);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(render(
        status,
        &AuditTpl {
            total_text: t.f("audit.total", &[("count", &total)]),
            page_text: t.f("audit.page", &[("page", &page), ("pages", &pages)]),
            prev_href: (page > 1).then(|| f.href(page - 1)),
            next_href: (page < pages).then(|| f.href(page + 1)),
            p,
            entries,
            f,
            errors,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_becomes_filter() {
        let q = AuditQuery {
            entity_type: " user ".into(),
            action: "user.".into(),
            actor: "3".into(),
            from: "2026-01-31".into(),
            until: "2026-02-01".into(),
            ..Default::default()
        };
        let f = q.to_filter().unwrap();
        assert_eq!(f.entity_type.as_deref(), Some("user"));
        assert_eq!(f.entity_id, None);
        assert_eq!(f.actor_id, Some(3));
        assert_eq!(f.from.unwrap().date().to_string(), "2026-01-31");
        assert_eq!(
            f.until.unwrap().date().to_string(),
            "2026-02-02",
            "the last day is inclusive"
        );
    }

    #[test]
    fn bad_fields_are_named() {
        let q = AuditQuery {
            actor: "anna".into(),
            from: "2026-02-30".into(),
            ..Default::default()
        };
        assert_eq!(
            q.to_filter().unwrap_err(),
            vec![BadField("actor"), BadField("from")]
        );
    }
}
