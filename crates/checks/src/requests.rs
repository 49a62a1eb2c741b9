//! What each form sends, one type per endpoint of the API. The browser builds these and sends
//! them; the API reads the same types (unknown fields refused) and runs the same
//! [`ApiRequest::validate`]. So a field renamed, or a rule changed, is one edit here, and a
//! browser and a server that disagree do not compile.
//!
//! No type here is `Debug`: several carry a password.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::strength::Strength;
use crate::{code, email, password, FieldError};

/// The fields' names, as sent and as the forms' errors name them.
pub mod field {
    pub const EMAIL: &str = "email";
    pub const PASSWORD: &str = "password";
    pub const CODE: &str = "code";
    pub const CONSENT: &str = "consent";
}

pub const CONSENT_MISSING: &str = "Select “I agree” to subscribe to the newsletter";

pub trait ApiRequest: Serialize + DeserializeOwned {
    /// Where it is sent, below the API's base (`/api`).
    const PATH: &'static str;

    /// What the checks find wrong, field by field; empty when it may be sent. `strength` is the
    /// estimate of a new password the request chooses, when it is known (the browser's
    /// estimator answers after a moment; the server always has it).
    fn validate(&self, strength: Option<&Strength>) -> Vec<FieldError>;

    /// The new password this request chooses, with the email address a guesser would know.
    fn new_password(&self) -> Option<(&str, &str)> {
        None
    }

    /// [`validate`](Self::validate) with the password's strength estimated here: the server's
    /// check. The estimate runs only for a password that keeps the rule.
    #[cfg(feature = "strength")]
    fn validate_with_estimate(&self) -> Vec<FieldError> {
        let estimate = self
            .new_password()
            .filter(|(password, _)| password::rule_error(password).is_none())
            .map(|(password, email)| crate::strength::estimate(password, &crate::context::context_words(email)));
        self.validate(estimate.as_ref())
    }
}

/// Collects the problems of a request's fields.
struct Problems(Vec<FieldError>);

impl Problems {
    fn email(mut self, input: &str) -> Self {
        if let Err(message) = email::validate_email(input) {
            self.0.push(FieldError::new(field::EMAIL, message));
        }
        self
    }

    fn code(mut self, input: &str) -> Self {
        if let Err(message) = code::normalize_code(input) {
            self.0.push(FieldError::new(field::CODE, message));
        }
        self
    }

    fn new_password(mut self, input: &str, email: &str, strength: Option<&Strength>) -> Self {
        if let Some(message) = password::new_password_error(input, email, strength) {
            self.0.push(FieldError::new(field::PASSWORD, message));
        }
        self
    }

    fn when(mut self, wrong: bool, field: &str, message: &str) -> Self {
        if wrong {
            self.0.push(FieldError::new(field, message));
        }
        self
    }
}

fn check() -> Problems {
    Problems(Vec::new())
}

/// `POST /newsletter/subscriptions`
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subscribe {
    pub email: String,
    pub consent: bool,
}

impl ApiRequest for Subscribe {
    const PATH: &'static str = "/newsletter/subscriptions";

    fn validate(&self, _: Option<&Strength>) -> Vec<FieldError> {
        check().email(&self.email).when(!self.consent, field::CONSENT, CONSENT_MISSING).0
    }
}

/// `POST /accounts`: a registration attempt.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateAccount {
    pub email: String,
    pub password: String,
    #[serde(default)]
    pub newsletter: bool,
}

impl ApiRequest for CreateAccount {
    const PATH: &'static str = "/accounts";

    fn validate(&self, strength: Option<&Strength>) -> Vec<FieldError> {
        check().email(&self.email).new_password(&self.password, &self.email, strength).0
    }

    fn new_password(&self) -> Option<(&str, &str)> {
        Some((&self.password, &self.email))
    }
}

/// `POST /accounts/verify`: the emailed code, from the browser that made the attempt.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfirmAccount {
    pub email: String,
    pub code: String,
}

impl ApiRequest for ConfirmAccount {
    const PATH: &'static str = "/accounts/verify";

    fn validate(&self, _: Option<&Strength>) -> Vec<FieldError> {
        check().email(&self.email).code(&self.code).0
    }
}

/// `POST /sessions`
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    pub email: String,
    pub password: String,
}

impl ApiRequest for SignIn {
    const PATH: &'static str = "/sessions";

    fn validate(&self, _: Option<&Strength>) -> Vec<FieldError> {
        check().email(&self.email).when(self.password.is_empty(), field::PASSWORD, password::MISSING_CURRENT).0
    }
}

/// `POST /password-resets`: ask for a code.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestReset {
    pub email: String,
}

impl ApiRequest for RequestReset {
    const PATH: &'static str = "/password-resets";

    fn validate(&self, _: Option<&Strength>) -> Vec<FieldError> {
        check().email(&self.email).0
    }
}

