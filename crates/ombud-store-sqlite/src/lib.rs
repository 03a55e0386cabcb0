//! The SQLite backend: Ombud's embedded default. One file, WAL mode, foreign
//! keys on, created on first use; the migrations in `migrations/` run on open.
//!
//! Writers take the database lock up front (`BEGIN IMMEDIATE`), so a change and
//! its audit entry never race another writer for the chain head.

mod audit;
mod incident;
mod register;
mod request;
mod settings;
mod users;

use async_trait::async_trait;
use ombud_store::{Store, StoreError, StoreResult};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};
use std::str::FromStr;
use std::time::Duration;

/// A store on one SQLite database file.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating if missing) the database at `url` (`sqlite:ombud.db`,
    /// `sqlite::memory:` …) and brings its schema up to date.
    pub async fn open(url: &str) -> StoreResult<Self> {
        let options = SqliteConnectOptions::from_str(url)
            .map_err(StoreError::backend)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        // An in-memory database exists once per connection: keep a single one.
        let max = if url.contains(":memory:") { 1 } else { 8 };
        let pool = SqlitePoolOptions::new()
            .max_connections(max)
            .connect_with(options)
            .await
            .map_err(StoreError::backend)?;
        sqlx::migrate!("./migrations")
            .run(&pool)
            .await
            .map_err(StoreError::backend)?;
        Ok(SqliteStore { pool })
    }

    /// The connection pool, for maintenance tools and tests that must reach
    /// past the store's methods (e.g. to prove that tampering is detected).
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Begins a write transaction holding the write lock from the start.
    async fn write(&self) -> StoreResult<sqlx::Transaction<'static, sqlx::Sqlite>> {
        self.pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(db_err)
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
impl Store for SqliteStore {
    fn backend_name(&self) -> &'static str {
        "sqlite"
    }

    async fn ping(&self) -> StoreResult<()> {
        sqlx::query!("SELECT 1 AS one")
            .fetch_one(&self.pool)
            .await
            .map_err(db_err)?;
        Ok(())
    }
}
