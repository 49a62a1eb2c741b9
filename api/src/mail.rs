//! Outgoing mail through an outbox. In development the outbox is a table: each message is
//! stored, printed to the console, and listed at `GET /api/dev/outbox` so a person trying the
//! site can read their code.

use rusqlite::{params, Connection};
use serde::Serialize;

use crate::clock::iso8601;
use crate::error::ApiError;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
    pub sent_at: String,
}

/// Sends a message: stores it in the development outbox and prints it.
pub fn send(connection: &Connection, to: &str, subject: &str, body: &str, now: i64) -> Result<(), ApiError> {
    connection.execute(
        "INSERT INTO outbox (recipient, subject, body, sent_at) VALUES (?1, ?2, ?3, ?4)",
        params![to, subject, body, now],
    )?;
    tracing::info!(target: "outbox", %to, %subject, "mail sent (development outbox):\n{body}");
    Ok(())
}

/// Every message sent, oldest first.
pub fn list(connection: &Connection) -> Result<Vec<Mail>, ApiError> {
    let mut statement = connection.prepare("SELECT recipient, subject, body, sent_at FROM outbox ORDER BY id")?;
    let rows = statement.query_map([], |row| {
        Ok(Mail { to: row.get(0)?, subject: row.get(1)?, body: row.get(2)?, sent_at: iso8601(row.get(3)?) })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
