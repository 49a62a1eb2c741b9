//! The database: a SQLite file (the default, nothing to install) or PostgreSQL (a
//! `postgres://` URL, for more than one instance). Both go through sqlx's `Any` driver with
//! the same SQL, written with `$1` placeholders, which both understand; what the two dialects
//! do differently — the schema, migrating, locking, claiming mail — is in `dialect.rs`.

mod backup;
mod copy;
mod dialect;
mod fault;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::AnyPoolOptions;
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, AnyPool, Connection as _, Transaction};

pub use backup::backup;
pub use copy::copy;
pub use dialect::Dialect;
pub use fault::Fault;

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
            .after_release(|connection, _| Box::pin(reusable(connection)))
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

/// Whether a connection handed back may serve another request: only when it is outside any
/// transaction. When a commit fails on a full disk or an I/O error, SQLite rolls the
/// transaction back by itself, but sqlx (0.8) still counts it as open, and the next `begin()`
/// on that connection would be a savepoint of a transaction nobody commits: every write
/// acknowledged after it would vanish when the connection closed. Such a connection is closed
/// instead (which rolls back whatever it still holds), and the pool opens a fresh one. The ping
/// first waits for the rollback a dropped transaction queued. So is a SQLite connection that
/// refused a write as read-only (`fault::sqlite_went_read_only`).
async fn reusable(connection: &mut Connection) -> Result<bool, sqlx::Error> {
    connection.ping().await?;
    if connection.is_in_transaction() {
        tracing::warn!("a connection whose transaction did not end cleanly was closed");
        return Ok(false);
    }
    if fault::sqlite_went_read_only() {
        tracing::warn!("a SQLite connection that refused a write as read-only was closed");
        return Ok(false);
    }
    Ok(true)
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

/// A fault of the deployment's (a full disk, a database that is down) is a 503 to try again
/// later, logged as what it is; any other database error is the API's own: a 500.
impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> Self {
        let fault = Fault::of(&error);
        crate::metrics::metrics().database_error(fault.map_or("other", Fault::name));
        match fault {
            Some(fault) => {
                tracing::error!(%error, "{}", fault.describe());
                ApiError::Busy(fault.retry_after())
            }
            None => ApiError::Internal(error.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Database, Db};

    #[test]
    fn a_url_selects_postgres_and_its_password_is_never_shown() {
        let database = Database::parse("postgres://api:s3cret@db.internal:5432/georgia?password=s3cret");
        assert!(matches!(database, Database::Postgres(_)));
        assert_eq!(database.to_string(), "postgres://api:…@db.internal:5432/georgia");
        assert!(matches!(Database::parse("data/api.sqlite3"), Database::Sqlite(_)));
    }

    /// A commit that fails on a full disk: SQLite rolls the transaction back by itself, but
    /// sqlx still counts it as open. Injected here by rolling back behind sqlx's back. Before,
    /// the connection went back to the pool in that state, the next transactions became
    /// savepoints of one that was never committed, and everything acknowledged after it was
    /// lost when the connection closed.
    #[tokio::test]
    async fn what_is_committed_after_a_failed_commit_is_stored() {
        let dir = tempfile::tempdir().unwrap();
        let database = Database::Sqlite(dir.path().join("api.sqlite3"));
        let db = Db::open(&database, 1).await.unwrap();
        let mut failed = db.begin().await.unwrap();
        sqlx::query("ROLLBACK").execute(&mut *failed).await.unwrap();
        assert!(failed.commit().await.is_err(), "the commit fails");
        // A request refused inside its transaction: it returns without committing.
        drop(db.begin().await.unwrap());
        let mut acknowledged = db.begin().await.unwrap();
        sqlx::query("INSERT INTO subscriptions (email, status, created_at) VALUES ('a@example.org', 'pending', 1)")
            .execute(&mut *acknowledged)
            .await
            .unwrap();
        acknowledged.commit().await.unwrap();
        db.close().await;

        let reopened = Db::open(&database, 1).await.unwrap();
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM subscriptions")
            .fetch_one(&mut *reopened.acquire().await.unwrap())
            .await
            .unwrap();
        assert_eq!(stored, 1, "the acknowledged subscription is stored");
    }
}
