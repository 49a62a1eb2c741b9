//! What every handler shares: the database, the settings, the clock, the hashing workers and
//! the in-memory rate limits.

use std::net::IpAddr;
use std::sync::Arc;

use crate::client_ip::ClientIp;
use crate::clock::Clock;
use crate::config::Config;
use crate::db::Db;
use crate::error::ApiError;
use crate::hashing::Hasher;
use crate::rate_limit::RateLimiter;

/// Keys each in-memory limiter holds at most (16 bytes each).
const LIMITER_CAPACITY: usize = 100_000;
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
    by_client: RateLimiter,
    /// Per client address and email address, on sign-in: a guesser at one address never
    /// stops the owner signing in from another.
    sign_in_by_client: RateLimiter,
}

impl AppState {
    pub fn open(config: Config, clock: Arc<dyn Clock>) -> Result<Self, String> {
        let db = Db::open(&config.database)?;
        let hasher = Hasher::start(config.hashing);
        let by_client = RateLimiter::new(config.ip_limit_per_minute, 60, LIMITER_CAPACITY);
        let sign_in_by_client = RateLimiter::new(SIGN_IN_TRIES, SIGN_IN_WINDOW_SECONDS, LIMITER_CAPACITY);
        Ok(Self(Arc::new(Inner { db, config, clock, hasher, by_client, sign_in_by_client })))
    }

    pub fn now(&self) -> i64 {
        self.0.clock.now()
    }

    /// Counts a request from `client`; 429 when it is over `NATO_API_IP_LIMIT`.
    pub fn limit_client(&self, client: ClientIp) -> Result<(), ApiError> {
        self.0.by_client.hit(client.limit_key(), self.now()).map_err(ApiError::TooManyRequests)
    }

    /// Counts a sign-in try from `client` for `email`; 429 when over the limit.
    pub fn limit_sign_in(&self, client: ClientIp, email: &str) -> Result<(), ApiError> {
        self.0.sign_in_by_client.hit(sign_in_key(client, email), self.now()).map_err(ApiError::TooManyRequests)
    }

    /// After a successful sign-in, the client starts afresh for that address.
    pub fn forgive_sign_in(&self, client: ClientIp, email: &str) {
        self.0.sign_in_by_client.forget(sign_in_key(client, email));
    }
}

fn sign_in_key(client: ClientIp, email: &str) -> (IpAddr, &str) {
    (client.limit_key(), email)
}
