//! Opening the configured store: the backend is chosen by the URL's scheme.

use std::sync::Arc;

use anyhow::Context;
use ombud_store::Store;

/// The database when none is given: `ombud.db` in the working directory.
pub const DEFAULT_DATABASE_URL: &str = "sqlite:ombud.db";

/// Options shared by every subcommand that opens the database.
#[derive(Debug, Clone, clap::Args)]
pub struct DbArgs {
    /// The database: `sqlite:PATH`, a plain file path (SQLite), or `postgres://user:password@host/db`.
    #[arg(long = "db", env = "OMBUD_DATABASE_URL", default_value = DEFAULT_DATABASE_URL, value_name = "URL")]
    pub url: String,
}

/// Opens (and migrates) the store `url` names.
pub async fn open(url: &str) -> anyhow::Result<Arc<dyn Store>> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let s = ombud_store_postgres::PgStore::open(url)
            .await
            .with_context(|| format!("cannot open the PostgreSQL database at {}", redact(url)))?;
        Ok(Arc::new(s))
    } else {
        let url = if url.starts_with("sqlite:") {
            url.to_owned()
        } else {
            format!("sqlite:{url}")
        };
        let s = ombud_store_sqlite::SqliteStore::open(&url)
            .await
            .with_context(|| format!("cannot open the SQLite database {url}"))?;
        Ok(Arc::new(s))
    }
}

/// The URL with any password replaced, for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &url[scheme_end + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            redact("postgres://ombud:s3cret@db:5432/ombud"),
            "postgres://ombud:***@db:5432/ombud"
        );
        assert_eq!(redact("postgres://db/ombud"), "postgres://db/ombud");
        assert_eq!(redact("sqlite:ombud.db"), "sqlite:ombud.db");
    }
}