/// `POST /password-resets/verify`: is the code right? (It stays valid for completing.)
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfirmReset {
    pub email: String,
    pub code: String,
}

impl ApiRequest for ConfirmReset {
    const PATH: &'static str = "/password-resets/verify";

    fn validate(&self, _: Option<&Strength>) -> Vec<FieldError> {
        check().email(&self.email).code(&self.code).0
    }
}

/// `POST /password-resets/complete`: the code and the new password.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompleteReset {
    pub email: String,
    pub code: String,
    pub password: String,
}

impl ApiRequest for CompleteReset {
    const PATH: &'static str = "/password-resets/complete";

    fn validate(&self, strength: Option<&Strength>) -> Vec<FieldError> {
        check().email(&self.email).code(&self.code).new_password(&self.password, &self.email, strength).0
    }

    fn new_password(&self) -> Option<(&str, &str)> {
        Some((&self.password, &self.email))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    /// The JSON keys a request is sent with.
    fn keys(request: &impl Serialize) -> Vec<String> {
        match serde_json::to_value(request).unwrap() {
            serde_json::Value::Object(map) => map.keys().cloned().collect(),
            other => panic!("not an object: {other}"),
        }
    }

    #[test]
    fn every_field_is_sent_under_the_name_its_errors_use() {
        let names = [field::EMAIL, field::PASSWORD, field::CODE, field::CONSENT, "newsletter"];
        let (e, p, c) = (String::new, String::new, String::new);
        let sent = [
            keys(&Subscribe { email: e(), consent: false }),
            keys(&CreateAccount { email: e(), password: p(), newsletter: false }),
            keys(&ConfirmAccount { email: e(), code: c() }),
            keys(&SignIn { email: e(), password: p() }),
            keys(&RequestReset { email: e() }),
            keys(&ConfirmReset { email: e(), code: c() }),
            keys(&CompleteReset { email: e(), code: c(), password: p() }),
        ];
        for key in sent.iter().flatten() {
            assert!(names.contains(&key.as_str()), "{key}");
        }
    }

    #[test]
    fn each_request_checks_its_own_fields() {
        let subscribe = Subscribe { email: "nope".into(), consent: false };
        assert_eq!(fields(subscribe.validate(None)), ["email", "consent"]);
        assert_eq!(subscribe.validate(None)[1].message, CONSENT_MISSING);
        let sign_in = SignIn { email: "a@example.org".into(), password: String::new() };
        assert_eq!(sign_in.validate(None)[0].message, password::MISSING_CURRENT);
        let confirm = ConfirmAccount { email: "a@example.org".into(), code: "12 34 56".into() };
        assert!(confirm.validate(None).is_empty());
        let complete = CompleteReset { email: "a@example.org".into(), code: "1".into(), password: "short".into() };
        assert_eq!(fields(complete.validate(None)), ["code", "password"]);
    }

    #[test]
    fn a_new_password_is_refused_for_the_rule_first_then_for_its_strength() {
        let weak = Strength { score: 1, warning: None, suggestions: vec![] };
        let create = CreateAccount { email: "a@example.org".into(), password: "Ab1!".into(), newsletter: false };
        assert!(create.validate(Some(&weak))[0].message.starts_with("Password must be at least 12"));
        let create = CreateAccount { password: "Password123!".into(), ..create };
        assert!(create.validate(None).is_empty(), "without an estimate, the rule alone");
        assert!(create.validate(Some(&weak))[0].message.starts_with("Password is too easy to guess."));
    }

    #[test]
    fn a_new_password_of_context_words_is_refused_before_any_estimate() {
        let create =
            CreateAccount { email: "alice@example.org".into(), password: "Example.org2025!".into(), newsletter: false };
        assert_eq!(create.validate(None)[0].message, crate::context::MESSAGE);
        let reset = CompleteReset {
            email: "bob@example.org".into(),
            code: "123456".into(),
            password: "N4to-Ge0rgia-2024".into(),
        };
        assert_eq!(reset.validate(None)[0].message, crate::context::MESSAGE);
    }

    #[test]
    fn unknown_fields_are_refused() {
        assert!(serde_json::from_str::<RequestReset>(r#"{"email": "a@example.org", "admin": true}"#).is_err());
        let created: CreateAccount = serde_json::from_str(r#"{"email": "a@example.org", "password": "x"}"#).unwrap();
        assert!(!created.newsletter, "newsletter is optional");
    }

    #[cfg(feature = "strength")]
    #[test]
    fn the_server_estimates_the_strength_itself() {
        let create =
            CreateAccount { email: "a@example.org".into(), password: "Password123!".into(), newsletter: false };
        assert!(create.validate_with_estimate()[0].message.starts_with("Password is too easy to guess."));
        let strong = CreateAccount { password: "Vq7#t!mZ2@pL9w-Kutaisi".into(), ..create };
        assert!(strong.validate_with_estimate().is_empty());
    }
}
