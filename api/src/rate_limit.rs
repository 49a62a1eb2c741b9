//! Request rates per key (a client address, or a client address with an email address), kept
//! in the database so that every instance counts the same requests.
//!
//! Each key holds one number, the generic cell rate algorithm's "theoretical arrival time": a
//! key may spend `max` requests at once, and gets one back every `window / max`. One statement
//! reads and moves it, so requests at the same moment on different instances are each counted.
//! Keys are stored as keyed hashes, so a long key costs no more than a short one, and a key that
//! has earned everything back is deleted by the janitor: the table holds only the keys seen
//! within the last window.

use crate::db::Connection;
use crate::error::ApiError;
use crate::secrets::keyed_hash;

pub struct RateLimit {
    /// What is counted; with the key's parts, the row's name.
    name: &'static str,
    /// Milliseconds between two requests once the burst is spent.
    interval: i64,
    /// How far ahead of now a key's arrival time may run: the burst.
    tolerance: i64,
}

impl RateLimit {
    /// `max` requests per `window_seconds`.
    pub fn new(name: &'static str, max: u32, window_seconds: i64) -> Self {
        let interval = (window_seconds * 1000 / i64::from(max.max(1))).max(1);
        Self { name, interval, tolerance: window_seconds * 1000 - interval }
    }

    fn row(&self, key: &[u8], parts: &[&str]) -> String {
        let mut named = vec![self.name];
        named.extend_from_slice(parts);
        keyed_hash(key, &named)
    }

    /// Counts a request for `parts` at `now` (seconds); 429 with the seconds to wait when over
    /// the limit. `key` is the database's hashing key.
    pub async fn hit(&self, connection: &mut Connection, key: &[u8], parts: &[&str], now: i64) -> Result<(), ApiError> {
        let (row, now) = (self.row(key, parts), now * 1000);
        let counted: Option<i64> = sqlx::query_scalar(
            "INSERT INTO rate_limits (name, arrival_ms) VALUES ($1, $2 + $3)
             ON CONFLICT (name) DO UPDATE
                 SET arrival_ms = CASE WHEN rate_limits.arrival_ms > $2 THEN rate_limits.arrival_ms ELSE $2 END + $3
                 WHERE rate_limits.arrival_ms - $2 <= $4
             RETURNING arrival_ms",
        )
        .bind(&row)
        .bind(now)
        .bind(self.interval)
        .bind(self.tolerance)
        .fetch_optional(&mut *connection)
        .await?;
        if counted.is_some() {
            return Ok(());
        }
        let arrival: i64 = sqlx::query_scalar("SELECT arrival_ms FROM rate_limits WHERE name = $1")
            .bind(&row)
            .fetch_optional(connection)
            .await?
            .unwrap_or(now);
        crate::metrics::metrics().refused(self.name);
        Err(ApiError::TooManyRequests(((arrival - now - self.tolerance + 999) / 1000).max(1) as u64))
    }

    /// Forgets `parts`, as after a successful sign-in.
    pub async fn forget(&self, connection: &mut Connection, key: &[u8], parts: &[&str]) -> Result<(), ApiError> {
        sqlx::query("DELETE FROM rate_limits WHERE name = $1").bind(self.row(key, parts)).execute(connection).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::RateLimit;
    use crate::db::{Database, Db};
    use crate::error::ApiError;

    async fn wait(result: Result<(), ApiError>) -> Option<u64> {
        match result {
            Ok(()) => None,
            Err(ApiError::TooManyRequests(seconds)) => Some(seconds),
            Err(other) => panic!("{other:?}"),
        }
    }

    #[tokio::test]
    async fn allows_a_burst_then_one_request_per_interval() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&Database::Sqlite(dir.path().join("limits.sqlite3")), 1).await.unwrap();
        let mut connection = db.acquire().await.unwrap();
        let (limit, key) = (RateLimit::new("test", 2, 60), db.key().to_vec());
        let mut hit = async |part: &str, now: i64| wait(limit.hit(&mut connection, &key, &[part], now).await).await;
        assert_eq!(hit("a", 0).await, None);
        assert_eq!(hit("a", 10).await, None);
        assert_eq!(hit("a", 20).await, Some(10), "one back every 30 s");
        assert_eq!(hit("b", 20).await, None, "keys are counted apart");
        assert_eq!(hit("a", 30).await, None);
        assert_eq!(hit("a", 31).await, Some(29));
        limit.forget(&mut connection, &key, &["a"]).await.unwrap();
        assert_eq!(wait(limit.hit(&mut connection, &key, &["a"], 31).await).await, None);
    }
}
