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

/// zxcvbn's estimate, given what a guesser knows (`user_inputs`, the
/// [context words](crate::context::context_words)); a password made of those words is at best
/// "Weak", with the reason, whatever zxcvbn makes of it.
#[cfg(feature = "strength")]
pub fn estimate(password: &str, user_inputs: &[String]) -> Strength {
    let inputs: Vec<&str> = user_inputs.iter().map(String::as_str).collect();
    let entropy = zxcvbn::zxcvbn(password, &inputs);
    let feedback = entropy.feedback();
    let strength = Strength {
        score: u8::from(entropy.score()),
        warning: feedback.and_then(|f| f.warning()).map(|w| w.to_string()),
        suggestions: feedback.map(|f| f.suggestions().iter().map(ToString::to_string).collect()).unwrap_or_default(),
    };
    if crate::context::is_made_of(password, user_inputs) {
        let score = strength.score.min(1);
        return Strength { score, warning: Some(format!("{}.", crate::context::MESSAGE)), suggestions: Vec::new() };
    }
    strength
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(feature = "strength")]
    use crate::context::{context_words, MESSAGE};

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
        let inputs = context_words("alice.smith@example.com");
        assert!(estimate("alice.smith1990", &inputs).score < MIN_SCORE);
        assert!(estimate("Vq7#t!mZ2@pL9w", &inputs).score >= MIN_SCORE);
    }

    #[cfg(feature = "strength")]
    #[test]
    fn a_password_of_context_words_is_weak_with_the_reason() {
        let inputs = context_words("alice@example.org");
        for password in ["NatoGeorgia2025!", "Example.org2025!", "SouthOssetia2008!", "Abkhazia#2008!"] {
            assert!(estimate(password, &[]).score >= MIN_SCORE, "{password} fools zxcvbn alone");
            let strength = estimate(password, &inputs);
            assert!(strength.score < MIN_SCORE, "{password}");
            assert_eq!(strength.warning.as_deref(), Some(format!("{MESSAGE}.").as_str()));
        }
    }
}
