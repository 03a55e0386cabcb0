//! The contract every backend must honour. Each function takes a fresh,
//! migrated, empty store; the backend crates call every one of them from
//! `tests/contract.rs` (see [`crate::contract_suite`]), so SQLite and
//! PostgreSQL are held to the same behaviour.

use std::sync::Arc;

use ombud_core::Role;
use ombud_core::audit::Actor;
use ombud_core::user::Email;
use time::{Duration, OffsetDateTime};

use ombud_core::incident::{
    Assessment, BreachType, ImyDecision, IncidentChange, IncidentReport, IncidentStatus,
    Notification, NotificationPhase, Risk, Signature,
};
use ombud_core::register::{ActivityContent, LegalBasis, Organisation, Processor, Status, System};
use ombud_core::request::{
    Answer, AnswerOutcome, Channel, Closure, Extension, IdentityCheck, IdentityMethod,
    RequestChange, RequestIntake, RequestStatus, Requester, Right,
};

use crate::{
    AuditFilter, ImportedActivity, NewUser, RegisterImport, Store, StoreError, Transition,
    UserUpdate, verify_audit_chain,
};

/// A store under test.
pub type DynStore = Arc<dyn Store>;

fn new_user(email: &str, role: Role) -> NewUser {
    NewUser {
        email: Email::parse(email).unwrap(),
        display_name: format!("Name of {email}"),
        role,
        unit: None,
        password_hash: format!("hash-of-{}", email.to_lowercase()),
    }
}

fn cli() -> Actor {
    Actor::system("cli")
}

pub async fn users_are_created_found_and_unique(s: DynStore) {
    assert_eq!(s.count_users().await.unwrap(), 0);
    let a = s
        .create_user(&cli(), new_user("Anna@Example.se", Role::Dpo))
        .await
        .unwrap();
    let b = s
        .create_user(&cli(), new_user("bo@example.se", Role::Auditor))
        .await
        .unwrap();
    assert_ne!(a.id, b.id);
    assert_eq!(a.email.as_str(), "anna@example.se");
    assert_eq!(a.role, Role::Dpo);
    assert!(a.active);
    assert_eq!(s.count_users().await.unwrap(), 2);
    assert_eq!(s.user_by_id(a.id).await.unwrap().as_ref(), Some(&a));
    assert_eq!(s.user_by_id(a.id + b.id + 100).await.unwrap(), None);
    let email = Email::parse("anna@example.se").unwrap();
    assert_eq!(s.user_by_email(&email).await.unwrap().as_ref(), Some(&a));
    let (u, hash) = s.user_credentials(&email).await.unwrap().unwrap();
    assert_eq!((u.id, hash.as_str()), (a.id, "hash-of-anna@example.se"));
    let all: Vec<_> = s
        .list_users()
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.id)
        .collect();
    assert_eq!(all, vec![a.id, b.id], "listed by e-mail");
    let dup = s
        .create_user(&cli(), new_user("anna@example.se", Role::Admin))
        .await;
    assert!(matches!(dup, Err(StoreError::Conflict(_))), "{dup:?}");
    assert_eq!(
        s.count_users().await.unwrap(),
        2,
        "a refused create leaves nothing behind"
    );
}

pub async fn only_one_first_user(s: DynStore) {
    let first = s
        .create_first_user(&cli(), new_user("admin@example.se", Role::Admin))
        .await;
    assert!(first.is_ok());
    let second = s
        .create_first_user(&cli(), new_user("other@example.se", Role::Admin))
        .await;
    assert!(matches!(second, Err(StoreError::Conflict(_))), "{second:?}");
    assert_eq!(s.count_users().await.unwrap(), 1);
}

pub async fn concurrent_first_users_create_exactly_one(s: DynStore) {
    let tasks: Vec<_> = (0..8)
        .map(|i| {
            let s = s.clone();
            tokio::spawn(async move {
                s.create_first_user(&cli(), new_user(&format!("a{i}@example.se"), Role::Admin))
                    .await
            })
        })
        .collect();
    let mut ok = 0;
    for t in tasks {
        if t.await.unwrap().is_ok() {
            ok += 1;
        }
    }
    assert_eq!(ok, 1);
    assert_eq!(s.count_users().await.unwrap(), 1);
}

pub async fn user_updates_are_audited_with_before_and_after(s: DynStore) {
    let admin = s
        .create_user(&cli(), new_user("admin@example.se", Role::Admin))
        .await
        .unwrap();
    let actor = Actor::user(admin.id, admin.email.as_str());
    let u = s
        .create_user(&actor, new_user("reg@example.se", Role::Registrant))
        .await
        .unwrap();
    let up = UserUpdate {
        display_name: "Regina".into(),
        role: Role::Dpo,
        unit: Some("Juridiska fakulteten".into()),
        active: true,
    };
    let after = s.update_user(&actor, u.id, up.clone()).await.unwrap();
    assert_eq!(
        (after.role, after.display_name.as_str()),
        (Role::Dpo, "Regina")
    );
    assert_eq!(after.unit.as_deref(), Some("Juridiska fakulteten"));
    assert_eq!(s.user_by_id(u.id).await.unwrap(), Some(after.clone()));
    let missing = s.update_user(&actor, u.id + 1000, up).await;
    assert!(matches!(missing, Err(StoreError::NotFound)), "{missing:?}");

    let f = AuditFilter {
        entity_type: Some("user".into()),
        entity_id: Some(u.id.to_string()),
        ..Default::default()
    };
    let entries = s.audit_entries(&f, 10, 0).await.unwrap();
    let actions: Vec<_> = entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["user.update", "user.create"], "newest first");
    let upd = &entries[0];
    assert_eq!(upd.actor_id, Some(admin.id));
    assert_eq!(upd.actor, "admin@example.se");
    let before: serde_json::Value = serde_json::from_str(upd.before.as_deref().unwrap()).unwrap();
    let after_json: serde_json::Value =
        serde_json::from_str(upd.after.as_deref().unwrap()).unwrap();
    assert_eq!(before["role"], "registrant");
    assert_eq!(after_json["role"], "dpo");
    assert!(
        upd.after.as_deref().unwrap().find("hash-of").is_none(),
        "no password hash in the trail"
    );
    assert_eq!(s.audit_count(&f).await.unwrap(), 2);
}

