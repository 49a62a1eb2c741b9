//! Which database failures belong to the deployment rather than to a request: a full disk,
//! storage that fails, a database that cannot be reached or is busy. A request that meets one is
//! answered 503 with `Retry-After` — it can be sent again as it is, and nothing of it was
//! stored — and the log says which it was, so that an operator knows what to fix. Any other
//! database error is the API's own and answered 500.

use std::sync::atomic::{AtomicBool, Ordering};

use sqlx::error::DatabaseError as _;
use sqlx::postgres::PgDatabaseError;
use sqlx::sqlite::SqliteError;

/// SQLite opens a connection read-only, without a word, when it cannot write the file just then
/// (its permissions, a storage that refuses writes), and such a connection refuses every write
/// even once the file is writable again. So a refusal as read-only is remembered here, and the
/// next connection handed back to the pool is closed instead of reused (`db::reusable`).
static SQLITE_READ_ONLY: AtomicBool = AtomicBool::new(false);

/// Whether SQLite has refused a write as read-only since the last call.
pub fn sqlite_went_read_only() -> bool {
    SQLITE_READ_ONLY.swap(false, Ordering::SeqCst)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// No space left where the database writes.
    DiskFull,
    /// The database's storage refuses to read or write (an I/O error, a read-only file).
    Storage,
    /// The database cannot be reached: stopped, restarting, or the network to it is down.
    Unreachable,
    /// The database is busy with other work: a lock, a conflict, every connection in use.
    Busy,
}

impl Fault {
    /// The fault behind `error`, or `None` when it is not one of the deployment's.
    pub fn of(error: &sqlx::Error) -> Option<Self> {
        match error {
            sqlx::Error::Database(error) => {
                if let Some(sqlite) = error.try_downcast_ref::<SqliteError>() {
                    let code = sqlite.code()?.parse::<i32>().ok()?;
                    if code & 0xff == 8 {
                        SQLITE_READ_ONLY.store(true, Ordering::SeqCst);
                    }
                    Self::of_sqlite(code)
                } else {
                    Self::of_postgres(error.try_downcast_ref::<PgDatabaseError>()?.code())
                }
            }
            sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::Protocol(_)
            | sqlx::Error::PoolClosed
            | sqlx::Error::WorkerCrashed => Some(Fault::Unreachable),
            sqlx::Error::PoolTimedOut => Some(Fault::Busy),
            _ => None,
        }
    }

    /// SQLite's result codes (https://sqlite.org/rescode.html); the low byte is the primary code.
    fn of_sqlite(code: i32) -> Option<Self> {
        match code & 0xff {
            13 => Some(Fault::DiskFull),
            7 | 8 | 10 | 14 => Some(Fault::Storage), // NOMEM, READONLY, IOERR, CANTOPEN
            5 | 6 => Some(Fault::Busy),              // BUSY, LOCKED
            _ => None,
        }
    }

    /// PostgreSQL's SQLSTATE codes (https://www.postgresql.org/docs/current/errcodes-appendix.html).
    fn of_postgres(code: &str) -> Option<Self> {
        match code {
            "53100" => Some(Fault::DiskFull),
            "57P01" | "57P02" | "57P03" => Some(Fault::Unreachable), // shut down, crashed, starting
            "40001" | "40P01" | "55P03" => Some(Fault::Busy),        // serialization, deadlock, lock
            _ if code.starts_with("08") => Some(Fault::Unreachable), // connection exceptions
            _ if code.starts_with("53") || code.starts_with("58") => Some(Fault::Storage),
            _ => None,
        }
    }

    /// How many seconds a client should wait before sending the request again.
    pub fn retry_after(self) -> u64 {
        match self {
            Fault::DiskFull | Fault::Storage => 30,
            Fault::Unreachable => 5,
            Fault::Busy => 1,
        }
    }

    /// Its name in the metrics.
    pub fn name(self) -> &'static str {
        match self {
            Fault::DiskFull => "disk-full",
            Fault::Storage => "storage",
            Fault::Unreachable => "unreachable",
            Fault::Busy => "busy",
        }
    }

    /// What the log says.
    pub fn describe(self) -> &'static str {
        match self {
            Fault::DiskFull => "the database's disk is full: writes are refused until space is freed",
            Fault::Storage => "the database's storage failed (an I/O error or a read-only file)",
            Fault::Unreachable => "the database cannot be reached",
            Fault::Busy => "the database is busy",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Fault;
    use crate::db::{Database, Db};

    /// A real `SQLITE_FULL`: the database may not grow past the pages it has.
    #[tokio::test]
    async fn sqlite_out_of_space_is_a_full_disk() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&Database::Sqlite(dir.path().join("api.sqlite3")), 1).await.unwrap();
        let mut connection = db.acquire().await.unwrap();
        let pages: i64 = sqlx::query_scalar("PRAGMA page_count").fetch_one(&mut *connection).await.unwrap();
        sqlx::query(&format!("PRAGMA max_page_count = {pages}")).execute(&mut *connection).await.unwrap();
        let error = sqlx::query("INSERT INTO outbox (recipient, subject, body, sent_at) VALUES ('a', 'b', $1, 1)")
            .bind("x".repeat(64 * 1024))
            .execute(&mut *connection)
            .await
            .unwrap_err();
        assert_eq!(Fault::of(&error), Some(Fault::DiskFull), "{error}");
    }

    #[test]
    fn postgres_codes_name_their_fault() {
        assert_eq!(Fault::of_postgres("53100"), Some(Fault::DiskFull));
        assert_eq!(Fault::of_postgres("57P01"), Some(Fault::Unreachable));
        assert_eq!(Fault::of_postgres("08006"), Some(Fault::Unreachable));
        assert_eq!(Fault::of_postgres("58030"), Some(Fault::Storage));
        assert_eq!(Fault::of_postgres("23505"), None, "a unique violation is the API's own");
    }
}
