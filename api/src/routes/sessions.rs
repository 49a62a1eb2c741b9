//! Signing in and out. The session is an HttpOnly, SameSite=Lax cookie holding a random token;
//! the database keeps only its hash.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use rusqlite::{params, OptionalExtension};
use serde::Deserialize;
use serde_json::json;

use super::{is_secure, limit_ip, session_token, SESSION_COOKIE, SESSION_SECONDS};
use crate::error::ApiError;
use crate::json::Body;
use crate::passwords;
use crate::secrets::{hashing_key, keyed_hash, token};
use crate::state::AppState;

pub const WRONG_CREDENTIALS: &str = "The email address or password is not correct";
pub const NOT_SIGNED_IN: &str = "You are not signed in";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    email: String,
    password: String,
}

fn cookie(value: &str, max_age: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!("{SESSION_COOKIE}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}"))
        .unwrap_or_else(|_| HeaderValue::from_static(""))
}

pub async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Body(input): Body<SignIn>,
) -> Result<Response, ApiError> {
    limit_ip(&state, peer)?;
    let email = input.email.trim().to_lowercase();
    state.0.sign_in_by_address.hit(&email, state.now()).map_err(ApiError::TooManyRequests)?;
    let lookup = email.clone();
    let stored: Option<String> = state
        .0
        .db
        .run(move |connection| {
            Ok(connection
                .query_row("SELECT password_hash FROM accounts WHERE email = ?1 AND verified = 1", [&lookup], |row| row.get(0))
                .optional()?)
        })
        .await?;
    let password = input.password;
    let matches = tokio::task::spawn_blocking(move || {
        // Without an account, verify against a dummy hash so both cases take as long.
        let hash = stored.as_deref().unwrap_or(passwords::dummy_hash());
        stored.is_some() && passwords::verify(&password, hash)
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))?;
    if !matches {
        return Err(ApiError::Unauthorized(WRONG_CREDENTIALS.into()));
    }
    let session = token()?;
    let (now, account) = (state.now(), email.clone());
    let stored_session = session.clone();
    state
        .0
        .db
        .run(move |connection| {
            let hash = keyed_hash(&hashing_key(connection)?, &["session", &stored_session]);
            connection.execute(
                "INSERT INTO sessions (token_hash, email, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
                params![hash, account, now, now + SESSION_SECONDS],
            )?;
            Ok(())
        })
        .await?;
    let mut response = (StatusCode::OK, Json(json!({ "email": email }))).into_response();
    response.headers_mut().insert(header::SET_COOKIE, cookie(&session, SESSION_SECONDS, is_secure(&state, &headers)));
    Ok(response)
}

pub async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    if let Some(session) = session_token(&headers) {
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
    response.headers_mut().insert(header::SET_COOKIE, cookie("", 0, is_secure(&state, &headers)));
    Ok(response)
}

pub async fn current(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<serde_json::Value>, ApiError> {
    let session = session_token(&headers).ok_or_else(|| ApiError::Unauthorized(NOT_SIGNED_IN.into()))?;
    let now = state.now();
    let email: Option<String> = state
        .0
        .db
        .run(move |connection| {
            let hash = keyed_hash(&hashing_key(connection)?, &["session", &session]);
            Ok(connection
                .query_row("SELECT email FROM sessions WHERE token_hash = ?1 AND expires_at > ?2", params![hash, now], |row| row.get(0))
                .optional()?)
        })
        .await?;
    email.map(|email| Json(json!({ "email": email }))).ok_or_else(|| ApiError::Unauthorized(NOT_SIGNED_IN.into()))
}
