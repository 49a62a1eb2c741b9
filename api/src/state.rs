//! What every handler shares: the database, the settings, the clock and the rate limiters.

use std::sync::Arc;

use crate::clock::Clock;
use crate::config::Config;
use crate::db::Db;
use crate::rate_limit::RateLimiter;

#[derive(Clone)]
pub struct AppState(pub Arc<Inner>);

pub struct Inner {
    pub db: Db,
    pub config: Config,
    pub clock: Arc<dyn Clock>,
    /// Per IP, on sign-in and the code endpoints.
    pub by_ip: RateLimiter,
    /// Per address, on sign-in: 10 tries in 15 minutes.
    pub sign_in_by_address: RateLimiter,
}

impl AppState {
    pub fn open(config: Config, clock: Arc<dyn Clock>) -> Result<Self, String> {
        let db = Db::open(&config.database)?;
        let by_ip = RateLimiter::new(config.ip_limit_per_minute as usize, 60);
        Ok(Self(Arc::new(Inner { db, config, clock, by_ip, sign_in_by_address: RateLimiter::new(10, 15 * 60) })))
    }

    pub fn now(&self) -> i64 {
        self.0.clock.now()
    }
}
