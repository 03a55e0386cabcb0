//! The store contract on SQLite, each test on its own database file.

use std::sync::Arc;

use ombud_core::audit::{Actor, ChainError};
use ombud_core::user::Email;
use ombud_store::{AuditVerifyError, NewUser, Store, UserStore, verify_audit_chain};
use ombud_store_sqlite::SqliteStore;

async fn fresh() -> (Arc<dyn Store>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("test.db").display());
    let store = SqliteStore::open(&url).await.expect("open SQLite store");
    (Arc::new(store), dir)
}

ombud_store::contract_suite!(fresh().await);

async fn store_with_users(n: usize) -> (SqliteStore, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("test.db").display());
    let store = SqliteStore::open(&url).await.unwrap();
    for i in 0..n {
        let u = NewUser {
            email: Email::parse(&format!("u{i}@example.se")).unwrap(),
            display_name: "U".into(),
            role: ombud_core::Role::Dpo,
            unit: None,
            password_hash: "h".into(),
        };
        store.create_user(&Actor::system("test"), u).await.unwrap();
    }
    (store, dir)
}

fn chain_error(r: Result<u64, AuditVerifyError>) -> ChainError {
    match r {
        Err(AuditVerifyError::Chain(e)) => e,
        other => panic!("expected a broken chain, got {other:?}"),
    }
}

#[tokio::test]
async fn tampering_by_hand_is_detected() {
    let (s, _d) = store_with_users(4).await;
    assert_eq!(verify_audit_chain(&s).await.unwrap(), 4);
    sqlx::query("UPDATE audit_log SET after = replace(after, 'dpo', 'admin') WHERE seq = 2")
        .execute(s.pool())
        .await
        .unwrap();
    assert_eq!(
        chain_error(verify_audit_chain(&s).await),
        ChainError::Altered { seq: 2 }
    );
}

#[tokio::test]
async fn removing_an_entry_is_detected() {
    let (s, _d) = store_with_users(4).await;
    sqlx::query("DELETE FROM audit_log WHERE seq = 3")
        .execute(s.pool())
        .await
        .unwrap();
    assert_eq!(chain_error(verify_audit_chain(&s).await).seq(), 3);
}

#[tokio::test]
async fn removing_the_last_entry_is_detected() {
    let (s, _d) = store_with_users(4).await;
    sqlx::query("DELETE FROM audit_log WHERE seq = 4")
        .execute(s.pool())
        .await
        .unwrap();
    assert_eq!(chain_error(verify_audit_chain(&s).await).seq(), 4);
}

#[tokio::test]
async fn wal_mode_and_foreign_keys_are_on() {
    let (s, _d) = store_with_users(0).await;
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(s.pool())
        .await
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(s.pool())
        .await
        .unwrap();
    assert_eq!(fk, 1);
}
