//! The store contract on a real PostgreSQL server, each test in its own
//! database. `OMBUD_TEST_PG_URL` must name a superuser connection
//! (scripts/test starts a server and sets it). Without it these tests fail:
//! a missing server is never a silent skip.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use ombud_core::audit::{Actor, ChainError};
use ombud_core::user::Email;
use ombud_store::{AuditVerifyError, NewUser, Store, UserStore, verify_audit_chain};
use ombud_store_postgres::PgStore;
use sqlx::Connection;

/// Drops the test's database when the test ends.
struct DropDb {
    admin_url: String,
    name: String,
}

impl Drop for DropDb {
    fn drop(&mut self) {
        if std::env::var_os("OMBUD_TEST_KEEP_DB").is_some() {
            eprintln!("kept test database {}", self.name);
            return;
        }
        let (url, name) = (self.admin_url.clone(), self.name.clone());
        // Drop runs inside the test's runtime; use a thread with its own.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async {
                if let Ok(mut c) = sqlx::PgConnection::connect(&url).await {
                    let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                    let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                        .execute(&mut c)
                        .await;
                }
            })
        })
        .join();
    }
}

fn admin_url() -> String {
    std::env::var("OMBUD_TEST_PG_URL").expect(
        "OMBUD_TEST_PG_URL is not set: the PostgreSQL tests need a server (run scripts/test, which starts one)",
    )
}

async fn fresh_pg() -> (PgStore, DropDb) {
    static N: AtomicU32 = AtomicU32::new(0);
    let admin = admin_url();
    let name = format!(
        "ombud_test_{}_{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed),
        time::OffsetDateTime::now_utc().unix_timestamp_nanos() % 1_000_000
    );
    let mut c = sqlx::PgConnection::connect(&admin)
        .await
        .expect("connect to OMBUD_TEST_PG_URL");
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
        .execute(&mut c)
        .await
        .unwrap();
    let url = match admin.rsplit_once('/') {
        Some((base, _)) => format!("{base}/{name}"),
        None => panic!("OMBUD_TEST_PG_URL must end in /DATABASE"),
    };
    let store = PgStore::open(&url).await.expect("open PostgreSQL store");
    (
        store,
        DropDb {
            admin_url: admin,
            name,
        },
    )
}

async fn fresh() -> (Arc<dyn Store>, DropDb) {
    let (s, g) = fresh_pg().await;
    (Arc::new(s), g)
}

ombud_store::contract_suite!(fresh().await);

async fn store_with_users(n: usize) -> (PgStore, DropDb) {
    let (store, guard) = fresh_pg().await;
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
    (store, guard)
}

fn chain_error(r: Result<u64, AuditVerifyError>) -> ChainError {
    match r {
        Err(AuditVerifyError::Chain(e)) => e,
        other => panic!("expected a broken chain, got {other:?}"),
    }
}

#[tokio::test]
async fn tampering_by_hand_is_detected() {
    let (s, _g) = store_with_users(4).await;
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
    let (s, _g) = store_with_users(4).await;
    sqlx::query("DELETE FROM audit_log WHERE seq = 3")
        .execute(s.pool())
        .await
        .unwrap();
    assert_eq!(chain_error(verify_audit_chain(&s).await).seq(), 3);
}

#[tokio::test]
async fn two_servers_on_one_database_keep_one_chain() {
    let (a, _g) = store_with_users(0).await;
    // A second store on the same database stands for a second Ombud server.
    let url = format!("{}/{}", admin_url().rsplit_once('/').unwrap().0, _g.name);
    let b = PgStore::open(&url).await.unwrap();
    let mut tasks = Vec::new();
    for i in 0..20 {
        let s = if i % 2 == 0 { a.clone() } else { b.clone() };
        tasks.push(tokio::spawn(async move {
            let u = NewUser {
                email: Email::parse(&format!("x{i}@example.se")).unwrap(),
                display_name: "X".into(),
                role: ombud_core::Role::Registrant,
                unit: None,
                password_hash: "h".into(),
            };
            s.create_user(&Actor::system("test"), u).await.unwrap();
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(verify_audit_chain(&a).await.unwrap(), 20);
}
