//! Deletes what has expired — codes, registration attempts, sessions, newsletter links and
//! budget windows — once a minute, so that the database holds only what still counts.

use std::sync::Arc;
use std::time::Duration;

use rusqlite::Connection;

use crate::clock::Clock;
use crate::db::Db;
use crate::error::ApiError;

const EXPIRING: [&str; 5] = ["codes", "registrations", "sessions", "newsletter_links", "budgets"];

pub fn sweep(connection: &Connection, now: i64) -> Result<(), ApiError> {
    for table in EXPIRING {
        connection.execute(&format!("DELETE FROM {table} WHERE expires_at <= ?1"), [now])?;
    }
    Ok(())
}

pub fn spawn(db: Db, clock: Arc<dyn Clock>, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            let now = clock.now();
            if let Err(error) = db.run(move |connection| sweep(connection, now)).await {
                tracing::error!(?error, "deleting expired rows failed");
            }
            tokio::time::sleep(every).await;
        }
    })
}
