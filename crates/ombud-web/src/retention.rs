//! Ombud practises what it checks: closed data-subject requests are kept for
//! a configurable period (`/settings/requests`), then purged. The cases are
//! minimised when they close (`Request::minimise`); the purge deletes what is
//! left, each deletion audited with the reference only.
//!
//! For a public authority the case is a public record: set the period from
//! the authority's own retention decision (gallringsbeslut) and name it in
//! `retention_source`.

use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use time::Date;

use ombud_core::audit::Actor;
use ombud_core::request::purge_due;
use ombud_store::{Store, StoreResult};

/// The settings key of [`RequestSettings`].
pub const KEY: &str = "requests";

/// How long closed requests are kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RequestSettings {
    /// Calendar months after closing; 0 purges at the next run.
    pub retention_months: u32,
    /// The rule it follows, e.g. the organisation's gallringsbeslut.
    pub retention_source: String,
}

impl Default for RequestSettings {
    fn default() -> Self {
        RequestSettings {
            retention_months: 24,
            retention_source: String::new(),
        }
    }
}

/// The stored settings, or the defaults.
pub async fn settings(store: &dyn Store) -> RequestSettings {
    match store.setting(KEY).await {
        Ok(Some(v)) => serde_json::from_value(v).unwrap_or_default(),
        _ => RequestSettings::default(),
    }
}

/// Purges the closed requests whose retention ended on or before `today`;
/// returns how many.
pub async fn purge_closed(store: &dyn Store, today: Date) -> StoreResult<u64> {
    let s = settings(store).await;
    if store.organisation().await?.is_public_authority && s.retention_source.trim().is_empty() {
        // At an authority the cases are public records: destroyed only under a
        // retention decision, which must be named first (reference §10.1, §10.3).
        tracing::info!("closed requests kept: no retention decision is named in the settings");
        return Ok(0);
    }
    let months = s.retention_months;
    let cutoff = store
        .requests()
        .await?
        .iter()
        .filter_map(|r| r.closure.as_ref().map(|c| c.closed_on))
        .filter(|closed| purge_due(*closed, months) <= today)
        .max();
    match cutoff {
        Some(c) => store.purge_requests(&Actor::system("retention"), c).await,
        None => Ok(0),
    }
}

/// Runs [`purge_closed`] now and then once an hour.
pub fn spawn(store: Arc<dyn Store>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(3600));
        loop {
            tick.tick().await;
            match purge_closed(store.as_ref(), crate::routes::requests_api::today()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(purged = n, "closed requests purged after their retention"),
                Err(e) => tracing::warn!(error = %e, "could not purge closed requests"),
            }
        }
    });
}
