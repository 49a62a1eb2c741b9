//! Deletes what has expired — codes, registration attempts, sessions, newsletter links,
//! budget windows and rate-limit entries — once a minute, so that the database holds only what
//! still counts. Every instance runs it; deleting twice does no harm.

use std::sync::Arc;
use std::time::Duration;

use crate::clock::Clock;
use crate::db::{Connection, Db};
use crate::error::ApiError;

const EXPIRING: [&str; 5] = ["codes", "registrations", "sessions", "newsletter_links", "budgets"];

pub async fn sweep(connection: &mut Connection, now: i64) -> Result<(), ApiError> {
    for table in EXPIRING {
        sqlx::query(&format!("DELETE FROM {table} WHERE expires_at <= $1")).bind(now).execute(&mut *connection).await?;
    }
    sqlx::query("DELETE FROM rate_limits WHERE arrival_ms <= $1").bind(now * 1000).execute(connection).await?;
    Ok(())
}

pub fn spawn(db: Db, clock: Arc<dyn Clock>, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            let swept = match db.acquire().await {
                Ok(mut connection) => sweep(&mut connection, clock.now()).await,
                Err(error) => Err(error),
            };
            if let Err(error) = swept {
                tracing::error!(?error, "deleting expired rows failed");
            }
            tokio::time::sleep(every).await;
        }
    })
}
