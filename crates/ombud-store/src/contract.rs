//! The contract every backend must honour. Each function takes a fresh,
//! migrated, empty store; the backend crates call every one of them from
//! `tests/contract.rs` (see [`crate::contract_suite`]), so SQLite and
//! PostgreSQL are held to the same behaviour.

use std::sync::Arc;

use ombud_core::Role;
use ombud_core::audit::Actor;
use ombud_core::user::Email;
use time::{Duration, OffsetDateTime};

use crate::{AuditFilter, NewUser, Store, StoreError, UserUpdate, verify_audit_chain};

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
