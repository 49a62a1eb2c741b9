//! Where SQLite and PostgreSQL differ, and nowhere else: the schema and how migrations are
//! recorded and kept from racing, a connection's settings, a lock per email address, and how
//! an instance claims mail to deliver.

use sqlx::{AnyPool, Connection as _, Executor as _};

use super::Connection;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// SQLite's migrations, each run once, in order; `PRAGMA user_version` records how many have
/// run. The third ties account codes to the registration attempt they were sent for, adds the
/// budgets per address, and lets several newsletter links of one address work until they
/// expire; the fourth moves the rate limits into the database and lets instances claim mail;
/// the fifth gives each message a time for its next attempt and the end of its usefulness.
const SQLITE: &[&str] = &[
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
    r"
    ALTER TABLE outbox ADD COLUMN claimed_until INTEGER;
    CREATE INDEX outbox_waiting ON outbox (id) WHERE delivered_at IS NULL;
    CREATE TABLE rate_limits (
        name TEXT PRIMARY KEY,
        arrival_ms INTEGER NOT NULL
    );
",
    r"
    ALTER TABLE outbox ADD COLUMN next_attempt_at INTEGER;
    ALTER TABLE outbox ADD COLUMN expires_at INTEGER;
",
];

/// PostgreSQL's migrations, recorded in `schema_migrations`. The first is SQLite's schema as
/// its first four migrations leave it, in PostgreSQL's types; the second is SQLite's fifth.
const POSTGRES: &[&str] = &[
    r"
    CREATE TABLE subscriptions (
        email TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed')),
        created_at BIGINT NOT NULL,
        confirmed_at BIGINT,
        mailed_at BIGINT
    );
    CREATE TABLE accounts (
        email TEXT PRIMARY KEY,
        password_hash TEXT NOT NULL,
        verified BIGINT NOT NULL DEFAULT 0,
        newsletter BIGINT NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL
    );
    CREATE TABLE codes (
        email TEXT NOT NULL,
        purpose TEXT NOT NULL,
        attempt TEXT NOT NULL DEFAULT '',
        code_hash TEXT NOT NULL,
        sent_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        wrong_tries BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (email, purpose, attempt)
    );
    CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
    );
    CREATE INDEX sessions_email ON sessions (email);
    CREATE TABLE outbox (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        recipient TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        sent_at BIGINT NOT NULL,
        delivered_at BIGINT,
        attempts BIGINT NOT NULL DEFAULT 0,
        claimed_until BIGINT
    );
    CREATE INDEX outbox_waiting ON outbox (id) WHERE delivered_at IS NULL;
    CREATE TABLE secrets (
        name TEXT PRIMARY KEY,
        value BYTEA NOT NULL
    );
    CREATE TABLE registrations (
        attempt TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        newsletter BIGINT NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
    );
    CREATE INDEX registrations_email ON registrations (email);
    CREATE TABLE budgets (
        name TEXT PRIMARY KEY,
        expires_at BIGINT NOT NULL,
        spent BIGINT NOT NULL
    );
    CREATE TABLE newsletter_links (
        token_hash TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
    );
    CREATE INDEX newsletter_links_email ON newsletter_links (email);
    CREATE TABLE rate_limits (
        name TEXT PRIMARY KEY,
        arrival_ms BIGINT NOT NULL
    );
",
    r"
    ALTER TABLE outbox ADD COLUMN next_attempt_at BIGINT;
    ALTER TABLE outbox ADD COLUMN expires_at BIGINT;
",
];

/// The advisory lock two instances starting together take before migrating ("ngapi").
const MIGRATION_LOCK: i64 = 0x6e_67_61_70_69;

/// Claims up to `$3` messages waiting to be delivered, for `$1` (the claim's end) from `$2`
/// (now): due for an attempt, and unclaimed or claimed by an instance whose claim ran out (it
/// died, or gave up).
const CLAIM: &str = "UPDATE outbox SET claimed_until = $1 WHERE id IN (
    SELECT id FROM outbox
    WHERE delivered_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= $2)
        AND (claimed_until IS NULL OR claimed_until <= $2)
    ORDER BY id LIMIT $3";

impl Dialect {
    /// A new connection's settings: SQLite writes ahead to a log, so reading never waits for
    /// a write (sqlx already turns on foreign keys and a 5 s busy timeout).
    pub(super) async fn prepare(self, connection: &mut Connection) -> Result<(), sqlx::Error> {
        if self == Dialect::Sqlite {
            sqlx::query("PRAGMA journal_mode = WAL").execute(connection).await?;
        }
        Ok(())
    }

