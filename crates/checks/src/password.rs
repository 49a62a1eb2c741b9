//! The site's password rule — "at least 12 characters long, no spaces, include upper/lowercase
//! letters, numbers and symbols" — made precise: characters are Unicode scalar values, "space"
//! is any white space, letters of any script count, and a symbol is anything that is not a
//! letter, a digit or white space (emoji included). What was typed is never trimmed or changed.

use crate::strength::Strength;

pub const MIN_LENGTH: usize = 12;
pub const MISSING: &str = "Enter a password";
pub const MISSING_CURRENT: &str = "Enter your password";

/// One rule of the checklist; `id` is the `data-rule` the page shows it with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Length,
    NoSpaces,
    Uppercase,
    Lowercase,
    Digit,
    Symbol,
}

impl Rule {
    pub const ALL: [Rule; 6] =
        [Rule::Length, Rule::NoSpaces, Rule::Uppercase, Rule::Lowercase, Rule::Digit, Rule::Symbol];

    pub fn id(self) -> &'static str {
        match self {
            Rule::Length => "length",
            Rule::NoSpaces => "no-spaces",
            Rule::Uppercase => "uppercase",
            Rule::Lowercase => "lowercase",
            Rule::Digit => "digit",
            Rule::Symbol => "symbol",
        }
    }

    /// The checklist's wording.
    pub fn label(self) -> &'static str {
        match self {
            Rule::Length => "At least 12 characters",
            Rule::NoSpaces => "No spaces",
            Rule::Uppercase => "An uppercase letter",
            Rule::Lowercase => "A lowercase letter",
            Rule::Digit => "A number",
            Rule::Symbol => "A symbol, like ! ? # or %",
        }
    }

    /// How the rule reads in an error message, after "Password must".
    fn requirement(self) -> &'static str {
        match self {
            Rule::Length => "be at least 12 characters long",
            Rule::NoSpaces => "not contain spaces",
            Rule::Uppercase => "include an uppercase letter",
            Rule::Lowercase => "include a lowercase letter",
            Rule::Digit => "include a number",
            Rule::Symbol => "include a symbol",
        }
    }

    pub fn is_met(self, password: &str) -> bool {
        match self {
            Rule::Length => password.chars().count() >= MIN_LENGTH,
            Rule::NoSpaces => !password.chars().any(char::is_whitespace),
            Rule::Uppercase => password.chars().any(char::is_uppercase),
            Rule::Lowercase => password.chars().any(char::is_lowercase),
            Rule::Digit => password.chars().any(|c| c.is_ascii_digit()),
            Rule::Symbol => password.chars().any(|c| !c.is_alphanumeric() && !c.is_whitespace()),
        }
    }
}

/// Each rule and whether the password meets it, in checklist order.
pub fn checklist(password: &str) -> [(Rule, bool); 6] {
    Rule::ALL.map(|rule| (rule, rule.is_met(password)))
}

/// The message for a password that breaks the rule, naming what is missing; `None` when it
/// keeps the rule.
pub fn rule_error(password: &str) -> Option<String> {
    if password.is_empty() {
        return Some(MISSING.to_owned());
    }
    let unmet: Vec<&str> =
        checklist(password).iter().filter(|(_, met)| !met).map(|(rule, _)| rule.requirement()).collect();
    match unmet.as_slice() {
        [] => None,
        [one] => Some(format!("Password must {one}")),
        [rest @ .., last] => Some(format!("Password must {}, and {last}", rest.join(", "))),
    }
}

/// What is wrong with a new password for the account `email`: the rule first, then whether it
/// is made of [context words](crate::context), then, once its estimate is known, its strength.
/// `None` when it may be chosen.
pub fn new_password_error(password: &str, email: &str, strength: Option<&Strength>) -> Option<String> {
    rule_error(password)
        .or_else(|| crate::context::context_error(password, email).map(str::to_owned))
        .or_else(|| strength.and_then(Strength::weakness_error))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unmet(password: &str) -> Vec<&'static str> {
        checklist(password).iter().filter(|(_, met)| !met).map(|(rule, _)| rule.id()).collect()
    }

    #[test]
    fn eleven_characters_are_too_few_and_twelve_are_enough() {
        assert_eq!(unmet("Abcdefgh1!x"), ["length"]);
        assert!(unmet("Abcdefgh1!xy").is_empty());
    }

    #[test]
    fn length_counts_characters_not_bytes_or_utf16_units() {
        // 11 characters, 13+ bytes and 12 UTF-16 units: still too short.
        let emoji = "Aé1!bcdefg😀";
        assert_eq!(emoji.chars().count(), 11);
        assert!(emoji.len() > 12 && emoji.encode_utf16().count() == 12);
        assert_eq!(unmet(emoji), ["length"]);
        assert!(unmet("Aé1!bcdefg😀x").is_empty());
    }

    #[test]
    fn any_white_space_is_a_space() {
        for space in [' ', '\t', '\u{a0}', '\u{2003}', '\n'] {
            assert_eq!(unmet(&format!("Abcdefgh1!x{space}y")), ["no-spaces"], "{space:?}");
        }
    }

    #[test]
    fn letters_of_any_script_count_for_case() {
        assert!(unmet("ÉCOLE-école-12").is_empty());
        assert_eq!(unmet("école-école-12"), ["uppercase"]);
        assert_eq!(unmet("ÉCOLE-ÉCOLE-12"), ["lowercase"]);
    }

    #[test]
    fn emoji_and_punctuation_are_symbols_but_letters_and_digits_are_not() {
        assert!(unmet("Abcdefghij1😀").is_empty());
        assert_eq!(unmet("Abcdefghij12"), ["symbol"]);
        assert_eq!(unmet("Abcdefghij!!"), ["digit"]);
    }

    #[test]
    fn long_passwords_are_accepted_unchanged() {
        let long = "Ab1!".repeat(40);
        assert_eq!(long.chars().count(), 160);
        assert_eq!(rule_error(&long), None);
        assert_eq!(rule_error("  Abcdefgh1!x  "), Some("Password must not contain spaces".into()));
    }

    #[test]
    fn the_message_names_what_is_missing() {
        assert_eq!(rule_error(""), Some(MISSING.into()));
        assert_eq!(rule_error("abc"), Some("Password must be at least 12 characters long, include an uppercase letter, include a number, and include a symbol".into()));
        assert_eq!(rule_error("abcdefghijk!1"), Some("Password must include an uppercase letter".into()));
    }
}
