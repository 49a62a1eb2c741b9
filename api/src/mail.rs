//! Outgoing mail through an outbox: a message is first written to the `outbox` table, in the
//! same transaction as the change it reports, then delivered by a background task — printed to
//! the console in development, sent over SMTP (lettre) otherwise. A message that fails to send
//! stays in the outbox and is tried again. In development, `GET /api/dev/outbox` lists every
//! message, so a person trying the site can read their code.
//!
//! With several instances on one database, each message is delivered by one of them: an
//! instance claims a message for a lease before sending it (PostgreSQL skips the rows another
//! instance is claiming), and a message whose instance died is taken over once its lease runs
//! out. The SMTP timeout is half the lease, so a live instance gives up before that.

use std::sync::Arc;
use std::time::Duration;

use lettre::message::Mailbox;
use lettre::{Message, SmtpTransport, Transport};
use serde::Serialize;

use crate::clock::{iso8601, Clock};
use crate::config::SmtpConfig;
use crate::db::{Connection, Db};
use crate::error::ApiError;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
    pub sent_at: String,
}

/// Puts a message in the outbox; the delivery task sends it.
pub async fn send(connection: &mut Connection, to: &str, subject: &str, body: &str, now: i64) -> Result<(), ApiError> {
    sqlx::query("INSERT INTO outbox (recipient, subject, body, sent_at) VALUES ($1, $2, $3, $4)")
        .bind(to)
        .bind(subject)
        .bind(body)
        .bind(now)
        .execute(connection)
        .await?;
    Ok(())
}

/// Every message, oldest first.
pub async fn list(connection: &mut Connection) -> Result<Vec<Mail>, ApiError> {
    let rows: Vec<(String, String, String, i64)> =
        sqlx::query_as("SELECT recipient, subject, body, sent_at FROM outbox ORDER BY id")
            .fetch_all(connection)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(to, subject, body, sent_at)| Mail { to, subject, body, sent_at: iso8601(sent_at) })
        .collect())
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
    /// SMTP delivery that gives up on a message after `timeout`.
    pub fn smtp(config: &SmtpConfig, timeout: Duration) -> Result<Self, String> {
        let transport = SmtpTransport::from_url(&config.url)
            .map_err(|e| format!("NATO_API_SMTP_URL: {e}"))?
            .timeout(Some(timeout))
            .build();
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

/// Messages claimed at once by one instance.
const BATCH: i64 = 20;

/// Delivers what is waiting in the outbox. It claims a batch for the lease, delivers each
/// message, and marks it; a message whose lease ran out before its turn goes back unsent (another
/// instance may have it by then). The database is not held while a message is on its way. Outside
/// development a delivered message is deleted: its body may hold a code or a link, which the
/// database otherwise keeps only as hashes.
async fn deliver_pending(
    db: &Db,
    delivery: &Arc<Delivery>,
    clock: &Arc<dyn Clock>,
    lease: i64,
    keep_delivered: bool,
) -> Result<(), ApiError> {
    let now = clock.now();
    let mut claimed: Vec<Pending> = sqlx::query_as(&db.dialect().claim_mail())
        .bind(now + lease)
        .bind(now)
        .bind(BATCH)
        .fetch_all(&mut *db.acquire().await?)
        .await?;
    claimed.sort_by_key(|(id, ..)| *id);
    // Each message takes at most half the lease: those that cannot finish before it ends wait.
    let last_start = now + lease / 2;
    for (id, to, subject, body) in claimed {
        if clock.now() > last_start {
            sqlx::query("UPDATE outbox SET claimed_until = NULL WHERE id = $1 AND claimed_until = $2")
                .bind(id)
                .bind(now + lease)
                .execute(&mut *db.acquire().await?)
                .await?;
            continue;
        }
        let sending = delivery.clone();
        let (recipient, title) = (to.clone(), subject.clone());
        let sent = tokio::task::spawn_blocking(move || sending.deliver(&recipient, &title, &body))
            .await
            .map_err(|e| ApiError::Internal(e.to_string()))?;
        if let Err(reason) = &sent {
            tracing::warn!(%to, %subject, %reason, "mail not delivered; will try again");
        }
        let mark = match (sent, keep_delivered) {
            (Ok(()), true) => sqlx::query("UPDATE outbox SET delivered_at = $2, claimed_until = NULL WHERE id = $1")
                .bind(id)
                .bind(clock.now()),
            (Ok(()), false) => sqlx::query("DELETE FROM outbox WHERE id = $1").bind(id),
            (Err(_), _) => {
                sqlx::query("UPDATE outbox SET attempts = attempts + 1, claimed_until = NULL WHERE id = $1").bind(id)
            }
        };
        mark.execute(&mut *db.acquire().await?).await?;
    }
    Ok(())
}

/// Runs delivery every `every` until the server stops, holding each claim for `lease`;
/// `keep_delivered` in development, where `GET /api/dev/outbox` lists every message.
pub fn spawn_delivery(
    db: Db,
    delivery: Delivery,
    clock: Arc<dyn Clock>,
    every: Duration,
    lease: Duration,
    keep_delivered: bool,
) -> tokio::task::JoinHandle<()> {
    let delivery = Arc::new(delivery);
    let lease = lease.as_secs() as i64;
    tokio::spawn(async move {
        loop {
            if let Err(error) = deliver_pending(&db, &delivery, &clock, lease, keep_delivered).await {
                tracing::error!(?error, "mail delivery failed");
            }
            tokio::time::sleep(every).await;
        }
    })
}
