//! "Too many attempts": the server's 429 answers and the browser's message for them say how
//! long to wait the same way, in the largest unit that fits ("Wait 40 seconds", "Wait
//! 3 hours"): a daily limit is not told in seconds.

/// The sentence for a refusal that ends in `seconds`, when known.
pub fn too_many_attempts(seconds: Option<u64>) -> String {
    let wait = match seconds {
        None => "a minute".to_owned(),
        Some(seconds) => {
            let (amount, unit) = match seconds {
                0..=90 => (seconds.max(1), "second"),
                91..=5_400 => (seconds.div_ceil(60), "minute"),
                _ => (seconds.div_ceil(3_600), "hour"),
            };
            format!("{amount} {unit}{}", if amount == 1 { "" } else { "s" })
        }
    };
    format!("Too many attempts. Wait {wait}, then try again.")
}

#[cfg(test)]
mod tests {
    use super::too_many_attempts;

    #[test]
    fn says_the_wait_in_the_largest_unit_that_fits() {
        assert_eq!(too_many_attempts(Some(40)), "Too many attempts. Wait 40 seconds, then try again.");
        assert_eq!(too_many_attempts(Some(1)), "Too many attempts. Wait 1 second, then try again.");
        assert_eq!(too_many_attempts(Some(0)), "Too many attempts. Wait 1 second, then try again.");
        assert_eq!(too_many_attempts(Some(600)), "Too many attempts. Wait 10 minutes, then try again.");
        assert_eq!(too_many_attempts(Some(86_000)), "Too many attempts. Wait 24 hours, then try again.");
        assert_eq!(too_many_attempts(None), "Too many attempts. Wait a minute, then try again.");
    }
}
