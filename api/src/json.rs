//! The JSON body of a request: read within the body time limit and the size limit, then
//! turned into the endpoint's request type. A refusal says what is wrong in the API's own
//! words — which field is missing, has the wrong type, is not taken, or is given twice — and
//! never repeats what was sent (serde's messages quote the input).
//!
//! A key given twice in an object, at any depth, is refused: JSON parsers disagree on which
//! one counts (serde keeps the last, others the first), so a proxy, a log or a firewall in front
//! could read another request than the API.

use std::cell::{Cell, RefCell};
use std::collections::HashSet;

use axum::extract::{FromRequest, Request};
use axum::http::{header, StatusCode};
use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use crate::error::ApiError;
use crate::state::AppState;

/// Request bodies larger than this are refused (413) as soon as they pass it.
pub const BODY_LIMIT: usize = 16 * 1024;

pub struct Body<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, ApiError> {
        let is_json = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split(';').next())
            .is_some_and(|essence| {
                let essence = essence.trim().to_ascii_lowercase();
                essence == "application/json" || (essence.starts_with("application/") && essence.ends_with("+json"))
            });
        if !is_json {
            return Err(ApiError::Status(StatusCode::UNSUPPORTED_MEDIA_TYPE));
        }
        let reading = axum::body::to_bytes(request.into_body(), BODY_LIMIT);
        let bytes = match tokio::time::timeout(state.0.config.timeouts.body, reading).await {
            Err(_) => return Err(ApiError::Status(StatusCode::REQUEST_TIMEOUT)),
            Ok(Err(_)) => return Err(ApiError::Status(StatusCode::PAYLOAD_TOO_LARGE)),
            Ok(Ok(bytes)) => bytes,
        };
        parse(&bytes).map(Body)
    }
}

/// The request type from JSON text, or a 400 that names the problem.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let refuse = |message: String| Err(ApiError::BadRequest(message));
    let Ok(value) = serde_json::from_slice::<Value>(bytes) else {
        return refuse("The request body is not valid JSON.".into());
    };
    let fields = field_names::<T>();
    if let Some(key) = repeated_key(bytes) {
        return refuse(match fields.iter().find(|field| **field == key) {
            Some(field) => format!("The field “{field}” is given more than once."),
            None => "The request gives a field more than once.".into(),
        });
    }
    let Value::Object(object) = &value else {
        return refuse(format!("Send a JSON object with the fields {}.", quoted(fields)));
    };
    if object.keys().any(|key| !fields.contains(&key.as_str())) {
        return refuse(format!("The request has a field this address does not take. It takes {}.", quoted(fields)));
    }
    serde_path_to_error::deserialize(value).or_else(|error| {
        let message = error.inner().to_string();
        let path = error.path().to_string();
        // The field is one of ours: a key that is not was refused above.
        let field = fields.iter().find(|f| **f == path || message == format!("missing field `{f}`"));
        match (field, message.rsplit_once(", expected ")) {
            (Some(field), _) if message.starts_with("missing field") => {
                refuse(format!("The field “{field}” is missing."))
            }
            (Some(field), Some((_, expected))) if !expected.contains('`') => {
                refuse(format!("The field “{field}” must be {expected}."))
            }
            (Some(field), _) => refuse(format!("The field “{field}” is not valid.")),
            (None, _) => refuse(format!("Send a JSON object with the fields {}.", quoted(fields))),
        }
    })
}

