//! Outgoing mail through an outbox: a message is first written to the `outbox` table, in the
//! same transaction as the change it reports, then delivered by a background task — printed to
//! the console in development, sent over SMTP (lettre) otherwise. A message that fails to send
//! stays in the outbox and is tried again. In development, `GET /api/dev/outbox` lists every
//! message, so a person trying the site can read their code.

use std::sync::Arc;
use std::time::Duration;

use lettre::message::Mailbox;
use lettre::{Message, SmtpTransport, Transport};
use rusqlite::{params, Connection};
use serde::Serialize;

use crate::clock::{iso8601, Clock};
use crate::config::SmtpConfig;
use crate::db::Db;
use crate::error::ApiError;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
    pub sent_at: String,
}

/// Puts a message in the outbox; the delivery task sends it.
pub fn send(connection: &Connection, to: &str, subject: &str, body: &str, now: i64) -> Result<(), ApiError> {
    connection.execute(
        "INSERT INTO outbox (recipient, subject, body, sent_at) VALUES (?1, ?2, ?3, ?4)",
        params![to, subject, body, now],
    )?;
    Ok(())
}

/// Every message, oldest first.
pub fn list(connection: &Connection) -> Result<Vec<Mail>, ApiError> {
    let mut statement = connection.prepare("SELECT recipient, subject, body, sent_at FROM outbox ORDER BY id")?;
    let rows = statement.query_map([], |row| {
        Ok(Mail { to: row.get(0)?, subject: row.get(1)?, body: row.get(2)?, sent_at: iso8601(row.get(3)?) })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Where delivered mail goes. One per server, so the SMTP variant's size does not matter.
#[allow(clippy::large_enum_variant)]
pub enum Delivery {
    /// Development: print to the console.
    Console,
    Smtp {
        transport: SmtpTransport,
        from: Mailbox,
    },
}

impl Delivery {
    pub fn smtp(config: &SmtpConfig) -> Result<Self, String> {
        let transport = SmtpTransport::from_url(&config.url).map_err(|e| format!("NATO_API_SMTP_URL: {e}"))?.build();
        let from = config.from.parse().map_err(|e| format!("NATO_API_MAIL_FROM: {e}"))?;
        Ok(Delivery::Smtp { transport, from })
    }

    fn deliver(&self, to: &str, subject: &str, body: &str) -> Result<(), String> {
        match self {
            Delivery::Console => {
                tracing::info!(target: "outbox", %to, %subject, "mail (development outbox):\n{body}");
                Ok(())
            }
            Delivery::Smtp { transport, from } => {
                let message = Message::builder()
                    .from(from.clone())
                    .to(to.parse().map_err(|e| format!("recipient: {e}"))?)
                    .subject(subject)
                    .body(body.to_owned())
                    .map_err(|e| e.to_string())?;
                transport.send(&message).map(|_| ()).map_err(|e| e.to_string())
            }
        }
    }
}

type Pending = (i64, String, String, String);

/// Delivers what is waiting in the outbox, twenty at a time. The database is not held while a
/// message is on its way (an SMTP server may be slow), only to read and to mark. Outside
/// development a delivered message is deleted: its body may hold a code or a link, which the
/// database otherwise keeps only as hashes.
async fn deliver_pending(db: &Db, delivery: &Arc<Delivery>, now: i64, keep_delivered: bool) -> Result<(), ApiError> {
    let pending: Vec<Pending> = db
        .run(|connection| {
            Ok(connection
                .prepare("SELECT id, recipient, subject, body FROM outbox WHERE delivered_at IS NULL AND attempts < 10 ORDER BY id LIMIT 20")?
                .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))?
                .collect::<Result<_, _>>()?)
        })
        .await?;
    for (id, to, subject, body) in pending {
        let sending = delivery.clone();
        let (recipient, title) = (to.clone(), subject.clone());
        let sent = tokio::task::spawn_blocking(move || sending.deliver(&recipient, &title, &body))
            .await
            .map_err(|e| ApiError::Internal(e.to_string()))?;
        if let Err(reason) = &sent {
            tracing::warn!(%to, %subject, %reason, "mail not delivered; will try again");
        }
        db.run(move |connection| {
            match (sent, keep_delivered) {
                (Ok(()), true) => {
                    connection.execute("UPDATE outbox SET delivered_at = ?2 WHERE id = ?1", params![id, now])?
                }
                (Ok(()), false) => connection.execute("DELETE FROM outbox WHERE id = ?1", [id])?,
                (Err(_), _) => connection.execute("UPDATE outbox SET attempts = attempts + 1 WHERE id = ?1", [id])?,
            };
            Ok(())
        })
        .await?;
    }
    Ok(())
}

/// Runs delivery every `every` until the server stops; `keep_delivered` in development, where
/// `GET /api/dev/outbox` lists every message.
pub fn spawn_delivery(
    db: Db,
    delivery: Delivery,
    clock: Arc<dyn Clock>,
    every: Duration,
    keep_delivered: bool,
) -> tokio::task::JoinHandle<()> {
    let delivery = Arc::new(delivery);
    tokio::spawn(async move {
        loop {
            if let Err(error) = deliver_pending(&db, &delivery, clock.now(), keep_delivered).await {
                tracing::error!(?error, "mail delivery failed");
            }
            tokio::time::sleep(every).await;
        }
    })
}