    /// Runs the migrations not yet run, each in its own transaction with its record.
    pub(super) async fn migrate(self, pool: &AnyPool) -> Result<(), sqlx::Error> {
        let mut connection = pool.acquire().await?;
        match self {
            Dialect::Sqlite => {
                let applied: i64 = sqlx::query_scalar("PRAGMA user_version").fetch_one(&mut *connection).await?;
                for (index, migration) in SQLITE.iter().enumerate().skip(applied as usize) {
                    let mut transaction = connection.begin().await?;
                    transaction.execute(*migration).await?;
                    transaction.execute(format!("PRAGMA user_version = {}", index + 1).as_str()).await?;
                    transaction.commit().await?;
                }
            }
            Dialect::Postgres => {
                // One transaction under a lock: a second instance starting now waits, then
                // finds every migration recorded.
                let mut transaction = connection.begin().await?;
                sqlx::query("SELECT 1 FROM pg_advisory_xact_lock($1)")
                    .bind(MIGRATION_LOCK)
                    .execute(&mut *transaction)
                    .await?;
                transaction
                    .execute("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY)")
                    .await?;
                let applied: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
                    .fetch_one(&mut *transaction)
                    .await?;
                for (index, migration) in POSTGRES.iter().enumerate().skip(applied as usize) {
                    transaction.execute(*migration).await?;
                    sqlx::query("INSERT INTO schema_migrations (version) VALUES ($1)")
                        .bind(index as i64 + 1)
                        .execute(&mut *transaction)
                        .await?;
                }
                transaction.commit().await?;
            }
        }
        Ok(())
    }

    /// Holds a lock on `name` until the transaction ends. SQLite has one connection, so its
    /// transactions already run one at a time; PostgreSQL takes an advisory lock on the name's
    /// hash, which every instance sees.
    pub(super) async fn lock(self, transaction: &mut Connection, name: &str) -> Result<(), sqlx::Error> {
        if self == Dialect::Postgres {
            sqlx::query("SELECT 1 FROM pg_advisory_xact_lock($1)").bind(lock_key(name)).execute(transaction).await?;
        }
        Ok(())
    }

    /// The statement that claims waiting mail (see [`CLAIM`]), returning each message; on
    /// PostgreSQL rows another instance is claiming are skipped, not waited for.
    pub fn claim_mail(self) -> String {
        let skip_locked = match self {
            Dialect::Sqlite => "",
            Dialect::Postgres => " FOR UPDATE SKIP LOCKED",
        };
        format!("{CLAIM}{skip_locked}) RETURNING id, recipient, subject, body, attempts")
    }
}

/// A 64-bit lock number for a name (collisions only make two names wait for each other).
fn lock_key(name: &str) -> i64 {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(name.as_bytes());
    i64::from_le_bytes(digest[..8].try_into().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use sqlx::{Connection as _, Executor as _};

    use super::SQLITE;
    use crate::db::{Database, Db};

    /// A database as the release before PostgreSQL left it (three migrations), with a row in
    /// every table, opened by this one: every row is kept.
    #[tokio::test]
    async fn upgrading_sqlite_from_the_schema_before_keeps_every_row() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite3");
        sqlx::any::install_default_drivers();
        let mut old = sqlx::AnyConnection::connect(&format!("sqlite://{}?mode=rwc", path.display())).await.unwrap();
        for migration in &SQLITE[..3] {
            old.execute(*migration).await.unwrap();
        }
        old.execute(
            "PRAGMA user_version = 3;
             INSERT INTO subscriptions (email, status, created_at, mailed_at) VALUES ('s@example.org', 'confirmed', 1, 1);
             INSERT INTO accounts (email, password_hash, verified, created_at) VALUES ('a@example.org', 'hash', 1, 1);
             INSERT INTO codes (email, purpose, attempt, code_hash, sent_at, expires_at) VALUES ('a@example.org', 'reset-password', '', 'h', 1, 2);
             INSERT INTO sessions (token_hash, email, created_at, expires_at) VALUES ('t', 'a@example.org', 1, 2);
             INSERT INTO outbox (recipient, subject, body, sent_at) VALUES ('a@example.org', 'Hello', 'Body', 1);
             INSERT INTO secrets (name, value) VALUES ('hash-key', x'00112233');
             INSERT INTO registrations (attempt, email, password_hash, created_at, expires_at) VALUES ('r', 'b@example.org', 'hash', 1, 2);
             INSERT INTO budgets (name, expires_at, spent) VALUES ('code-mails:a', 2, 1);
             INSERT INTO newsletter_links (token_hash, email, created_at, expires_at) VALUES ('l', 's@example.org', 1, 2);",
        )
        .await
        .unwrap();
        old.close().await.unwrap();

        let db = Db::open(&Database::Sqlite(path), 1).await.unwrap();
        assert_eq!(db.key(), [0x00, 0x11, 0x22, 0x33], "the hashing key is kept");
        let mut connection = db.acquire().await.unwrap();
        let version: i64 = sqlx::query_scalar("PRAGMA user_version").fetch_one(&mut *connection).await.unwrap();
        assert_eq!(version, SQLITE.len() as i64);
        for table in
            ["subscriptions", "accounts", "codes", "sessions", "outbox", "registrations", "budgets", "newsletter_links"]
        {
            let rows: i64 =
                sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(&mut *connection).await.unwrap();
            assert_eq!(rows, 1, "{table}");
        }
        let waiting: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE claimed_until IS NULL")
            .fetch_one(&mut *connection)
            .await
            .unwrap();
        assert_eq!(waiting, 1, "the message waits unclaimed");
    }
}