/// The first key an object of the (valid) JSON text gives twice, at any depth.
fn repeated_key(bytes: &[u8]) -> Option<String> {
    /// Walks a value, remembering the first repeated key it meets.
    struct Walk<'a>(&'a RefCell<Option<String>>);

    impl<'de> DeserializeSeed<'de> for Walk<'_> {
        type Value = ();
        fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
            deserializer.deserialize_any(self)
        }
    }

    impl<'de> Visitor<'de> for Walk<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_bool<E>(self, _: bool) -> Result<(), E> {
            Ok(())
        }
        fn visit_i64<E>(self, _: i64) -> Result<(), E> {
            Ok(())
        }
        fn visit_u64<E>(self, _: u64) -> Result<(), E> {
            Ok(())
        }
        fn visit_f64<E>(self, _: f64) -> Result<(), E> {
            Ok(())
        }
        fn visit_str<E>(self, _: &str) -> Result<(), E> {
            Ok(())
        }
        fn visit_unit<E>(self) -> Result<(), E> {
            Ok(())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<(), A::Error> {
            while items.next_element_seed(Walk(self.0))?.is_some() {}
            Ok(())
        }
        fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<(), A::Error> {
            let mut seen = HashSet::new();
            while let Some(key) = entries.next_key::<String>()? {
                if !seen.insert(key.clone()) && self.0.borrow().is_none() {
                    *self.0.borrow_mut() = Some(key);
                }
                entries.next_value_seed(Walk(self.0))?;
            }
            Ok(())
        }
    }

    let found = RefCell::new(None);
    Walk(&found).deserialize(&mut serde_json::Deserializer::from_slice(bytes)).ok()?;
    found.into_inner()
}

fn quoted(fields: &[&str]) -> String {
    let quoted: Vec<String> = fields.iter().map(|f| format!("“{f}”")).collect();
    match quoted.as_slice() {
        [] => "none".into(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The field names a struct's `Deserialize` asks for, read by a deserializer that stops as
/// soon as it is told them.
fn field_names<T: DeserializeOwned>() -> &'static [&'static str] {
    struct Introspect<'a>(&'a Cell<&'static [&'static str]>);

    impl<'de> de::Deserializer<'de> for Introspect<'_> {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0.set(fields);
            Err(de::Error::custom("fields read"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
            unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
        }
    }

    let fields = Cell::new(&[][..]);
    let _ = T::deserialize(Introspect(&fields));
    fields.get()
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::parse;
    use crate::error::ApiError;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Subscribe {
        email: String,
        consent: bool,
    }

    fn refusal(body: &str) -> String {
        match parse::<Subscribe>(body.as_bytes()) {
            Err(ApiError::BadRequest(message)) => message,
            other => panic!("{body}: {other:?}"),
        }
    }

    #[test]
    fn names_the_field_and_never_repeats_the_input() {
        assert_eq!(refusal("{\"email\": "), "The request body is not valid JSON.");
        assert_eq!(refusal("[1, 2]"), "Send a JSON object with the fields “email” and “consent”.");
        assert_eq!(refusal("{\"email\": \"a@b.org\"}"), "The field “consent” is missing.");
        assert_eq!(refusal("{\"email\": 5, \"consent\": true}"), "The field “email” must be a string.");
        assert_eq!(
            refusal("{\"email\": \"a@b.org\", \"consent\": \"<script>\"}"),
            "The field “consent” must be a boolean."
        );
        let unknown = refusal("{\"email\": \"a@b.org\", \"consent\": true, \"<script>alert(1)</script>\": 1}");
        assert_eq!(unknown, "The request has a field this address does not take. It takes “email” and “consent”.");
        assert!(parse::<Subscribe>(b"{\"email\": \"a@b.org\", \"consent\": true}").is_ok());
    }

    #[test]
    fn a_key_given_twice_is_refused_at_any_depth_without_its_values() {
        let twice = refusal(r#"{"email": "a@example.org", "email": "b@example.org", "consent": true}"#);
        assert_eq!(twice, "The field “email” is given more than once.");
        let nested = refusal(r#"{"email": "a@example.org", "consent": true, "x": [{"k": 1, "k": "<script>"}]}"#);
        assert_eq!(nested, "The request gives a field more than once.");
        assert!(parse::<Subscribe>(br#"{"email": "a@b.org", "consent": true}"#).is_ok());
    }
}
