//! `nato-georgia-api copy-database FROM TO`: copies every row of one database into another,
//! empty one — to move from SQLite to PostgreSQL, or back. Both are migrated first, so both
//! have this release's schema; the hashing key is copied too, so that sessions, codes and
//! newsletter links stay valid. Run it with no instance running on either database.

use sqlx::any::AnyRow;
use sqlx::{Connection as _, Row};

use super::{Database, Db};

/// How a column is read and written.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Number,
    MaybeNumber,
    Bytes,
}

use Kind::{Bytes, MaybeNumber, Number, Text};

/// Every table and its columns, in an order that needs no row before the one it names. The
/// outbox's ids are given afresh, in the same order.
const TABLES: &[(&str, &[(&str, Kind)])] = &[
    ("secrets", &[("name", Text), ("value", Bytes)]),
    (
        "accounts",
        &[
            ("email", Text),
            ("password_hash", Text),
            ("verified", Number),
            ("newsletter", Number),
            ("created_at", Number),
        ],
    ),
    (
        "subscriptions",
        &[
            ("email", Text),
            ("status", Text),
            ("created_at", Number),
            ("confirmed_at", MaybeNumber),
            ("mailed_at", MaybeNumber),
        ],
    ),
    ("newsletter_links", &[("token_hash", Text), ("email", Text), ("created_at", Number), ("expires_at", Number)]),
    (
        "registrations",
        &[
            ("attempt", Text),
            ("email", Text),
            ("password_hash", Text),
            ("newsletter", Number),
            ("created_at", Number),
            ("expires_at", Number),
        ],
    ),
    (
        "codes",
        &[
            ("email", Text),
            ("purpose", Text),
            ("attempt", Text),
            ("code_hash", Text),
            ("sent_at", Number),
            ("expires_at", Number),
            ("wrong_tries", Number),
        ],
    ),
    ("sessions", &[("token_hash", Text), ("email", Text), ("created_at", Number), ("expires_at", Number)]),
    ("budgets", &[("name", Text), ("expires_at", Number), ("spent", Number)]),
    ("rate_limits", &[("name", Text), ("arrival_ms", Number)]),
    (
        "outbox",
        &[
            ("recipient", Text),
            ("subject", Text),
            ("body", Text),
            ("sent_at", Number),
            ("delivered_at", MaybeNumber),
            ("attempts", Number),
            ("claimed_until", MaybeNumber),
            ("next_attempt_at", MaybeNumber),
            ("expires_at", MaybeNumber),
        ],
    ),
];

/// Copies `from` into `to`; how many rows each table had. `to` must hold no data yet.
pub async fn copy(from: &Database, to: &Database) -> Result<Vec<(&'static str, usize)>, String> {
    if from == to {
        return Err("FROM and TO are the same database".into());
    }
    if let Database::Sqlite(path) = from {
        if !path.is_file() {
            return Err(format!("{} does not exist", path.display()));
        }
    }
    let (source, target) = (Db::open(from, 1).await?, Db::open(to, 1).await?);
    let fail = |e: sqlx::Error| e.to_string();
    let mut reading = source.pool.acquire().await.map_err(fail)?;
    let mut writing = target.pool.acquire().await.map_err(fail)?;
    let mut transaction = writing.begin().await.map_err(fail)?;
    for (table, _) in &TABLES[1..] {
        let rows: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&mut *transaction)
            .await
            .map_err(fail)?;
        if rows > 0 {
            return Err(format!("{to} is not empty: its table {table} has {rows} rows"));
        }
    }
    // The target's own key, made when it was opened, gives way to the source's.
    sqlx::query("DELETE FROM secrets").execute(&mut *transaction).await.map_err(fail)?;
    let mut copied = Vec::new();
    for (table, columns) in TABLES {
        let names = columns.iter().map(|(name, _)| *name).collect::<Vec<_>>().join(", ");
        let order = if *table == "outbox" { " ORDER BY id" } else { "" };
        let rows: Vec<AnyRow> =
            sqlx::query(&format!("SELECT {names} FROM {table}{order}")).fetch_all(&mut *reading).await.map_err(fail)?;
        let placeholders = (1..=columns.len()).map(|n| format!("${n}")).collect::<Vec<_>>().join(", ");
        let insert = format!("INSERT INTO {table} ({names}) VALUES ({placeholders})");
        for row in &rows {
            let mut query = sqlx::query(&insert);
            for (index, (_, kind)) in columns.iter().enumerate() {
                query = match kind {
                    Text => query.bind(row.try_get::<String, _>(index).map_err(fail)?),
                    Number => query.bind(row.try_get::<i64, _>(index).map_err(fail)?),
                    MaybeNumber => query.bind(row.try_get::<Option<i64>, _>(index).map_err(fail)?),
                    Bytes => query.bind(row.try_get::<Vec<u8>, _>(index).map_err(fail)?),
                };
            }
            query.execute(&mut *transaction).await.map_err(|e| format!("{table}: {e}"))?;
        }
        copied.push((*table, rows.len()));
    }
    transaction.commit().await.map_err(fail)?;
    Ok(copied)
}
