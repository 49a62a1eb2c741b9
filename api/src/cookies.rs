//! The API's cookies, all HttpOnly random tokens whose hashes are all the database keeps:
//!
//! - the session (`SameSite=Lax`, 30 days);
//! - the registration attempt, which ties an account's code to the browser that asked for it
//!   (`SameSite=Strict`, as long as the code is valid);
//! - the device, set when a browser signs in, which lets it keep trying an address that
//!   failed sign-ins from elsewhere have closed for an hour (`SameSite=Strict`, a year).
//!
//! `Path=/`, so they follow the API wherever a proxy mounts it.

use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;

use crate::state::AppState;

pub struct Cookie {
    pub name: &'static str,
    pub max_age: i64,
    pub same_site: &'static str,
}

pub const SESSION: Cookie = Cookie { name: "nato_georgia_session", max_age: 30 * 24 * 60 * 60, same_site: "Lax" };
pub const REGISTRATION: Cookie =
    Cookie { name: "nato_georgia_registration", max_age: crate::codes::VALID_SECONDS, same_site: "Strict" };
pub const DEVICE: Cookie = Cookie { name: "nato_georgia_device", max_age: 365 * 24 * 60 * 60, same_site: "Strict" };

impl Cookie {
    /// The cookie's value in the request, if it has one.
    pub fn read(&self, headers: &HeaderMap) -> Option<String> {
        headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == self.name)
            .map(|(_, value)| value.to_owned())
    }

    /// Adds the cookie to `response`; Secure when configured so or the request came over https.
    pub fn set(&self, response: &mut Response, value: &str, state: &AppState, request: &HeaderMap) {
        self.write(response, value, self.max_age, state, request);
    }

    /// Tells the browser to forget the cookie.
    pub fn clear(&self, response: &mut Response, state: &AppState, request: &HeaderMap) {
        self.write(response, "", 0, state, request);
    }

    fn write(&self, response: &mut Response, value: &str, max_age: i64, state: &AppState, request: &HeaderMap) {
        let secure = if is_secure(state, request) { "; Secure" } else { "" };
        let text =
            format!("{}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite={}{secure}", self.name, self.same_site);
        if let Ok(value) = HeaderValue::from_str(&text) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
}

/// Whether cookies must be Secure: configured so, or the request came over https. Believing a
/// client's own `X-Forwarded-Proto` can only add `Secure` to its own cookie.
fn is_secure(state: &AppState, headers: &HeaderMap) -> bool {
    state.0.config.secure_cookies
        || headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.eq_ignore_ascii_case("https"))
}
