//! The database: a SQLite file (the default, nothing to install) or PostgreSQL (a
//! `postgres://` URL, for more than one instance). Both go through sqlx's `Any` driver with
//! the same SQL, written with `$1` placeholders, which both understand; what the two dialects
//! do differently — the schema, migrating, locking, claiming mail — is in `dialect.rs`.

mod copy;
mod dialect;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::AnyPoolOptions;
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, AnyPool, Transaction};

pub use copy::copy;
pub use dialect::Dialect;

use crate::error::ApiError;

pub type Connection = AnyConnection;
pub type Tx = Transaction<'static, Any>;

/// How long a request waits for a connection before it is answered 503.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(10);

/// Where the data lives: `NATO_API_DATABASE`.
#[derive(Clone, PartialEq, Eq)]
pub enum Database {
    Sqlite(PathBuf),
    /// A URL like `postgres://user:password@host/name` (its password is never printed).
    Postgres(String),
}

impl Database {
    /// A `postgres://` or `postgresql://` URL selects PostgreSQL; anything else is a file path.
    pub fn parse(value: &str) -> Self {
        if value.starts_with("postgres://") || value.starts_with("postgresql://") {
            Database::Postgres(value.to_owned())
        } else {
            Database::Sqlite(PathBuf::from(value))
        }
    }
}

impl From<PathBuf> for Database {
    fn from(path: PathBuf) -> Self {
        Database::Sqlite(path)
    }
}

/// The path, or the URL without its password, so that logging the settings never logs it.
impl std::fmt::Display for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Database::Sqlite(path) => write!(f, "{}", path.display()),
            Database::Postgres(url) => {
                // The query may hold a password too (`?password=…`): it is left out.
                let url = url.split_once('?').map_or(url.as_str(), |(url, _)| url);
                let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
                match rest.rsplit_once('@') {
                    Some((user, host)) => {
                        let user = user.split_once(':').map_or(user, |(name, _)| name);
                        write!(f, "{scheme}://{user}:…@{host}")
                    }
                    None => write!(f, "{url}"),
                }
            }
        }
    }
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Database({self})")
    }
}

/// The pool, its dialect, and the hashing key kept in it (read once at start).
#[derive(Clone)]
pub struct Db {
    pool: AnyPool,
    dialect: Dialect,
    key: Arc<[u8]>,
}

impl Db {
    /// Connects, migrates, and reads the hashing key; `pool_size` counts for PostgreSQL only:
    /// SQLite has one connection, which keeps its writes in order.
    pub async fn open(database: &Database, pool_size: u32) -> Result<Self, String> {
        sqlx::any::install_default_drivers();
        let (url, dialect, size) = match database {
            Database::Sqlite(path) => (sqlite_url(path)?, Dialect::Sqlite, 1),
            Database::Postgres(url) => (url.clone(), Dialect::Postgres, pool_size.max(1)),
        };
        let pool = AnyPoolOptions::new()
            .max_connections(size)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .after_connect(move |connection, _| Box::pin(dialect.prepare(connection)))
            .connect(&url)
            .await
            .map_err(|e| format!("cannot open the database {database}: {e}"))?;
        dialect.migrate(&pool).await.map_err(|e| format!("cannot migrate the database {database}: {e}"))?;
        let key = crate::secrets::hashing_key(&pool).await.map_err(|e| format!("{e:?}"))?;
        Ok(Self { pool, dialect, key: key.into() })
    }

    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// The key codes, tokens and cookies are hashed with.
    pub fn key(&self) -> &[u8] {
        &self.key
    }

    pub async fn acquire(&self) -> Result<PoolConnection<Any>, ApiError> {
        Ok(self.pool.acquire().await?)
    }

    pub async fn begin(&self) -> Result<Tx, ApiError> {
        Ok(self.pool.begin().await?)
    }

    /// Starts a transaction that no other transaction about `name` (an email address) runs
    /// beside, on any instance: what it reads stays true until it commits.
    pub async fn begin_for(&self, name: &str) -> Result<Tx, ApiError> {
        let mut transaction = self.begin().await?;
        self.dialect.lock(&mut transaction, name).await?;
        Ok(transaction)
    }

    /// Closes every connection (before a test reopens the same database).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Commits `transaction` and answers `result`, a refusal as much as a success: what a refused
/// request counted (a wrong code, a code used up) stays counted.
pub async fn commit_either<T>(transaction: Tx, result: Result<T, ApiError>) -> Result<T, ApiError> {
    transaction.commit().await?;
    result
}

/// sqlx's SQLite URL for a path, creating its folder; `%`, `?` and `#` are escaped.
fn sqlite_url(path: &Path) -> Result<String, String> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    let path = path.to_str().ok_or_else(|| format!("the database path {} is not UTF-8", path.display()))?;
    let escaped = path.replace('%', "%25").replace('?', "%3F").replace('#', "%23");
    Ok(format!("sqlite://{escaped}?mode=rwc"))
}

impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> Self {
        match error {
            sqlx::Error::PoolTimedOut => ApiError::Busy(1),
            other => ApiError::Internal(other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Database;

    #[test]
    fn a_url_selects_postgres_and_its_password_is_never_shown() {
        let database = Database::parse("postgres://api:s3cret@db.internal:5432/georgia?password=s3cret");
        assert!(matches!(database, Database::Postgres(_)));
        assert_eq!(database.to_string(), "postgres://api:…@db.internal:5432/georgia");
        assert!(matches!(Database::parse("data/api.sqlite3"), Database::Sqlite(_)));
    }
}
