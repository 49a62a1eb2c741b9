//! What every handler shares: the database, the settings, the clock, the hashing workers and
//! the rate limits (kept in the database, so that every instance counts alike).

use std::sync::Arc;

use crate::client_ip::ClientIp;
use crate::clock::Clock;
use crate::config::Config;
use crate::db::Db;
use crate::error::ApiError;
use crate::hashing::Hasher;
use crate::rate_limit::RateLimit;

/// Sign-in from one client for one address: 10 tries, then one more every 90 s.
pub const SIGN_IN_TRIES: u32 = 10;
pub const SIGN_IN_WINDOW_SECONDS: i64 = 15 * 60;

#[derive(Clone)]
pub struct AppState(pub Arc<Inner>);

pub struct Inner {
    pub db: Db,
    pub config: Config,
    pub clock: Arc<dyn Clock>,
    pub hasher: Hasher,
    /// Per client address, on every endpoint that takes an email address.
    by_client: RateLimit,
    /// Per client address and email address, on sign-in: a guesser at one address never
    /// stops the owner signing in from another.
    sign_in_by_client: RateLimit,
}

impl AppState {
    pub async fn open(config: Config, clock: Arc<dyn Clock>) -> Result<Self, String> {
        let db = Db::open(&config.database, config.pool_size).await?;
        let hasher = Hasher::start(config.hashing);
        let by_client = RateLimit::new("client", config.ip_limit_per_minute, 60);
        let sign_in_by_client = RateLimit::new("sign-in", SIGN_IN_TRIES, SIGN_IN_WINDOW_SECONDS);
        Ok(Self(Arc::new(Inner { db, config, clock, hasher, by_client, sign_in_by_client })))
    }

    pub fn now(&self) -> i64 {
        self.0.clock.now()
    }

    /// Counts a request from `client`; 429 when it is over `NATO_API_IP_LIMIT`.
    pub async fn limit_client(&self, client: ClientIp) -> Result<(), ApiError> {
        let db = &self.0.db;
        let client = client.limit_key().to_string();
        self.0.by_client.hit(&mut *db.acquire().await?, db.key(), &[&client], self.now()).await
    }

    /// Counts a sign-in try from `client` for `email`; 429 when over the limit.
    pub async fn limit_sign_in(&self, client: ClientIp, email: &str) -> Result<(), ApiError> {
        let db = &self.0.db;
        let client = client.limit_key().to_string();
        self.0.sign_in_by_client.hit(&mut *db.acquire().await?, db.key(), &[&client, email], self.now()).await
    }

    /// After a successful sign-in, the client starts afresh for that address.
    pub async fn forgive_sign_in(&self, client: ClientIp, email: &str) -> Result<(), ApiError> {
        let db = &self.0.db;
        let client = client.limit_key().to_string();
        self.0.sign_in_by_client.forget(&mut *db.acquire().await?, db.key(), &[&client, email]).await
    }
}
