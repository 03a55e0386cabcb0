//! The PostgreSQL backend: the production store, for organisations that run
//! several Ombud servers behind one database. The migrations in `migrations/`
//! run on connect (sqlx serialises concurrent migrators with an advisory lock).
//!
//! Every write transaction first locks the one-row audit chain head
//! (`SELECT … FOR UPDATE`), so writers on different servers append to the
//! audit trail one at a time and the chain stays linear.

mod audit;
mod incident;
mod register;
mod request;
mod settings;
mod users;

use async_trait::async_trait;
use ombud_store::{Store, StoreError, StoreResult};
use sqlx::postgres::{PgPool, PgPoolOptions};
use std::time::Duration;

/// A store on one PostgreSQL database.
#[derive(Debug, Clone)]
pub struct PgStore {
    pool: PgPool,
}

impl PgStore {
    /// Connects to `url` (`postgres://user:password@host/db`) and brings the schema up to date.
    pub async fn open(url: &str) -> StoreResult<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await
            .map_err(StoreError::backend)?;
        sqlx::migrate!("./migrations")
            .run(&pool)
            .await
            .map_err(StoreError::backend)?;
        Ok(PgStore { pool })
    }

    /// The connection pool, for maintenance tools and tests that must reach
    /// past the store's methods (e.g. to prove that tampering is detected).
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// Begins a write transaction holding the audit chain head.
    async fn write(&self) -> StoreResult<sqlx::Transaction<'static, sqlx::Postgres>> {
        let mut tx = self.pool.begin().await.map_err(db_err)?;
        sqlx::query!("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE")
            .fetch_one(&mut *tx)
            .await
            .map_err(db_err)?;
        Ok(tx)
    }
}

/// Maps a driver error to a store error, keeping uniqueness violations apart.
pub(crate) fn db_err(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::RowNotFound => StoreError::NotFound,
        sqlx::Error::Database(d) if d.is_unique_violation() => {
            StoreError::Conflict(d.message().to_owned())
        }
        _ => StoreError::backend(e),
    }
}

#[async_trait]
impl Store for PgStore {
    fn backend_name(&self) -> &'static str {
        "postgres"
    }

    async fn ping(&self) -> StoreResult<()> {
        sqlx::query!("SELECT 1 AS one")
            .fetch_one(&self.pool)
            .await
            .map_err(db_err)?;
        Ok(())
    }
}
