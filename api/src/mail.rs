//! Outgoing mail through an outbox: a message is first written to the `outbox` table, in the
//! same transaction as the change it reports, then delivered by a background task — printed to
//! the console in development, sent over SMTP (lettre) otherwise. In development,
//! `GET /api/dev/outbox` lists every message, so a person trying the site can read their code.
//!
//! A message is tried until it is delivered or no longer useful: each has the time its purpose
//! ends (a code's, a link's, a day for a notice; never for a security notice), and one that has
//! not gone out by then is dropped, counted and logged. Between failed tries it waits longer and
//! longer (5 s doubling to 5 min, ±20 %), so a mail server down for an hour costs each message
//! about 17 tries.
//!
//! With several instances on one database, each message is delivered by one of them: an
//! instance claims a batch for a lease (PostgreSQL skips the rows another instance is claiming),
//! sends each message within half the lease — one deadline for the whole exchange, after which
//! the connection is dropped — and marks it, only if its claim is still its own. A message whose
//! instance died is taken over once its lease runs out. A message sent but not marked (the
//! database failed just then) is remembered and marked before anything new is claimed. A stop
//! lets the message being sent finish and be marked.

use std::sync::Arc;
use std::time::Duration;

use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::Serialize;

use crate::clock::{iso8601, Clock};
use crate::config::SmtpConfig;
use crate::db::{Connection, Db};
use crate::error::ApiError;

/// How long a notice answering a request ("you already have an account") is worth sending.
pub const NOTICE_SECONDS: i64 = 24 * 60 * 60;
/// The wait after a first failed try, doubled after each next one up to [`MAX_BACKOFF_SECONDS`].
const FIRST_BACKOFF_SECONDS: i64 = 5;
const MAX_BACKOFF_SECONDS: i64 = 5 * 60;
/// Messages claimed at once by one instance.
const BATCH: i64 = 20;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
    pub sent_at: String,
}

/// Puts a message in the outbox; the delivery task sends it if it can before `useful_until`
/// (`None`: whenever it can).
pub async fn send(
    connection: &mut Connection,
    to: &str,
    subject: &str,
    body: &str,
    now: i64,
    useful_until: Option<i64>,
) -> Result<(), ApiError> {
    sqlx::query("INSERT INTO outbox (recipient, subject, body, sent_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(to)
        .bind(subject)
        .bind(body)
        .bind(now)
        .bind(useful_until)
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

/// When a message that has failed `attempts` times (this one included) is tried next.
pub fn next_attempt(attempts: i64, now: i64, jitter: f64) -> i64 {
    let doubled = FIRST_BACKOFF_SECONDS.saturating_mul(1 << attempts.clamp(1, 16).saturating_sub(1));
    let wait = doubled.min(MAX_BACKOFF_SECONDS) as f64 * (0.8 + 0.4 * jitter.clamp(0.0, 1.0));
    now + wait.round() as i64
}

/// A number in [0, 1) from the system's randomness (0.5 if it has none to give).
fn jitter() -> f64 {
    let mut bytes = [0u8; 4];
    match getrandom::getrandom(&mut bytes) {
        Ok(()) => f64::from(u32::from_le_bytes(bytes)) / (f64::from(u32::MAX) + 1.0),
        Err(_) => 0.5,
    }
}

/// Where delivered mail goes. One per server, so the SMTP variant's size does not matter.
#[allow(clippy::large_enum_variant)]
pub enum Delivery {
    /// Development: print to the console.
    Console,
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
    },
}

impl Delivery {
    pub fn smtp(config: &SmtpConfig) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&config.url)
            .map_err(|e| format!("NATO_API_SMTP_URL: {e}"))?
            .build();
        let from = config.from.parse().map_err(|e| format!("NATO_API_MAIL_FROM: {e}"))?;
        Ok(Delivery::Smtp { transport, from })
    }

    /// Delivers one message, or gives up at `deadline` (the connection is then dropped).
    async fn deliver(&self, to: &str, subject: &str, body: &str, deadline: Duration) -> Result<(), String> {
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
                match tokio::time::timeout(deadline, transport.send(message)).await {
                    Ok(sent) => sent.map(drop).map_err(|e| e.to_string()),
                    Err(_) => Err(format!("no answer within {} s", deadline.as_secs())),
                }
            }
        }
    }
}

/// How one instance delivers: its settings, and the messages it sent but could not mark yet.
struct Courier {
    db: Db,
    delivery: Delivery,
    clock: Arc<dyn Clock>,
    lease: i64,
    keep_delivered: bool,
    unmarked: Vec<(i64, i64)>,
}

