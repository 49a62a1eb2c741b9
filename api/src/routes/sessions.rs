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
use serde_json::json;

use super::{checked, email_key};
use crate::budgets::SIGN_IN_FAILURES;
use crate::client_ip::ClientIp;
use crate::cookies::{DEVICE, SESSION};
use crate::error::ApiError;
use crate::json::Body;
use crate::secrets::{keyed_hash, same, token};
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
    state.limit_client(client).await?;
    checked(&input)?;
    let email = email_key(&input.email);
    state.limit_sign_in(client, &email).await?;
    let (db, now) = (&state.0.db, state.now());
    let known_device = is_device_of(db.key(), &email, &DEVICE.read(&headers).unwrap_or_default(), now);
    let stored: Option<String> = {
        let mut connection = db.acquire().await?;
        if let Some(wait) = SIGN_IN_FAILURES.spent(&mut connection, &[&email], now).await?.filter(|_| !known_device) {
            return Err(ApiError::TooManyRequests(wait as u64));
        }
        sqlx::query_scalar("SELECT password_hash FROM accounts WHERE email = $1 AND verified = 1")
            .bind(&email)
            .fetch_optional(&mut *connection)
            .await?
    };
    if !state.0.hasher.verify(input.password, stored).await? {
        SIGN_IN_FAILURES.spend(&mut *db.acquire().await?, &[&email], now).await?;
        return Err(ApiError::Unauthorized(WRONG_CREDENTIALS.into()));
    }
    state.forgive_sign_in(client, &email).await?;
    let session = token()?;
    sqlx::query("INSERT INTO sessions (token_hash, email, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(keyed_hash(db.key(), &["session", &session]))
        .bind(&email)
        .bind(now)
        .bind(now + SESSION.max_age)
        .execute(&mut *db.acquire().await?)
        .await?;
    let device = device_value(db.key(), &email, now);
    let mut response = (StatusCode::OK, Json(json!({ "email": email }))).into_response();
    SESSION.set(&mut response, &session, &state, &headers);
    DEVICE.set(&mut response, &device, &state, &headers);
    Ok(response)
}

pub async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    if let Some(session) = SESSION.read(&headers) {
        let db = &state.0.db;
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(keyed_hash(db.key(), &["session", &session]))
            .execute(&mut *db.acquire().await?)
            .await?;
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    SESSION.clear(&mut response, &state, &headers);
    Ok(response)
}

pub async fn current(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<serde_json::Value>, ApiError> {
    let session = SESSION.read(&headers).ok_or_else(|| ApiError::Unauthorized(NOT_SIGNED_IN.into()))?;
    let db = &state.0.db;
    let email: Option<String> =
        sqlx::query_scalar("SELECT email FROM sessions WHERE token_hash = $1 AND expires_at > $2")
            .bind(keyed_hash(db.key(), &["session", &session]))
            .bind(state.now())
            .fetch_optional(&mut *db.acquire().await?)
            .await?;
    email.map(|email| Json(json!({ "email": email }))).ok_or_else(|| ApiError::Unauthorized(NOT_SIGNED_IN.into()))
}