pub async fn audit_filters_narrow_the_trail(s: DynStore) {
    let admin = s
        .create_user(&cli(), new_user("admin@example.se", Role::Admin))
        .await
        .unwrap();
    let actor = Actor::user(admin.id, admin.email.as_str());
    let t0 = OffsetDateTime::now_utc() - Duration::seconds(1);
    for i in 0..5 {
        s.create_user(&actor, new_user(&format!("u{i}@example.se"), Role::Auditor))
            .await
            .unwrap();
    }
    s.create_token(&actor, admin.id, "tokenhash", "ci")
        .await
        .unwrap();
    let all = AuditFilter::default();
    assert_eq!(s.audit_count(&all).await.unwrap(), 7);
    let by_actor = AuditFilter {
        actor_id: Some(admin.id),
        ..Default::default()
    };
    assert_eq!(s.audit_count(&by_actor).await.unwrap(), 6);
    let prefix = AuditFilter {
        action_prefix: Some("token.".into()),
        ..Default::default()
    };
    let tokens = s.audit_entries(&prefix, 50, 0).await.unwrap();
    assert_eq!(tokens.len(), 1);
    assert_eq!(tokens[0].entity_type, "api_token");
    assert!(
        tokens[0]
            .after
            .as_deref()
            .unwrap()
            .find("tokenhash")
            .is_none(),
        "no token hash in the trail"
    );
    let since = AuditFilter {
        from: Some(t0),
        ..Default::default()
    };
    assert_eq!(s.audit_count(&since).await.unwrap(), 7);
    let future = AuditFilter {
        from: Some(OffsetDateTime::now_utc() + Duration::hours(1)),
        ..Default::default()
    };
    assert_eq!(s.audit_count(&future).await.unwrap(), 0);
    let before_start = AuditFilter {
        until: Some(t0),
        ..Default::default()
    };
    assert_eq!(s.audit_count(&before_start).await.unwrap(), 0);
    // Paging: newest first, no overlap.
    let p1 = s.audit_entries(&all, 4, 0).await.unwrap();
    let p2 = s.audit_entries(&all, 4, 4).await.unwrap();
    let seqs: Vec<i64> = p1.iter().chain(&p2).map(|e| e.seq).collect();
    assert_eq!(seqs, vec![7, 6, 5, 4, 3, 2, 1]);
}

