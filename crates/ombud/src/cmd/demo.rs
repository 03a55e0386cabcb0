//! `ombud demo`: loads the demo register (a fictional Swedish university,
//! a public authority) into the configured database.
//!
//! Everything goes through the store's ordinary methods, so the audit trail
//! shows each record created and each activity submitted and approved by the
//! actor `system:demo`. It refuses a database whose register is not empty:
//! demo data must never mix with a real register.

mod data;

use std::collections::HashMap;
use std::process::ExitCode;

use anyhow::Context;
use ombud_core::audit::Actor;
use ombud_core::register::Status;
use ombud_store::{Store, Transition};
use time::{Date, OffsetDateTime};

use crate::store::{self, DbArgs};

use data::demo_register;

/// Options of `ombud demo`.
#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    #[command(flatten)]
    db: DbArgs,
}

/// Exit 0 when loaded; 2 when the register already holds data or the
/// database cannot be used.
pub fn run(args: DemoArgs) -> ExitCode {
    crate::cmd::runtime().block_on(async move {
        let store = match store::open(&args.db.url).await {
            Ok(s) => s,
            Err(e) => {
                eprintln!("ombud demo: {e:#}");
                return ExitCode::from(2);
            }
        };
        match load(store.as_ref()).await {
            Ok(Loaded::Done { activities }) => {
                println!(
                    "Loaded the demo register of Exempeluniversitetet: {activities} activities."
                );
                ExitCode::SUCCESS
            }
            Ok(Loaded::NotEmpty(what)) => {
                eprintln!(
                    "ombud demo: the database already holds a register ({what}); the demo loads only into an empty one. Use a new database, e.g. --db sqlite:demo.db"
                );
                ExitCode::from(2)
            }
            Err(e) => {
                eprintln!("ombud demo: {e:#}");
                ExitCode::from(2)
            }
        }
    })
}

/// What `load` did.
pub enum Loaded {
    Done {
        activities: usize,
    },
    /// The register was not empty: what it holds.
    NotEmpty(String),
}

/// The day a year after `d` (28 February for 29 February).
fn a_year_after(d: Date) -> Date {
    d.replace_year(d.year() + 1)
        .or_else(|_| d.replace_day(28).and_then(|d| d.replace_year(d.year() + 1)))
        .expect("a year later is a valid date")
}