impl Courier {
    /// Marks a message delivered — deleted outside development: its body may hold a code or a
    /// link, which the database otherwise keeps only as hashes — if the claim is still ours.
    async fn mark_delivered(&self, id: i64, claim: i64) -> Result<(), ApiError> {
        let query = if self.keep_delivered {
            sqlx::query(
                "UPDATE outbox SET delivered_at = $3, claimed_until = NULL WHERE id = $1 AND claimed_until = $2",
            )
            .bind(id)
            .bind(claim)
            .bind(self.clock.now())
        } else {
            sqlx::query("DELETE FROM outbox WHERE id = $1 AND claimed_until = $2").bind(id).bind(claim)
        };
        query.execute(&mut *self.db.acquire().await?).await?;
        Ok(())
    }

    /// Marks what was sent and not marked yet; what still cannot be is kept for next time.
    async fn mark_unmarked(&mut self) {
        for (id, claim) in std::mem::take(&mut self.unmarked) {
            if let Err(error) = self.mark_delivered(id, claim).await {
                tracing::error!(id, ?error, "a delivered message could not be marked; will try again");
                self.unmarked.push((id, claim));
            }
        }
    }

    /// Drops the messages no longer worth sending, and says how many.
    async fn drop_expired(&self) -> Result<(), ApiError> {
        let now = self.clock.now();
        let dropped = sqlx::query(
            "DELETE FROM outbox WHERE delivered_at IS NULL AND expires_at <= $1
                 AND (claimed_until IS NULL OR claimed_until <= $1)",
        )
        .bind(now)
        .execute(&mut *self.db.acquire().await?)
        .await?
        .rows_affected();
        if dropped > 0 {
            crate::metrics::metrics().mail_expired.inc_by(dropped);
            tracing::warn!(dropped, "mail no longer useful (its code or link expired) was not sent");
        }
        Ok(())
    }

    /// One round: marks what is pending, drops what expired, then claims a batch and delivers
    /// it, message by message, while `running`. A message whose turn comes after half the lease
    /// goes back unsent (another instance may have it by then).
    async fn deliver_pending(&mut self, running: &tokio::sync::watch::Receiver<bool>) -> Result<(), ApiError> {
        self.mark_unmarked().await;
        if !self.unmarked.is_empty() {
            return Ok(());
        }
        self.drop_expired().await?;
        let now = self.clock.now();
        let claim = now + self.lease;
        let mut claimed: Vec<(i64, String, String, String, i64)> = sqlx::query_as(&self.db.dialect().claim_mail())
            .bind(claim)
            .bind(now)
            .bind(BATCH)
            .fetch_all(&mut *self.db.acquire().await?)
            .await?;
        claimed.sort_by_key(|(id, ..)| *id);
        let last_start = now + self.lease / 2;
        for (id, to, subject, body, attempts) in claimed {
            let left = last_start - self.clock.now();
            if left <= 0 || !*running.borrow() {
                sqlx::query("UPDATE outbox SET claimed_until = NULL WHERE id = $1 AND claimed_until = $2")
                    .bind(id)
                    .bind(claim)
                    .execute(&mut *self.db.acquire().await?)
                    .await?;
                continue;
            }
            let deadline = Duration::from_secs(self.lease as u64 / 2);
            match self.delivery.deliver(&to, &subject, &body, deadline).await {
                Ok(()) => {
                    crate::metrics::metrics().mail_delivered.inc();
                    self.unmarked.push((id, claim));
                    self.mark_unmarked().await;
                }
                Err(reason) => {
                    crate::metrics::metrics().mail_failures.inc();
                    tracing::warn!(%to, %subject, %reason, attempts = attempts + 1, "mail not delivered; will try again");
                    sqlx::query(
                        "UPDATE outbox SET attempts = attempts + 1, claimed_until = NULL, next_attempt_at = $3
                         WHERE id = $1 AND claimed_until = $2",
                    )
                    .bind(id)
                    .bind(claim)
                    .bind(next_attempt(attempts + 1, self.clock.now(), jitter()))
                    .execute(&mut *self.db.acquire().await?)
                    .await?;
                }
            }
        }
        Ok(())
    }
}

