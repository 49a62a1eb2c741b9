//! The SQLite database: opened once, migrated at start, used from blocking tasks so the async
//! runtime never waits on disk.

use std::path::Path;
use std::sync::{Arc, Mutex};

use rusqlite::Connection;

use crate::error::ApiError;

/// Each migration runs once, in order; `PRAGMA user_version` records how many have run. The
/// third ties account codes to the registration attempt they were sent for, adds the budgets
/// per address, and lets several newsletter links of one address work until they expire.
const MIGRATIONS: &[&str] = &[
    r"
    CREATE TABLE subscriptions (
        email TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed')),
        token_hash TEXT,
        created_at INTEGER NOT NULL,
        confirmed_at INTEGER
    );
    CREATE UNIQUE INDEX subscriptions_token ON subscriptions (token_hash);
    CREATE TABLE accounts (
        email TEXT PRIMARY KEY,
        password_hash TEXT NOT NULL,
        verified INTEGER NOT NULL DEFAULT 0,
        newsletter INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
    );
    CREATE TABLE codes (
        email TEXT NOT NULL,
        purpose TEXT NOT NULL,
        code_hash TEXT NOT NULL,
        sent_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        wrong_tries INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (email, purpose)
    );
    CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
    );
    CREATE INDEX sessions_email ON sessions (email);
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        recipient TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        sent_at INTEGER NOT NULL
    );
    CREATE TABLE secrets (
        name TEXT PRIMARY KEY,
        value BLOB NOT NULL
    );
",
    r"
    ALTER TABLE outbox ADD COLUMN delivered_at INTEGER;
    ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
    UPDATE outbox SET delivered_at = sent_at;
",
    r"
    CREATE TABLE registrations (
        attempt TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        newsletter INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
    );
    CREATE INDEX registrations_email ON registrations (email);
    CREATE TABLE codes_by_attempt (
        email TEXT NOT NULL,
        purpose TEXT NOT NULL,
        attempt TEXT NOT NULL DEFAULT '',
        code_hash TEXT NOT NULL,
        sent_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        wrong_tries INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (email, purpose, attempt)
    );
    INSERT INTO codes_by_attempt (email, purpose, code_hash, sent_at, expires_at, wrong_tries)
        SELECT email, purpose, code_hash, sent_at, expires_at, wrong_tries FROM codes;
    DROP TABLE codes;
    ALTER TABLE codes_by_attempt RENAME TO codes;
    CREATE TABLE budgets (
        name TEXT PRIMARY KEY,
        expires_at INTEGER NOT NULL,
        spent INTEGER NOT NULL
    );
    CREATE TABLE newsletter_links (
        token_hash TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
    );
    CREATE INDEX newsletter_links_email ON newsletter_links (email);
    INSERT INTO newsletter_links (token_hash, email, created_at, expires_at)
        SELECT token_hash, email, created_at, CAST(strftime('%s', 'now') AS INTEGER) + 7 * 86400
        FROM subscriptions WHERE token_hash IS NOT NULL;
    DROP INDEX subscriptions_token;
    ALTER TABLE subscriptions DROP COLUMN token_hash;
    ALTER TABLE subscriptions ADD COLUMN mailed_at INTEGER;
",
];

#[derive(Clone)]
pub struct Db(Arc<Mutex<Connection>>);

impl Db {
    pub fn open(path: &Path) -> Result<Self, String> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        let mut connection = Connection::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        connection
            .execute_batch("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;")
            .map_err(|e| e.to_string())?;
        migrate(&mut connection)?;
        Ok(Self(Arc::new(Mutex::new(connection))))
    }

    /// Runs `work` with the connection on a blocking thread.
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Connection) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let db = self.0.clone();
        tokio::task::spawn_blocking(move || {
            let mut connection = db.lock().map_err(|_| ApiError::Internal("database lock poisoned".into()))?;
            work(&mut connection)
        })
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
    }
}

fn migrate(connection: &mut Connection) -> Result<(), String> {
    let applied: usize =
        connection.query_row("PRAGMA user_version", [], |row| row.get(0)).map_err(|e| e.to_string())?;
    for (index, migration) in MIGRATIONS.iter().enumerate().skip(applied) {
        let transaction = connection.transaction().map_err(|e| e.to_string())?;
        transaction.execute_batch(migration).map_err(|e| format!("migration {}: {e}", index + 1))?;
        transaction.pragma_update(None, "user_version", index + 1).map_err(|e| e.to_string())?;
        transaction.commit().map_err(|e| e.to_string())?;
    }
    Ok(())
}

impl From<rusqlite::Error> for ApiError {
    fn from(error: rusqlite::Error) -> Self {
        ApiError::Internal(error.to_string())
    }
}
