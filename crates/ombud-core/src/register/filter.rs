//! Finding activities: the filters of the register list and the API.

use serde::Deserialize;
use time::{Date, Duration};

use super::{Activity, LegalBasis, Status};

/// Which review dates to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReviewDue {
    /// The yearly review date has passed.
    Overdue,
    /// Due within the next 30 days (or overdue).
    Within30Days,
}

/// A filter on activities; every given field narrows the selection.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct ActivityFilter {
    /// Words that must all occur in the name, purposes or categories (case-insensitive).
    pub q: Option<String>,
    /// The responsible unit, exactly.
    pub unit: Option<String>,
    pub status: Option<Status>,
    pub legal_basis: Option<LegalBasis>,
    /// `true`: only activities with special categories (Art. 9); `false`: only without.
    pub special_categories: Option<bool>,
    /// Activities that use this system (id).
    pub system: Option<i64>,
    /// Activities that use this processor (id).
    pub processor: Option<i64>,
    pub review_due: Option<ReviewDue>,
}

impl ActivityFilter {
    /// Whether `a` passes the filter on day `today`.
    pub fn matches(&self, a: &Activity, today: Date) -> bool {
        let c = &a.content;
        if let Some(q) = self.q.as_deref().filter(|q| !q.trim().is_empty()) {
            let haystack = [c.name.as_str(), c.unit.as_str(), c.owner.as_str()]
                .into_iter()
                .chain(c.purposes.iter().map(String::as_str))
                .chain(c.data_subject_categories.iter().map(String::as_str))
                .chain(c.personal_data_categories.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            if !q
                .to_lowercase()
                .split_whitespace()
                .all(|w| haystack.contains(w))
            {
                return false;
            }
        }
        let unit_ok = self
            .unit
            .as_deref()
            .filter(|u| !u.is_empty())
            .is_none_or(|u| c.unit == u);
        let status_ok = self.status.is_none_or(|s| a.status == s);
        let basis_ok = self.legal_basis.is_none_or(|b| c.legal_basis == Some(b));
        let special_ok = self
            .special_categories
            .is_none_or(|want| want != c.special_categories.is_empty());
        let system_ok = self.system.is_none_or(|id| c.system_ids.contains(&id));
        let processor_ok = self
            .processor
            .is_none_or(|id| c.processor_ids.contains(&id));
        let review_ok = match self.review_due {
            None => true,
            Some(ReviewDue::Overdue) => a.review_due.is_some_and(|d| d < today),
            Some(ReviewDue::Within30Days) => a
                .review_due
                .is_some_and(|d| d <= today + Duration::days(30)),
        };
        unit_ok && status_ok && basis_ok && special_ok && system_ok && processor_ok && review_ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::{ActivityContent, SpecialCategory};
    use time::macros::{date, datetime};

    fn activity(name: &str, f: impl FnOnce(&mut Activity)) -> Activity {
        let mut a = Activity {
            id: 1,
            status: Status::Approved,
            version: 1,
            content: ActivityContent {
                name: name.into(),
                unit: "HR".into(),
                ..Default::default()
            },
            created_at: datetime!(2026-01-01 0:00 UTC),
            updated_at: datetime!(2026-01-01 0:00 UTC),
            submitted_at: None,
            approved_at: None,
            review_due: None,
        };
        f(&mut a);
        a
    }

    #[test]
    fn each_field_narrows() {
        let today = date!(2026 - 11 - 23);
        let salary = activity("Löneutbetalning", |a| {
            a.content.legal_basis = Some(LegalBasis::LegalObligation);
            a.content.system_ids = vec![3];
            a.content.purposes = vec!["Betala ut lön".into()];
            a.review_due = Some(date!(2026 - 11 - 01));
        });
        let health = activity("Studenthälsa", |a| {
            a.status = Status::Draft;
            a.content.unit = "Studentavdelningen".into();
            a.content.special_categories = vec![SpecialCategory::Health];
            a.content.processor_ids = vec![9];
            a.review_due = Some(date!(2026 - 12 - 10));
        });
        let all = [&salary, &health];
        let names = |f: ActivityFilter| -> Vec<&str> {
            all.iter()
                .filter(|a| f.matches(a, today))
                .map(|a| a.content.name.as_str())
                .collect()
        };
        assert_eq!(names(ActivityFilter::default()).len(), 2);
        assert_eq!(
            names(ActivityFilter {
                q: Some("LÖN betala".into()),
                ..Default::default()
            }),
            ["Löneutbetalning"]
        );
        assert_eq!(
            names(ActivityFilter {
                unit: Some("HR".into()),
                ..Default::default()
            }),
            ["Löneutbetalning"]
        );
        assert_eq!(
            names(ActivityFilter {
                status: Some(Status::Draft),
                ..Default::default()
            }),
            ["Studenthälsa"]
        );
        let basis = ActivityFilter {
            legal_basis: Some(LegalBasis::LegalObligation),
            ..Default::default()
        };
        assert_eq!(names(basis), ["Löneutbetalning"]);
        assert_eq!(
            names(ActivityFilter {
                special_categories: Some(true),
                ..Default::default()
            }),
            ["Studenthälsa"]
        );
        assert_eq!(
            names(ActivityFilter {
                special_categories: Some(false),
                ..Default::default()
            }),
            ["Löneutbetalning"]
        );
        assert_eq!(
            names(ActivityFilter {
                system: Some(3),
                ..Default::default()
            }),
            ["Löneutbetalning"]
        );
        assert_eq!(
            names(ActivityFilter {
                processor: Some(9),
                ..Default::default()
            }),
            ["Studenthälsa"]
        );
        assert_eq!(
            names(ActivityFilter {
                review_due: Some(ReviewDue::Overdue),
                ..Default::default()
            }),
            ["Löneutbetalning"]
        );
        assert_eq!(
            names(ActivityFilter {
                review_due: Some(ReviewDue::Within30Days),
                ..Default::default()
            })
            .len(),
            2
        );
    }
}