pub async fn audit_chain_verifies_after_concurrent_writes(s: DynStore) {
    assert_eq!(verify_audit_chain(s.as_ref()).await.unwrap(), 0);
    let tasks: Vec<_> = (0..24)
        .map(|i| {
            let s = s.clone();
            tokio::spawn(async move {
                s.create_user(
                    &cli(),
                    new_user(&format!("p{i}@example.se"), Role::Registrant),
                )
                .await
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    assert_eq!(verify_audit_chain(s.as_ref()).await.unwrap(), 24);
    let (seq, hash) = s.audit_head().await.unwrap();
    let last = s.audit_chain_after(23, 10).await.unwrap();
    assert_eq!((seq, last.len()), (24, 1));
    assert_eq!(last[0].hash, hash);
}

pub async fn sessions_expire_and_end(s: DynStore) {
    let u = s
        .create_user(&cli(), new_user("s@example.se", Role::Dpo))
        .await
        .unwrap();
    let now = OffsetDateTime::now_utc();
    s.create_session("live", u.id, now + Duration::hours(8))
        .await
        .unwrap();
    s.create_session("old", u.id, now - Duration::minutes(1))
        .await
        .unwrap();
    assert_eq!(
        s.session_user("live", now).await.unwrap().map(|u| u.id),
        Some(u.id)
    );
    assert_eq!(s.session_user("old", now).await.unwrap(), None);
    assert_eq!(s.session_user("unknown", now).await.unwrap(), None);
    assert_eq!(s.delete_expired_sessions(now).await.unwrap(), 1);
    s.delete_session("live").await.unwrap();
    assert_eq!(s.session_user("live", now).await.unwrap(), None);
}

pub async fn password_change_and_deactivation_end_sessions(s: DynStore) {
    let u = s
        .create_user(&cli(), new_user("s@example.se", Role::Dpo))
        .await
        .unwrap();
    let now = OffsetDateTime::now_utc();
    let later = now + Duration::hours(1);
    s.create_session("a", u.id, later).await.unwrap();
    s.set_password(&cli(), u.id, "new-hash").await.unwrap();
    assert_eq!(s.session_user("a", now).await.unwrap(), None);
    let (_, hash) = s.user_credentials(&u.email).await.unwrap().unwrap();
    assert_eq!(hash, "new-hash");
    assert!(matches!(
        s.set_password(&cli(), u.id + 99, "x").await,
        Err(StoreError::NotFound)
    ));

    s.create_session("b", u.id, later).await.unwrap();
    s.create_token(&cli(), u.id, "tok", "laptop").await.unwrap();
    assert!(s.token_user("tok").await.unwrap().is_some());
    let off = UserUpdate {
        display_name: u.display_name.clone(),
        role: u.role,
        unit: None,
        active: false,
    };
    s.update_user(&cli(), u.id, off).await.unwrap();
    assert_eq!(s.session_user("b", now).await.unwrap(), None);
    assert_eq!(
        s.token_user("tok").await.unwrap(),
        None,
        "a deactivated user's token is refused"
    );
}

pub async fn tokens_identify_their_user(s: DynStore) {
    let u = s
        .create_user(&cli(), new_user("t@example.se", Role::Auditor))
        .await
        .unwrap();
    let t = s.create_token(&cli(), u.id, "h1", "script").await.unwrap();
    assert_eq!((t.user_id, t.label.as_str()), (u.id, "script"));
    assert_eq!(s.token_user("h1").await.unwrap().map(|u| u.id), Some(u.id));
    assert_eq!(s.token_user("h2").await.unwrap(), None);
    let dup = s.create_token(&cli(), u.id, "h1", "again").await;
    assert!(matches!(dup, Err(StoreError::Conflict(_))), "{dup:?}");
    let orphan = s.create_token(&cli(), u.id + 50, "h3", "nobody").await;
    assert!(orphan.is_err(), "a token needs an existing user");
}

pub async fn login_failures_are_counted_per_key(s: DynStore) {
    let now = OffsetDateTime::now_utc();
    for minutes in [1, 2, 30] {
        s.record_login_failure("k", now - Duration::minutes(minutes))
            .await
            .unwrap();
    }
    s.record_login_failure("other", now).await.unwrap();
    assert_eq!(
        s.count_login_failures("k", now - Duration::minutes(15))
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        s.count_login_failures("k", now - Duration::hours(1))
            .await
            .unwrap(),
        3
    );
    // Old attempts are forgotten; recent ones stay.
    assert_eq!(
        s.forget_login_failures_before(now - Duration::minutes(20))
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        s.count_login_failures("k", now - Duration::hours(1))
            .await
            .unwrap(),
        2
    );
    s.clear_login_failures("k").await.unwrap();
    assert_eq!(
        s.count_login_failures("k", now - Duration::hours(1))
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        s.count_login_failures("other", now - Duration::hours(1))
            .await
            .unwrap(),
        1
    );
}

fn content(name: &str) -> ActivityContent {
    ActivityContent {
        name: name.to_owned(),
        purposes: vec!["Antagning av studenter".into()],
        legal_basis: Some(LegalBasis::PublicTask),
        ..Default::default()
    }
}

fn to(status: Status) -> Transition {
    Transition {
        to: status,
        comment: None,
        review_due: None,
    }
}

pub async fn organisation_settings_are_kept_and_audited(s: DynStore) {
    assert_eq!(s.organisation().await.unwrap(), Organisation::default());
    let org = Organisation {
        name: "Exempeluniversitetet".into(),
        org_number: "202100-0000".into(),
        is_public_authority: true,
        units: vec!["Juridiska fakulteten".into(), "HR".into()],
        ..Default::default()
    };
    s.set_organisation(&cli(), &org).await.unwrap();
    assert_eq!(s.organisation().await.unwrap(), org);
    let mut renamed = org.clone();
    renamed.name = "Exempelhögskolan".into();
    s.set_organisation(&cli(), &renamed).await.unwrap();
    assert_eq!(s.organisation().await.unwrap().name, "Exempelhögskolan");
    let f = AuditFilter {
        entity_type: Some("organisation".into()),
        ..Default::default()
    };
    let entries = s.audit_entries(&f, 10, 0).await.unwrap();
    assert_eq!(entries.len(), 2);
    assert!(
        entries[0]
            .before
            .as_deref()
            .unwrap()
            .contains("Exempeluniversitetet")
    );
    assert!(
        entries[0]
            .after
            .as_deref()
            .unwrap()
            .contains("Exempelhögskolan")
    );
}

pub async fn settings_are_kept_and_audited_with_secrets_masked(s: DynStore) {
    assert_eq!(s.setting("smtp").await.unwrap(), None);
    let v = serde_json::json!({"host": "mail.example.se", "password": "hemligt"});
    s.set_setting(&cli(), "smtp", &v, &["password"])
        .await
        .unwrap();
    assert_eq!(s.setting("smtp").await.unwrap(), Some(v.clone()));
    let w = serde_json::json!({"host": "smtp.example.se", "password": "annat"});
    s.set_setting(&cli(), "smtp", &w, &["password"])
        .await
        .unwrap();
    assert_eq!(s.setting("smtp").await.unwrap(), Some(w));
    assert_eq!(s.setting("other").await.unwrap(), None);
    let f = AuditFilter {
        entity_type: Some("setting".into()),
        ..Default::default()
    };
    let entries = s.audit_entries(&f, 10, 0).await.unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0].entity_id, "smtp");
    let (before, after) = (
        entries[0].before.as_deref().unwrap(),
        entries[0].after.as_deref().unwrap(),
    );
    assert!(before.contains("mail.example.se") && after.contains("smtp.example.se"));
    for text in [before, after] {
        assert!(
            !text.contains("hemligt") && !text.contains("annat"),
            "{text}"
        );
        assert!(text.contains("***"), "{text}");
    }
    verify_audit_chain(s.as_ref()).await.unwrap();
}

pub async fn processors_and_systems_get_ids_and_update(s: DynStore) {
    let p = Processor {
        name: "Molnleverantören AB".into(),
        agreement_in_place: true,
        ..Default::default()
    };
    let a = s.create_processor(&cli(), &p).await.unwrap();
    let b = s
        .create_processor(
            &cli(),
            &Processor {
                name: "Lönebyrån".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(a.id > 0 && b.id > a.id);
    assert_eq!(a.name, "Molnleverantören AB");
    let mut changed = b.clone();
    changed.agreement_in_place = true;
    s.update_processor(&cli(), &changed).await.unwrap();
    assert_eq!(s.processors().await.unwrap(), vec![a.clone(), changed]);
    let missing = Processor {
        id: b.id + 100,
        ..Default::default()
    };
    assert!(matches!(
        s.update_processor(&cli(), &missing).await,
        Err(StoreError::NotFound)
    ));

    let sys = s
        .create_system(
            &cli(),
            &System {
                name: "Ladok".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let mut sys2 = sys.clone();
    sys2.hosting = "Egen drift".into();
    s.update_system(&cli(), &sys2).await.unwrap();
    assert_eq!(s.systems().await.unwrap(), vec![sys2]);
}

pub async fn activity_workflow_and_versions(s: DynStore) {
    let reg = s
        .create_user(&cli(), new_user("reg@example.se", Role::Registrant))
        .await
        .unwrap();
    let dpo = s
        .create_user(&cli(), new_user("dpo@example.se", Role::Dpo))
        .await
        .unwrap();
    let (ra, da) = (
        Actor::user(reg.id, "reg@example.se"),
        Actor::user(dpo.id, "dpo@example.se"),
    );

    let rec = s.create_activity(&ra, &content("Antagning")).await.unwrap();
    let id = rec.current.id;
    assert_eq!(
        (
            rec.current.status,
            rec.current.version,
            rec.in_force_version
        ),
        (Status::Draft, 1, None)
    );
    assert_eq!(rec.created_by, Some(reg.id));
    let rec = s
        .update_activity(&ra, id, &content("Antagning till utbildning"))
        .await
        .unwrap();
    assert_eq!(
        (rec.current.version, rec.current.content.name.as_str()),
        (1, "Antagning till utbildning")
    );

    // Approving a draft directly is not a valid transition.
    assert!(matches!(
        s.transition_activity(&da, id, &to(Status::Approved)).await,
        Err(StoreError::Conflict(_))
    ));
    let rec = s
        .transition_activity(&ra, id, &to(Status::Submitted))
        .await
        .unwrap();
    assert_eq!(rec.current.status, Status::Submitted);
    assert!(rec.current.submitted_at.is_some());
    assert!(
        matches!(
            s.update_activity(&ra, id, &content("x")).await,
            Err(StoreError::Conflict(_))
        ),
        "no edits under review"
    );

    let ask = Transition {
        to: Status::ChangesRequested,
        comment: Some("Ange gallringsbeslut".into()),
        review_due: None,
    };
    let rec = s.transition_activity(&da, id, &ask).await.unwrap();
    assert_eq!(
        (rec.current.status, rec.comment.as_deref()),
        (Status::ChangesRequested, Some("Ange gallringsbeslut"))
    );
    s.update_activity(&ra, id, &content("Antagning till utbildning (v1)"))
        .await
        .unwrap();
    s.transition_activity(&ra, id, &to(Status::Submitted))
        .await
        .unwrap();
    let due = time::macros::date!(2027 - 11 - 23);
    let approve = Transition {
        to: Status::Approved,
        comment: None,
        review_due: Some(due),
    };
    let rec = s.transition_activity(&da, id, &approve).await.unwrap();
    assert_eq!(
        (
            rec.current.status,
            rec.in_force_version,
            rec.current.review_due
        ),
        (Status::Approved, Some(1), Some(due))
    );
    assert!(rec.current.approved_at.is_some());
    assert_eq!(s.approved_activities().await.unwrap().len(), 1);

    // Changing an approved activity makes version 2; version 1 stays in force.
    let rec = s
        .update_activity(&ra, id, &content("Antagning, ändrad"))
        .await
        .unwrap();
    assert_eq!(
        (
            rec.current.version,
            rec.current.status,
            rec.in_force_version
        ),
        (2, Status::Draft, Some(1))
    );
    let in_force = s.approved_activities().await.unwrap();
    assert_eq!(
        (in_force[0].version, in_force[0].content.name.as_str()),
        (1, "Antagning till utbildning (v1)")
    );
    s.transition_activity(&ra, id, &to(Status::Submitted))
        .await
        .unwrap();
    s.transition_activity(&da, id, &approve).await.unwrap();
    let in_force = s.approved_activities().await.unwrap();
    assert_eq!(
        (in_force[0].version, in_force[0].content.name.as_str()),
        (2, "Antagning, ändrad")
    );

    let versions = s.activity_versions(id).await.unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(
        versions[0].activity.content.name,
        "Antagning till utbildning (v1)"
    );
    assert_eq!(versions[0].reviewed_by, Some(dpo.id));
    assert_eq!(versions[1].created_by, Some(reg.id));

    // Archived, never deleted: out of the register, still in the list.
    let rec = s
        .transition_activity(&da, id, &to(Status::Archived))
        .await
        .unwrap();
    assert_eq!(rec.current.status, Status::Archived);
    assert!(s.approved_activities().await.unwrap().is_empty());
    assert_eq!(s.activities().await.unwrap().len(), 1);
    assert!(matches!(
        s.update_activity(&da, id, &content("x")).await,
        Err(StoreError::Conflict(_))
    ));
    assert!(matches!(
        s.update_activity(&da, id + 99, &content("x")).await,
        Err(StoreError::NotFound)
    ));
    assert!(s.activity(id + 99).await.unwrap().is_none());

    let f = AuditFilter {
        entity_type: Some("activity".into()),
        entity_id: Some(id.to_string()),
        ..Default::default()
    };
    let actions: Vec<String> = s
        .audit_entries(&f, 50, 0)
        .await
        .unwrap()
        .into_iter()
        .rev()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        [
            "activity.create",
            "activity.update",
            "activity.submit",
            "activity.request_changes",
            "activity.update",
            "activity.submit",
            "activity.approve",
            "activity.new_version",
            "activity.submit",
            "activity.approve",
            "activity.archive",
        ]
    );
    assert_eq!(verify_audit_chain(s.as_ref()).await.unwrap(), 2 + 11);
}

pub async fn rejected_activities_can_be_reworked(s: DynStore) {
    let id = s
        .create_activity(&cli(), &content("Kamerabevakning"))
        .await
        .unwrap()
        .current
        .id;
    s.transition_activity(&cli(), id, &to(Status::Submitted))
        .await
        .unwrap();
    let no = Transition {
        to: Status::Rejected,
        comment: Some("Saknar rättslig grund".into()),
        review_due: None,
    };
    let rec = s.transition_activity(&cli(), id, &no).await.unwrap();
    assert_eq!(rec.current.status, Status::Rejected);
    assert!(s.approved_activities().await.unwrap().is_empty());
    let rec = s
        .update_activity(&cli(), id, &content("Kamerabevakning, ny grund"))
        .await
        .unwrap();
    assert_eq!(
        (rec.current.version, rec.current.status),
        (2, Status::Draft)
    );
    let all = s.activities().await.unwrap();
    assert_eq!((all.len(), all[0].current.version), (1, 2));
}

/// A register to import: one processor (file id 7), one system (file id 3)
/// and the named activities, each using both.
fn register_import(names: &[&str]) -> RegisterImport {
    RegisterImport {
        organisation: Organisation {
            name: "Importhögskolan".into(),
            is_public_authority: true,
            units: vec!["HR".into()],
            ..Default::default()
        },
        processors: vec![Processor {
            id: 7,
            name: "Lönebyrån".into(),
            agreement_in_place: true,
            ..Default::default()
        }],
        systems: vec![System {
            id: 3,
            name: "Primula".into(),
            ..Default::default()
        }],
        activities: names
            .iter()
            .map(|n| ImportedActivity {
                content: ActivityContent {
                    processor_ids: vec![7],
                    system_ids: vec![3],
                    ..content(n)
                },
                review_due: Some(time::macros::date!(2027 - 05 - 31)),
            })
            .collect(),
    }
}

/// Counts of everything an import touches, to show that nothing changed.
async fn register_counts(s: &DynStore) -> (usize, usize, usize, i64, Organisation) {
    (
        s.activities().await.unwrap().len(),
        s.processors().await.unwrap().len(),
        s.systems().await.unwrap().len(),
        s.audit_count(&AuditFilter::default()).await.unwrap(),
        s.organisation().await.unwrap(),
    )
}

pub async fn import_stores_approved_activities_with_new_ids(s: DynStore) {
    // Something already there: the import appends and remaps ids.
    let old = s
        .create_processor(
            &cli(),
            &Processor {
                name: "Äldre biträde".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let import = register_import(&["Lön", "Rekrytering"]);
    let summary = s.import_register(&cli(), &import).await.unwrap();
    assert_eq!(summary.activity_ids.len(), 2);
    let (pid, sid) = (summary.processor_ids[0], summary.system_ids[0]);
    assert_ne!(pid, old.id);
    assert_eq!(s.organisation().await.unwrap(), import.organisation);
    assert_eq!(s.processors().await.unwrap().len(), 2);
    let in_force = s.approved_activities().await.unwrap();
    assert_eq!(in_force.len(), 2);
    for (a, id) in in_force.iter().zip(&summary.activity_ids) {
        assert_eq!(a.id, *id);
        assert_eq!((a.status, a.version), (Status::Approved, 1));
        assert_eq!(a.review_due, Some(time::macros::date!(2027 - 05 - 31)));
        assert!(a.approved_at.is_some() && a.submitted_at.is_some());
        assert_eq!(
            (
                a.content.processor_ids.clone(),
                a.content.system_ids.clone()
            ),
            (vec![pid], vec![sid])
        );
    }
    assert_eq!(in_force[0].content.name, "Lön");
    let rec = s.activity(summary.activity_ids[0]).await.unwrap().unwrap();
    assert_eq!(rec.in_force_version, Some(1));
    let actions: Vec<String> = s
        .audit_entries(&AuditFilter::default(), 50, 0)
        .await
        .unwrap()
        .into_iter()
        .rev()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        [
            "processor.create",
            "organisation.import",
            "processor.import",
            "system.import",
            "activity.import",
            "activity.import"
        ]
    );
    assert_eq!(verify_audit_chain(s.as_ref()).await.unwrap(), 6);
}

pub async fn import_is_all_or_nothing(s: DynStore) {
    s.set_organisation(
        &cli(),
        &Organisation {
            name: "Före importen".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    s.import_register(&cli(), &register_import(&["Lön"]))
        .await
        .unwrap();
    let before = register_counts(&s).await;

    // A name already in the register, found after the organisation,
    // processors, systems and a first activity were written.
    let dup = register_import(&["Rekrytering", "lön "]);
    let r = s.import_register(&cli(), &dup).await;
    assert!(
        matches!(r, Err(StoreError::Conflict(ref m)) if m.contains("lön")),
        "{r:?}"
    );
    assert_eq!(
        register_counts(&s).await,
        before,
        "nothing of the failed import stays"
    );

    // The same name twice within one import.
    let r = s
        .import_register(&cli(), &register_import(&["Arkiv", "Arkiv"]))
        .await;
    assert!(matches!(r, Err(StoreError::Conflict(_))), "{r:?}");
    assert_eq!(register_counts(&s).await, before);

    // A reference to a processor the import does not hold, in the last activity.
    let mut bad = register_import(&["Passersystem", "Besöksregister"]);
    bad.activities[1].content.processor_ids = vec![7, 99];
    let r = s.import_register(&cli(), &bad).await;
    assert!(
        matches!(r, Err(StoreError::Conflict(ref m)) if m.contains("99")),
        "{r:?}"
    );
    assert_eq!(register_counts(&s).await, before);
    assert_eq!(
        verify_audit_chain(s.as_ref()).await.unwrap() as i64,
        before.3
    );

    // An archived activity's name is free again.
    let id = s.approved_activities().await.unwrap()[0].id;
    s.transition_activity(&cli(), id, &to(Status::Archived))
        .await
        .unwrap();
    s.import_register(&cli(), &register_import(&["Lön"]))
        .await
        .unwrap();
    assert_eq!(s.approved_activities().await.unwrap().len(), 1);
}

fn breach_report(aware_at: OffsetDateTime) -> IncidentReport {
    IncidentReport {
        title: "Borttappad bärbar dator".into(),
        description: "En okrypterad bärbar dator med elevlistor glömdes på tåget.".into(),
        breach_types: vec![BreachType::Confidentiality],
        occurred_at: aware_at - Duration::hours(20),
        ended_at: None,
        aware_at,
        discovery: "Läraren anmälde förlusten.".into(),
        system_ids: vec![],
        activity_ids: vec![],
        data_subject_categories: vec!["Elever".into()],
        data_subjects_approx: Some(120),
        record_categories: vec!["Kontaktuppgifter".into()],
        records_approx: Some(120),
        likely_consequences: String::new(),
        measures_taken: String::new(),
        measures_proposed: String::new(),
        contained: false,
    }
}

pub async fn incidents_are_recorded_changed_and_audited(s: DynStore) {
    let dpo = s
        .create_user(&cli(), new_user("dpo@example.se", Role::Dpo))
        .await
        .unwrap();
    let actor = Actor::user(dpo.id, dpo.email.as_str());
    let aware = time::macros::datetime!(2025-03-28 10:00 +01:00);
    let i = s
        .create_incident(&actor, &breach_report(aware), Some(dpo.id))
        .await
        .unwrap();
    assert_eq!(i.reference, format!("PUI-{:04}", i.id));
    assert_eq!(i.status, IncidentStatus::Reported);
    assert_eq!(i.report.aware_at.offset(), aware.offset(), "offset kept");
    assert_eq!(
        i.imy_deadline,
        time::macros::datetime!(2025-03-31 11:00 +02:00)
    );
    let got = s.incident(i.id).await.unwrap().unwrap();
    assert_eq!(got, i);
    assert_eq!(got.imy_deadline.offset(), aware.offset());
    assert_eq!(s.incident(i.id + 100).await.unwrap(), None);

    let signed = Signature::new(Some(dpo.id), "DPO", aware + Duration::hours(3));
    let assess = IncidentChange::Assess(Assessment {
        risk: Risk::HighRisk,
        reasoning: "Okrypterade uppgifter om barn.".into(),
        signed: Signature::default(),
    });
    let i = s
        .change_incident(&actor, i.id, assess, signed.clone())
        .await
        .unwrap();
    assert_eq!(
        (i.status, i.risk),
        (IncidentStatus::Assessed, Some(Risk::HighRisk))
    );
    assert_eq!(i.assessment.as_ref().unwrap().signed, signed);

    // A rule refuses the change, and nothing is stored or audited.
    let refuse = IncidentChange::DecideImy(ImyDecision {
        notify: false,
        reason: "Nej.".into(),
        signed: Signature::default(),
    });
    let r = s
        .change_incident(&actor, i.id, refuse, signed.clone())
        .await;
    assert!(
        matches!(r, Err(StoreError::Conflict(ref m)) if m.contains("Art. 33(1)")),
        "{r:?}"
    );
    let missing = s
        .change_incident(
            &actor,
            i.id + 100,
            IncidentChange::Report(breach_report(aware)),
            signed.clone(),
        )
        .await;
    assert!(matches!(missing, Err(StoreError::NotFound)), "{missing:?}");

    let i = s
        .change_incident(
            &actor,
            i.id,
            IncidentChange::DecideImy(ImyDecision {
                notify: true,
                reason: "Hög risk.".into(),
                signed: Signature::default(),
            }),
            signed.clone(),
        )
        .await
        .unwrap();
    let late = aware + Duration::hours(80);
    let i = s
        .change_incident(
            &actor,
            i.id,
            IncidentChange::Notify(Notification {
                phase: NotificationPhase::Initial,
                submitted_at: late,
                imy_reference: String::new(),
                summary: "Första anmälan.".into(),
                delay_reasons: "Datorn anmäldes borttappad först efter helgen.".into(),
                signed: Signature::default(),
            }),
            signed.clone(),
        )
        .await
        .unwrap();
    assert_eq!(i.status, IncidentStatus::Notified);
    assert_eq!(s.incident(i.id).await.unwrap().unwrap(), i);

    let trail = s
        .audit_entries(
            &AuditFilter {
                entity_type: Some("incident".into()),
                ..Default::default()
            },
            100,
            0,
        )
        .await
        .unwrap();
    let actions: Vec<_> = trail.iter().rev().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "incident.create",
            "incident.assess",
            "incident.decide_imy",
            "incident.notify"
        ]
    );
    assert!(trail[0].before.is_some() && trail[0].after.is_some());
    verify_audit_chain(s.as_ref()).await.unwrap();
}

pub async fn incidents_are_listed_by_awareness_and_invalid_reports_refused(s: DynStore) {
    let aware = time::macros::datetime!(2026-01-10 09:00 UTC);
    let a = s
        .create_incident(&cli(), &breach_report(aware), None)
        .await
        .unwrap();
    let b = s
        .create_incident(&cli(), &breach_report(aware + Duration::days(2)), None)
        .await
        .unwrap();
    let ids: Vec<_> = s.incidents().await.unwrap().iter().map(|i| i.id).collect();
    assert_eq!(ids, [b.id, a.id]);
    let mut bad = breach_report(aware);
    bad.occurred_at = aware + Duration::hours(1);
    let r = s.create_incident(&cli(), &bad, None).await;
    assert!(matches!(r, Err(StoreError::Conflict(_))), "{r:?}");
    assert_eq!(s.incidents().await.unwrap().len(), 2);
}

const REQUESTER_EMAIL: &str = "kalle.karlsson@example.se";
const REQUESTER_ID_NUMBER: &str = "19800101-1234";

fn request_intake(received_on: time::Date) -> RequestIntake {
    RequestIntake {
        right: Right::Access,
        received_on,
        channel: Channel::Email,
        language: ombud_core::lang::Lang::Sv,
        requester: Requester {
            name: "Kalle Karlsson".into(),
            email: REQUESTER_EMAIL.into(),
            phone: "070-123 45 67".into(),
            address: "Storgatan 1, 111 22 Stockholm".into(),
            identity_number: Some(REQUESTER_ID_NUMBER.into()),
            other: "Kundnummer 4711".into(),
        },
        description: "Jag vill ha ett registerutdrag.".into(),
        data_subject_categories: vec!["Kunder".into()],
        system_ids: vec![],
    }
}

fn verify_by_eid() -> RequestChange {
    RequestChange::Verify(IdentityCheck {
        method: IdentityMethod::ELegitimation,
        note: "BankID-inloggning på Mina sidor".into(),
        signed: Signature::default(),
    })
}

pub async fn requests_are_registered_changed_and_audited_without_identity_details(s: DynStore) {
    let dpo = s
        .create_user(&cli(), new_user("dpo@example.se", Role::Dpo))
        .await
        .unwrap();
    let actor = Actor::user(dpo.id, dpo.email.as_str());
    // One month from Wednesday 15 January 2025 ends on Saturday 15 February:
    // the deadline runs on to Monday 17 February.
    let received = time::macros::date!(2025 - 01 - 15);
    let r = s
        .create_request(&actor, &request_intake(received), Some(dpo.id), None)
        .await
        .unwrap();
    assert!(r.id > 0);
    assert_eq!(r.reference, format!("DSR-{:04}", r.id));
    assert_eq!(r.status, RequestStatus::Received);
    assert_eq!(r.deadline, time::macros::date!(2025 - 02 - 17));
    assert_eq!(r.target_date, time::macros::date!(2025 - 02 - 15));
    assert_eq!(r.created_by, Some(dpo.id));
    let got = s.request(r.id).await.unwrap().unwrap();
    assert_eq!(got, r);
    assert_eq!(
        got.intake.requester.email, REQUESTER_EMAIL,
        "the case keeps it"
    );
    assert_eq!(s.request(r.id + 100).await.unwrap(), None);

    // An intake that breaks a rule is refused before anything is stored.
    let mut nameless = request_intake(received);
    nameless.requester.name = " ".into();
    let refused = s.create_request(&actor, &nameless, None, None).await;
    assert!(
        matches!(refused, Err(StoreError::Conflict(ref m)) if m.contains("Art. 12(2)")),
        "{refused:?}"
    );
    assert_eq!(s.requests().await.unwrap().len(), 1);

    let signed = Signature::new(
        Some(dpo.id),
        "DPO",
        time::macros::datetime!(2025-01-16 09:00 +01:00),
    );
    let r = s
        .change_request(&actor, r.id, verify_by_eid(), signed.clone())
        .await
        .unwrap();
    assert_eq!(r.status, RequestStatus::Verified);
    assert_eq!(r.identity_check.as_ref().unwrap().signed, signed);
    let extend = |reason: &str| {
        RequestChange::Extend(Extension {
            reason: reason.into(),
            notified_on: Some(time::macros::date!(2025 - 02 - 10)),
            signed: Signature::default(),
        })
    };
    let r = s
        .change_request(
            &actor,
            r.id,
            extend("Omfattande uppgifter i många system."),
            signed.clone(),
        )
        .await
        .unwrap();
    assert_eq!(r.status, RequestStatus::Extended);
    assert_eq!(r.deadline, time::macros::date!(2025 - 04 - 15));
    assert_eq!(s.request(r.id).await.unwrap().unwrap(), r);

    // A rule refuses a second extension, and nothing is stored or audited.
    let again = s
        .change_request(&actor, r.id, extend("En gång till."), signed.clone())
        .await;
    assert!(
        matches!(again, Err(StoreError::Conflict(ref m)) if m.contains("Art. 12(3)")),
        "{again:?}"
    );
    assert_eq!(s.request(r.id).await.unwrap().unwrap(), r);
    let missing = s
        .change_request(&actor, r.id + 100, verify_by_eid(), signed.clone())
        .await;
    assert!(matches!(missing, Err(StoreError::NotFound)), "{missing:?}");

    let trail = s
        .audit_entries(
            &AuditFilter {
                entity_type: Some("request".into()),
                ..Default::default()
            },
            100,
            0,
        )
        .await
        .unwrap();
    let actions: Vec<_> = trail.iter().rev().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        ["request.create", "request.verify", "request.extend"]
    );
    assert!(trail.iter().all(|e| e.entity_id == r.id.to_string()));
    assert!(trail[0].before.is_some() && trail[0].after.is_some());
    for e in &trail {
        for text in [&e.before, &e.after].into_iter().flatten() {
            for secret in [
                REQUESTER_EMAIL,
                REQUESTER_ID_NUMBER,
                "070-123 45 67",
                "Storgatan",
                "Kundnummer",
                "BankID-inloggning",
                "Kalle Karlsson",
            ] {
                assert!(
                    !text.contains(secret),
                    "{} audits {secret:?}: {text}",
                    e.action
                );
            }
            assert!(text.contains("DSR-"), "the reference stays: {text}");
        }
    }
    verify_audit_chain(s.as_ref()).await.unwrap();
}

pub async fn requests_are_found_by_link_listed_by_deadline_and_purged(s: DynStore) {
    let later = s
        .create_request(
            &cli(),
            &request_intake(time::macros::date!(2025 - 03 - 10)),
            None,
            Some("hash-later"),
        )
        .await
        .unwrap();
    let earlier = s
        .create_request(
            &cli(),
            &request_intake(time::macros::date!(2025 - 02 - 03)),
            None,
            Some("hash-earlier"),
        )
        .await
        .unwrap();
    let no_link = s
        .create_request(
            &cli(),
            &request_intake(time::macros::date!(2025 - 03 - 10)),
            None,
            None,
        )
        .await
        .unwrap();
    let ids: Vec<_> = s.requests().await.unwrap().iter().map(|r| r.id).collect();
    assert_eq!(ids, [earlier.id, later.id, no_link.id], "deadline, then id");

    assert_eq!(
        s.request_by_link("hash-later").await.unwrap(),
        Some(later.clone())
    );
    assert_eq!(s.request_by_link("hash-none").await.unwrap(), None);
    let dup = s
        .create_request(
            &cli(),
            &request_intake(time::macros::date!(2025 - 03 - 11)),
            None,
            Some("hash-later"),
        )
        .await;
    assert!(matches!(dup, Err(StoreError::Conflict(_))), "{dup:?}");
    assert_eq!(s.requests().await.unwrap().len(), 3);

    // Verify, answer and close the earlier one (access: no outcome needed).
    let signed = Signature::new(None, "DPO", time::macros::datetime!(2025-02-20 10:00 UTC));
    let id = earlier.id;
    s.change_request(&cli(), id, verify_by_eid(), signed.clone())
        .await
        .unwrap();
    let answer = RequestChange::Answer(Answer {
        answered_on: time::macros::date!(2025 - 02 - 20),
        outcome: AnswerOutcome::Granted,
        summary: "Registerutdrag skickat.".into(),
        reasons: String::new(),
        signed: Signature::default(),
    });
    s.change_request(&cli(), id, answer, signed.clone())
        .await
        .unwrap();
    let closed_on = time::macros::date!(2025 - 02 - 25);
    let closed = s
        .change_request(
            &cli(),
            id,
            RequestChange::Close(Closure {
                closed_on,
                note: String::new(),
                signed: Signature::default(),
            }),
            signed,
        )
        .await
        .unwrap();
    assert_eq!(closed.status, RequestStatus::Closed);
    assert!(closed.minimised && closed.intake.requester.email.is_empty());
    assert_eq!(s.request(id).await.unwrap().unwrap(), closed);

    let purged = s
        .purge_requests(&cli(), closed_on.previous_day().unwrap())
        .await
        .unwrap();
    assert_eq!(purged, 0, "not yet due");
    assert_eq!(s.requests().await.unwrap().len(), 3);
    assert_eq!(s.purge_requests(&cli(), closed_on).await.unwrap(), 1);
    assert_eq!(s.request(id).await.unwrap(), None);
    assert_eq!(s.request_by_link("hash-earlier").await.unwrap(), None);
    let ids: Vec<_> = s.requests().await.unwrap().iter().map(|r| r.id).collect();
    assert_eq!(ids, [later.id, no_link.id]);
    let none_left = s
        .purge_requests(&cli(), time::macros::date!(2030 - 01 - 01))
        .await
        .unwrap();
    assert_eq!(none_left, 0);

    let purges = s
        .audit_entries(
            &AuditFilter {
                action_prefix: Some("request.purge".into()),
                ..Default::default()
            },
            100,
            0,
        )
        .await
        .unwrap();
    assert_eq!(purges.len(), 1);
    let e = &purges[0];
    assert_eq!(
        (e.entity_type.as_str(), e.entity_id.clone()),
        ("request", id.to_string())
    );
    let before: serde_json::Value = serde_json::from_str(e.before.as_deref().unwrap()).unwrap();
    assert_eq!(before, serde_json::json!({"reference": closed.reference}));
    assert_eq!(e.after, None);
    verify_audit_chain(s.as_ref()).await.unwrap();
}

/// Expands to one `#[tokio::test]` per contract function, each on a fresh
/// store made by the given async constructor expression.
#[macro_export]
macro_rules! contract_suite {
    ($fresh:expr) => {
        $crate::contract_suite!(@each $fresh;
            users_are_created_found_and_unique,
            only_one_first_user,
            concurrent_first_users_create_exactly_one,
            user_updates_are_audited_with_before_and_after,
            audit_filters_narrow_the_trail,
            audit_chain_verifies_after_concurrent_writes,
            sessions_expire_and_end,
            password_change_and_deactivation_end_sessions,
            tokens_identify_their_user,
            login_failures_are_counted_per_key,
            organisation_settings_are_kept_and_audited,
            settings_are_kept_and_audited_with_secrets_masked,
            processors_and_systems_get_ids_and_update,
            activity_workflow_and_versions,
            rejected_activities_can_be_reworked,
            import_stores_approved_activities_with_new_ids,
            import_is_all_or_nothing,
            incidents_are_recorded_changed_and_audited,
            incidents_are_listed_by_awareness_and_invalid_reports_refused,
            requests_are_registered_changed_and_audited_without_identity_details,
            requests_are_found_by_link_listed_by_deadline_and_purged,
        );
    };
    (@each $fresh:expr; $($name:ident),* $(,)?) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                let (store, _guard) = $fresh;
                $crate::contract::$name(store).await;
            }
        )*
    };
}
