//! Request rates per key (a client address, or an address with an email address), kept in
//! memory and bounded whatever the traffic.
//!
//! Each key holds one number, the generic cell rate algorithm's "theoretical arrival time": a
//! key may spend `max` requests at once, and gets one back every `window / max`. Keys are
//! stored as keyed 64-bit hashes, so a long key costs no more than a short one, and a key that
//! has earned everything back is forgotten. At `capacity` keys, the ones nearest to being
//! forgotten make room: the table never grows past it.

use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash};
use std::sync::Mutex;

pub struct RateLimiter {
    /// Milliseconds between two requests once the burst is spent.
    interval: i64,
    /// How far ahead of now a key's arrival time may run: the burst.
    tolerance: i64,
    capacity: usize,
    hasher: RandomState,
    arrivals: Mutex<HashMap<u64, i64>>,
}

impl RateLimiter {
    /// `max` requests per `window_seconds`, for at most `capacity` keys at once.
    pub fn new(max: u32, window_seconds: i64, capacity: usize) -> Self {
        let interval = (window_seconds * 1000 / i64::from(max.max(1))).max(1);
        Self {
            interval,
            tolerance: window_seconds * 1000 - interval,
            capacity: capacity.max(1),
            hasher: RandomState::new(),
            arrivals: Mutex::new(HashMap::new()),
        }
    }

    /// Counts a request for `key` at `now` (seconds); `Err(seconds)` to wait when over the limit.
    pub fn hit(&self, key: impl Hash, now: i64) -> Result<(), u64> {
        let (key, now) = (self.hasher.hash_one(key), now * 1000);
        let mut arrivals = self.arrivals.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let arrival = arrivals.get(&key).copied().unwrap_or(now).max(now);
        let ahead = arrival - now;
        if ahead > self.tolerance {
            return Err(((ahead - self.tolerance + 999) / 1000) as u64);
        }
        if !arrivals.contains_key(&key) && arrivals.len() >= self.capacity {
            make_room(&mut arrivals, now, self.capacity);
        }
        arrivals.insert(key, arrival + self.interval);
        Ok(())
    }

    /// Forgets `key`, as after a successful sign-in.
    pub fn forget(&self, key: impl Hash) {
        let key = self.hasher.hash_one(key);
        self.arrivals.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).remove(&key);
    }

    pub fn len(&self) -> usize {
        self.arrivals.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Drops every key that has earned all its requests back; if none has, the one closest to it.
fn make_room(arrivals: &mut HashMap<u64, i64>, now: i64, capacity: usize) {
    arrivals.retain(|_, arrival| *arrival > now);
    if arrivals.len() >= capacity {
        if let Some(soonest) = arrivals.iter().min_by_key(|(_, arrival)| **arrival).map(|(key, _)| *key) {
            arrivals.remove(&soonest);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RateLimiter;

    #[test]
    fn allows_a_burst_then_one_request_per_interval() {
        let limiter = RateLimiter::new(2, 60, 100);
        assert!(limiter.hit("a", 0).is_ok());
        assert!(limiter.hit("a", 10).is_ok());
        assert_eq!(limiter.hit("a", 20), Err(10), "one back every 30 s");
        assert!(limiter.hit("b", 20).is_ok(), "keys are counted apart");
        assert!(limiter.hit("a", 30).is_ok());
        assert_eq!(limiter.hit("a", 31), Err(29));
        limiter.forget("a");
        assert!(limiter.hit("a", 31).is_ok());
    }

    #[test]
    fn stays_within_its_capacity_for_any_number_of_keys() {
        let limiter = RateLimiter::new(10, 900, 1000);
        let long = "x".repeat(16_000);
        for i in 0..5_000 {
            let _ = limiter.hit((i, &long), i64::from(i) / 100);
            assert!(limiter.len() <= 1000);
        }
    }

    #[test]
    fn forgets_keys_that_earned_everything_back() {
        let limiter = RateLimiter::new(10, 60, 3);
        for key in ["a", "b", "c"] {
            limiter.hit(key, 0).unwrap();
        }
        // Six seconds later each key is whole again: a new key makes every one of them go.
        limiter.hit("d", 6).unwrap();
        assert_eq!(limiter.len(), 1);
    }

    #[test]
    fn a_full_table_of_busy_keys_still_limits_the_busiest() {
        let limiter = RateLimiter::new(2, 60, 2);
        limiter.hit("busy", 0).unwrap();
        limiter.hit("busy", 0).unwrap();
        limiter.hit("other", 0).unwrap();
        limiter.hit("new", 0).unwrap();
        assert_eq!(limiter.hit("busy", 1), Err(29), "the busiest key is kept");
    }
}
