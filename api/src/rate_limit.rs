//! Sliding-window limits per key (an IP address or an email address) for sign-in and the code
//! endpoints, kept in memory: a restart forgives, which is fine for a reference server.

use std::collections::HashMap;
use std::sync::Mutex;

pub struct RateLimiter {
    window_seconds: i64,
    max: usize,
    hits: Mutex<HashMap<String, Vec<i64>>>,
}

impl RateLimiter {
    pub fn new(max: usize, window_seconds: i64) -> Self {
        Self { window_seconds, max, hits: Mutex::new(HashMap::new()) }
    }

    /// Records a hit for `key` at `now`; `Err(seconds)` to wait when over the limit.
    pub fn hit(&self, key: &str, now: i64) -> Result<(), u64> {
        let mut hits = self.hits.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let times = hits.entry(key.to_owned()).or_default();
        times.retain(|&at| at > now - self.window_seconds);
        if times.len() >= self.max {
            let oldest = times.first().copied().unwrap_or(now);
            return Err((oldest + self.window_seconds - now).max(1) as u64);
        }
        times.push(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::RateLimiter;

    #[test]
    fn allows_up_to_the_limit_in_the_window() {
        let limiter = RateLimiter::new(2, 60);
        assert!(limiter.hit("a", 0).is_ok());
        assert!(limiter.hit("a", 10).is_ok());
        assert_eq!(limiter.hit("a", 20), Err(40));
        assert!(limiter.hit("b", 20).is_ok());
        assert!(limiter.hit("a", 61).is_ok());
    }
}