/// The delivery task: stopped with [`MailTask::stop`], which lets the message on its way finish.
pub struct MailTask {
    stop: tokio::sync::watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl MailTask {
    /// Stops delivering, waiting at most `grace` for the message being sent.
    pub async fn stop(self, grace: Duration) {
        let _ = self.stop.send(false);
        let mut task = self.task;
        if tokio::time::timeout(grace, &mut task).await.is_err() {
            task.abort();
        }
    }
}

/// Runs delivery every `every` until stopped, holding each claim for `lease`; `keep_delivered`
/// in development, where `GET /api/dev/outbox` lists every message.
pub fn spawn_delivery(
    db: Db,
    delivery: Delivery,
    clock: Arc<dyn Clock>,
    every: Duration,
    lease: Duration,
    keep_delivered: bool,
) -> MailTask {
    let (stop, running) = tokio::sync::watch::channel(true);
    let mut courier =
        Courier { db, delivery, clock, lease: lease.as_secs() as i64, keep_delivered, unmarked: Vec::new() };
    let task = tokio::spawn(async move {
        let mut running = running;
        while *running.borrow() {
            if let Err(error) = courier.deliver_pending(&running).await {
                tracing::error!(?error, "mail delivery failed");
            }
            tokio::select! {
                _ = tokio::time::sleep(every) => {}
                _ = running.changed() => {}
            }
        }
        courier.mark_unmarked().await;
    });
    MailTask { stop, task }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::{next_attempt, Courier, Delivery};
    use crate::clock::ManualClock;
    use crate::db::{Database, Db};

    /// The database at `database`, with one message in its outbox claimed until
    /// `claimed_until`; and the message's id.
    async fn outbox_with_one(database: &Database, claimed_until: i64) -> (Db, i64) {
        let db = Db::open(database, 1).await.unwrap();
        let id = sqlx::query_scalar(
            "INSERT INTO outbox (recipient, subject, body, sent_at, claimed_until) VALUES ('a', 'b', 'c', 1, $1) RETURNING id",
        )
        .bind(claimed_until)
        .fetch_one(&mut *db.acquire().await.unwrap())
        .await
        .unwrap();
        (db, id)
    }

    /// An instance at 300 s with a 60 s lease, which deletes what it delivers.
    fn courier(db: Db) -> Courier {
        Courier {
            db,
            delivery: Delivery::Console,
            clock: Arc::new(ManualClock::new(300)),
            lease: 60,
            keep_delivered: false,
            unmarked: Vec::new(),
        }
    }

    /// How many messages the outbox holds.
    async fn waiting(db: &Db) -> i64 {
        sqlx::query_scalar("SELECT COUNT(*) FROM outbox").fetch_one(&mut *db.acquire().await.unwrap()).await.unwrap()
    }

    /// An instance whose claim ran out while it was sending (its lease is over) marks nothing
    /// once another instance has claimed the message: the other one's claim stands.
    #[tokio::test]
    async fn a_mark_leaves_a_message_another_instance_has_claimed() {
        let dir = tempfile::tempdir().unwrap();
        let (db, id) = outbox_with_one(&Database::Sqlite(dir.path().join("api.sqlite3")), 500).await;
        let courier = courier(db.clone());
        courier.mark_delivered(id, 160).await.unwrap();
        assert_eq!(waiting(&db).await, 1, "an old claim marks nothing");
        courier.mark_delivered(id, 500).await.unwrap();
        assert_eq!(waiting(&db).await, 0, "the claim that holds does");
    }

    /// A message sent whose mark the database refused is kept, and marked at the start of the
    /// next round, before anything is claimed: it is not sent again.
    #[tokio::test]
    async fn a_sent_message_the_database_would_not_mark_is_marked_next_round() {
        let dir = tempfile::tempdir().unwrap();
        let database = Database::Sqlite(dir.path().join("api.sqlite3"));
        let (db, id) = outbox_with_one(&database, 360).await;
        let mut refused = Courier { unmarked: vec![(id, 360)], ..courier(db.clone()) };
        db.close().await;
        refused.mark_unmarked().await;
        assert_eq!(refused.unmarked, [(id, 360)], "kept while the database refuses");

        let db = Db::open(&database, 1).await.unwrap();
        let mut back = Courier { unmarked: refused.unmarked, ..courier(db.clone()) };
        back.deliver_pending(&tokio::sync::watch::channel(true).1).await.unwrap();
        assert!(back.unmarked.is_empty());
        assert_eq!(waiting(&db).await, 0, "marked (deleted), not claimed and sent again");
    }

    #[test]
    fn retries_back_off_to_five_minutes_with_jitter() {
        let waits: Vec<i64> = (1..=9).map(|attempts| next_attempt(attempts, 1000, 0.5) - 1000).collect();
        assert_eq!(waits, [5, 10, 20, 40, 80, 160, 300, 300, 300]);
        assert_eq!(next_attempt(1, 0, 0.0), 4);
        assert_eq!(next_attempt(9, 0, 0.999), 360);
        assert_eq!(next_attempt(i64::MAX, 0, 0.5), 300, "never overflows");
    }

    #[test]
    fn an_hour_long_outage_costs_a_message_about_seventeen_tries() {
        let (mut at, mut tries) = (0, 0);
        while at < 3600 {
            tries += 1;
            at = next_attempt(tries, at, 0.5);
        }
        assert!((15..=20).contains(&tries), "{tries}");
    }
}
