//! Signing in and out. The session is a cookie holding a random token; the database keeps
//! only its hash.
//!
//! Guessing is limited three ways, none of which lets a guesser lock the owner out: per client
//! address (`NATO_API_IP_LIMIT`), per client address and email address (10 tries, then one
//! every 90 s), and per email address from all clients together (100 failures an hour).
//! Past that last one, only a browser that signed in to the account before — it holds a
//! device cookie for it — may go on trying; everyone else is told to wait. Known and unknown
//! addresses take the same path and the same time: a password is always checked, against a
//! stand-in hash when there is no account.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use nato_georgia_checks::requests::SignIn;
use rusqlite::{params, OptionalExtension};
use serde_json::json;

use super::{checked, email_key};
use crate::budgets::SIGN_IN_FAILURES;
use crate::client_ip::ClientIp;
use crate::cookies::{DEVICE, SESSION};
use crate::error::ApiError;
use crate::json::Body;
use crate::secrets::{hashing_key, keyed_hash, same, token};
use crate::state::AppState;

pub const WRONG_CREDENTIALS: &str = "The email address or password is not correct";
pub const NOT_SIGNED_IN: &str = "You are not signed in";

/// A device cookie's value for `email`: when it was made, and a keyed hash that only this
/// server can make, so no other address's cookie and no forged one passes.
fn device_value(key: &[u8], email: &str, made_at: i64) -> String {
    format!("{made_at}.{}", keyed_hash(key, &["device", email, &made_at.to_string()]))
}

fn is_device_of(key: &[u8], email: &str, value: &str, now: i64) -> bool {
    value
        .split_once('.')
        .and_then(|(made_at, _)| made_at.parse::<i64>().ok())
        .is_some_and(|made_at| made_at + DEVICE.max_age > now && same(&device_value(key, email, made_at), value))
}

pub async fn sign_in(
    State(state): State<AppState>,
    client: ClientIp,
    headers: HeaderMap,
    Body(input): Body<SignIn>,
) -> Result<Response, ApiError> {
    state.limit_client(client)?;
    checked(&input)?;
    let email = email_key(&input.email);
    state.limit_sign_in(client, &email)?;
    let now = state.now();
    let device = DEVICE.read(&headers).unwrap_or_default();
    let lookup = email.clone();
    let stored: Option<String> = state
        .0
        .db
        .run(move |connection| {
            let known_device = is_device_of(&hashing_key(connection)?, &lookup, &device, now);
            if let Some(wait) = SIGN_IN_FAILURES.spent(connection, &[&lookup], now)?.filter(|_| !known_device) {
                return Err(ApiError::TooManyRequests(wait as u64));
            }
            Ok(connection
                .query_row("SELECT password_hash FROM accounts WHERE email = ?1 AND verified = 1", [&lookup], |row| {
                    row.get(0)
                })
                .optional()?)
        })
        .await?;
    if !state.0.hasher.verify(input.password, stored).await? {
        let failed = email.clone();
        state.0.db.run(move |connection| SIGN_IN_FAILURES.spend(connection, &[&failed], now)).await?;
        return Err(ApiError::Unauthorized(WRONG_CREDENTIALS.into()));
    }
    state.forgive_sign_in(client, &email);
    let session = token()?;
    let (account, stored_session) = (email.clone(), session.clone());
    let device = state
        .0
        .db
        .run(move |connection| {
            let key = hashing_key(connection)?;
            connection.execute(
                "INSERT INTO sessions (token_hash, email, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
                params![keyed_hash(&key, &["session", &stored_session]), account, now, now + SESSION.max_age],
            )?;
            Ok(device_value(&key, &account, now))
        })
        .await?;
    let mut response = (StatusCode::OK, Json(json!({ "email": email }))).into_response();
    SESSION.set(&mut response, &session, &state, &headers);
    DEVICE.set(&mut response, &device, &state, &headers);
    Ok(response)
}

pub async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    if let Some(session) = SESSION.read(&headers) {
        state
            .0
            .db
            .run(move |connection| {
                let hash = keyed_hash(&hashing_key(connection)?, &["session", &session]);
                connection.execute("DELETE FROM sessions WHERE token_hash = ?1", [hash])?;
                Ok(())
            })
            .await?;
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    SESSION.clear(&mut response, &state, &headers);
    Ok(response)
}

pub async fn current(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<serde_json::Value>, ApiError> {
    let session = SESSION.read(&headers).ok_or_else(|| ApiError::Unauthorized(NOT_SIGNED_IN.into()))?;
    let now = state.now();
    let email: Option<String> = state
        .0
        .db
        .run(move |connection| {
            let hash = keyed_hash(&hashing_key(connection)?, &["session", &session]);
            Ok(connection
                .query_row(
                    "SELECT email FROM sessions WHERE token_hash = ?1 AND expires_at > ?2",
                    params![hash, now],
                    |row| row.get(0),
                )
                .optional()?)
        })
        .await?;
    email.map(|email| Json(json!({ "email": email }))).ok_or_else(|| ApiError::Unauthorized(NOT_SIGNED_IN.into()))
}
