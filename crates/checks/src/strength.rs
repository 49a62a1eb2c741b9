//! Password strength: the estimate's shape (shared by the browser, its estimator worker and the
//! server) and, with the `strength` feature, the zxcvbn estimate itself.
//!
//! A password that keeps the rule can still be easy to guess ("Password123!"); a score below
//! [`MIN_SCORE`] is refused with zxcvbn's reason.

use serde::{Deserialize, Serialize};

/// zxcvbn scores 0 to 4; 3 means "safely unguessable: moderate protection from offline attacks".
pub const MIN_SCORE: u8 = 3;

/// What the browser asks the estimator worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrengthRequest {
    pub id: u32,
    pub password: String,
    pub user_inputs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Strength {
    /// 0 (guessable in 1,000 tries) to 4 (more than 10^10 tries).
    pub score: u8,
    pub warning: Option<String>,
    pub suggestions: Vec<String>,
}

/// What the estimator worker answers: first `Ready`, then one `Estimate` per request.
/// Externally tagged (`"ready"`, `{"estimate": {…}}`): an internally tagged enum would make
/// serde buffer each message, and carry the code for it in the app's first bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EstimatorMessage {
    Ready,
    Estimate { id: u32, strength: Strength },
}

impl Strength {
    /// "Very weak" … "Very strong", for the meter's text.
    pub fn label(&self) -> &'static str {
        match self.score {
            0 => "Very weak",
            1 => "Weak",
            2 => "Fair",
            3 => "Strong",
            _ => "Very strong",
        }
    }

    pub fn is_strong_enough(&self) -> bool {
        self.score >= MIN_SCORE
    }

    /// The refusal for a password that is too easy to guess, with zxcvbn's reason in plain words.
    pub fn weakness_error(&self) -> Option<String> {
        if self.is_strong_enough() {
            return None;
        }
        let mut message = String::from("Password is too easy to guess.");
        for advice in self.warning.iter().chain(self.suggestions.iter()) {
            message.push(' ');
            message.push_str(advice.trim());
            if !advice.trim_end().ends_with(['.', '!', '?']) {
                message.push('.');
            }
        }
        Some(message)
    }
}

/// What a guesser knows about the visitor: the email's local part and its pieces
/// ("alice.smith1990" gives "alice", "smith", "1990" and "alice.smith1990").
pub fn user_inputs_from_email(email: &str) -> Vec<String> {
    let local = email.trim().split('@').next().unwrap_or_default().to_lowercase();
    if local.is_empty() {
        return Vec::new();
    }
    let mut inputs = vec![local.clone()];
    let mut push = |piece: &str| {
        if piece.chars().count() >= 2 && !inputs.iter().any(|known| known == piece) {
            inputs.push(piece.to_owned());
        }
    };
    for token in local.split(|c: char| !c.is_alphanumeric()) {
        push(token);
        let letters: String = token.chars().filter(|c| c.is_alphabetic()).collect();
        let digits: String = token.chars().filter(|c| c.is_ascii_digit()).collect();
        push(&letters);
        push(&digits);
    }
    inputs
}

#[cfg(feature = "strength")]
pub fn estimate(password: &str, user_inputs: &[String]) -> Strength {
    let inputs: Vec<&str> = user_inputs.iter().map(String::as_str).collect();
    let entropy = zxcvbn::zxcvbn(password, &inputs);
    let feedback = entropy.feedback();
    Strength {
        score: u8::from(entropy.score()),
        warning: feedback.and_then(|f| f.warning()).map(|w| w.to_string()),
        suggestions: feedback.map(|f| f.suggestions().iter().map(ToString::to_string).collect()).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_email_gives_the_guesser_its_local_part_and_pieces() {
        assert_eq!(
            user_inputs_from_email("Alice.Smith1990@example.com"),
            ["alice.smith1990", "alice", "smith1990", "smith", "1990"]
        );
        assert!(user_inputs_from_email("").is_empty());
    }

    #[test]
    fn a_weak_estimate_is_refused_with_its_reasons() {
        let weak = Strength {
            score: 1,
            warning: Some("This is similar to a commonly used password".into()),
            suggestions: vec!["Add another word or two.".into()],
        };
        assert_eq!(
            weak.weakness_error().unwrap(),
            "Password is too easy to guess. This is similar to a commonly used password. Add another word or two."
        );
        assert_eq!(Strength { score: 3, warning: None, suggestions: vec![] }.weakness_error(), None);
    }

    #[cfg(feature = "strength")]
    #[test]
    fn zxcvbn_finds_rule_keeping_passwords_that_are_easy_to_guess() {
        assert!(estimate("Password123!", &[]).score < MIN_SCORE);
        let inputs = user_inputs_from_email("alice.smith@example.com");
        assert!(estimate("alice.smith1990", &inputs).score < MIN_SCORE);
        assert!(estimate("Vq7#t!mZ2@pL9w", &inputs).score >= MIN_SCORE);
    }
}