/// Loads the demo register into `store` unless its register holds anything.
pub async fn load(store: &dyn Store) -> anyhow::Result<Loaded> {
    let (acts, procs, systems) = (
        store.activities().await?.len(),
        store.processors().await?.len(),
        store.systems().await?.len(),
    );
    if acts + procs + systems > 0 {
        return Ok(Loaded::NotEmpty(format!(
            "{acts} activities, {procs} processors, {systems} systems"
        )));
    }
    let actor = Actor::system("demo");
    let demo = demo_register();
    store
        .set_organisation(&actor, &demo.organisation)
        .await
        .context("saving the organisation")?;
    let mut processor_ids = HashMap::new();
    for p in &demo.processors {
        let created = store.create_processor(&actor, p).await?;
        processor_ids.insert(p.id, created.id);
    }
    let mut system_ids = HashMap::new();
    for s in &demo.systems {
        let created = store.create_system(&actor, s).await?;
        system_ids.insert(s.id, created.id);
    }
    let review_due = a_year_after(OffsetDateTime::now_utc().date());
    let step = |to: Status, comment: Option<&str>| Transition {
        to,
        comment: comment.map(str::to_owned),
        review_due: (to == Status::Approved).then_some(review_due),
    };
    for a in &demo.activities {
        let mut content = a.content.clone();
        content.processor_ids = content
            .processor_ids
            .iter()
            .map(|i| processor_ids[i])
            .collect();
        content.system_ids = content.system_ids.iter().map(|i| system_ids[i]).collect();
        // What is in force is published in the privacy notice, as a university would.
        content.public_notice = a.status == Status::Approved;
        let id = store
            .create_activity(&actor, &content)
            .await
            .with_context(|| format!("creating {:?}", content.name))?
            .current
            .id;
        let path: &[Status] = match a.status {
            Status::Draft => &[],
            Status::Submitted => &[Status::Submitted],
            Status::ChangesRequested => &[Status::Submitted, Status::ChangesRequested],
            Status::Approved => &[Status::Submitted, Status::Approved],
            other => anyhow::bail!("the demo has no path to {other}"),
        };
        for &to in path {
            store
                .transition_activity(&actor, id, &step(to, a.comment))
                .await
                .with_context(|| format!("moving {:?} to {to}", content.name))?;
        }
    }
    Ok(Loaded::Done {
        activities: demo.activities.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::data::DemoActivity;
    use super::*;
    use ombud_core::register::{Severity, validate_for_submit};
    use time::macros::date;

    #[test]
    fn review_is_due_a_year_on() {
        assert_eq!(a_year_after(date!(2026 - 03 - 02)), date!(2027 - 03 - 02));
        assert_eq!(a_year_after(date!(2028 - 02 - 29)), date!(2029 - 02 - 28));
    }

    #[test]
    fn demo_is_a_realistic_university_register() {
        let d = demo_register();
        assert!(d.organisation.is_public_authority);
        assert!(d.organisation.dpo.is_some());
        assert!(d.activities.len() >= 30, "{}", d.activities.len());
        let approved = d
            .activities
            .iter()
            .filter(|a| a.status == Status::Approved)
            .count();
        assert!(approved >= 30, "{approved} approved");
        for status in [Status::Draft, Status::Submitted, Status::ChangesRequested] {
            assert!(
                d.activities.iter().any(|a| a.status == status),
                "no {status} activity"
            );
        }
        for (i, p) in d.processors.iter().enumerate() {
            assert_eq!(p.id, i as i64 + 1, "{}", p.name);
        }
        for (i, s) in d.systems.iter().enumerate() {
            assert_eq!(s.id, i as i64 + 1, "{}", s.name);
        }
        let mut names = std::collections::HashSet::new();
        for a in &d.activities {
            let c = &a.content;
            assert!(names.insert(c.name.clone()), "duplicate {}", c.name);
            assert!(
                d.organisation.has_unit(&c.unit),
                "{}: unit {}",
                c.name,
                c.unit
            );
            for id in &c.processor_ids {
                assert!(d.processors.iter().any(|p| p.id == *id), "{}", c.name);
            }
            for id in &c.system_ids {
                assert!(d.systems.iter().any(|s| s.id == *id), "{}", c.name);
            }
        }
        // The brief's coverage: research with ethics approval, Art. 9, Art. 10,
        // personnummer, a US transfer, consent.
        let any = |f: &dyn Fn(&DemoActivity) -> bool| d.activities.iter().any(f);
        assert!(any(
            &|a| a.content.research && !a.content.ethics_approval_ref.is_empty()
        ));
        assert!(any(&|a| a.content.criminal_offence_data));
        assert!(any(&|a| a.content.personnummer));
        assert!(any(&|a| a
            .content
            .transfers
            .iter()
            .any(|t| t.country == "USA")));
        assert!(any(&|a| !a.content.special_categories.is_empty()));
    }

    #[test]
    fn approved_and_submitted_demo_activities_pass_the_rule_checks() {
        let d = demo_register();
        for a in &d.activities {
            let found = validate_for_submit(&a.content, &d.organisation, &d.processors);
            match a.status {
                // In force: neither errors nor warnings.
                Status::Approved => assert!(found.is_empty(), "{}: {found:#?}", a.content.name),
                // Sent to the DPO: no errors (warnings are the DPO's to weigh).
                Status::Submitted | Status::ChangesRequested => assert!(
                    !found.iter().any(|v| v.severity == Severity::Error),
                    "{}: {found:#?}",
                    a.content.name
                ),
                _ => {}
            }
        }
        // The drafts are unfinished on purpose: the DPO's tool has something to show.
        let drafts_with_errors = d
            .activities
            .iter()
            .filter(|a| a.status == Status::Draft)
            .filter(|a| {
                validate_for_submit(&a.content, &d.organisation, &d.processors)
                    .iter()
                    .any(|v| v.severity == Severity::Error)
            })
            .count();
        assert!(drafts_with_errors >= 1);
    }
}
