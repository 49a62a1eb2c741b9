//! Creating an account and confirming its address with an emailed code.
//!
//! Each request to create an account is an attempt of its own: the password it chose, kept
//! hashed, and a code that confirms only it. The browser that made it holds it by a cookie,
//! which the confirming request carries. So a second registration of the same address — by
//! someone else, before the first was confirmed — changes nothing the first will confirm; its
//! mail says that someone tried to create an account with this address. Asking for an address
//! that already has an account answers and works the same, and mails the owner instead.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use nato_georgia_checks::requests::{ConfirmAccount, CreateAccount};
use rusqlite::{params, OptionalExtension};
use serde_json::json;

use super::{checked, code_digits, email_key};
use crate::client_ip::ClientIp;
use crate::codes::{self, CodeFor, Purpose};
use crate::cookies::REGISTRATION;
use crate::error::ApiError;
use crate::json::Body;
use crate::mail;
use crate::secrets::{hashing_key, keyed_hash, token};
use crate::state::AppState;

/// The attempt a registration cookie names, as the database knows it.
fn attempt_of(key: &[u8], cookie: &str) -> String {
    keyed_hash(key, &["registration", cookie])
}

pub async fn create(
    State(state): State<AppState>,
    client: ClientIp,
    headers: HeaderMap,
    Body(input): Body<CreateAccount>,
) -> Result<Response, ApiError> {
    state.limit_client(client)?;
    checked(&input)?;
    let email = email_key(&input.email);
    let now = state.now();
    // Refused before the expensive hash when no code can be sent now.
    let early = email.clone();
    state.0.db.run(move |connection| codes::may_send(connection, &early, Purpose::VerifyAccount, now)).await?;
    let password_hash = state.0.hasher.hash(input.password).await?;
    let (cookie, previous) = (token()?, REGISTRATION.read(&headers));
    let attempt_cookie = cookie.clone();
    state
        .0
        .db
        .run(move |connection| {
            let transaction = connection.transaction()?;
            let key = hashing_key(&transaction)?;
            if let Some(previous) = previous {
                // This browser's earlier attempt gives way to this one.
                let previous = attempt_of(&key, &previous);
                transaction.execute("DELETE FROM registrations WHERE attempt = ?1", [&previous])?;
                transaction.execute("DELETE FROM codes WHERE purpose = ?1 AND attempt = ?2", params![Purpose::VerifyAccount.as_str(), previous])?;
            }
            let attempt = attempt_of(&key, &attempt_cookie);
            let has_account = transaction
                .query_row("SELECT 1 FROM accounts WHERE email = ?1 AND verified = 1", [&email], |_| Ok(()))
                .optional()?
                .is_some();
            let others: i64 = transaction.query_row(
                "SELECT COUNT(*) FROM registrations WHERE email = ?1 AND expires_at > ?2",
                params![email, now],
                |row| row.get(0),
            )?;
            transaction.execute(
                "INSERT INTO registrations (attempt, email, password_hash, newsletter, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![attempt, email, password_hash, input.newsletter, now, now + codes::VALID_SECONDS],
            )?;
            let code = codes::issue(&transaction, &CodeFor { email: &email, purpose: Purpose::VerifyAccount, attempt: &attempt }, now)?;
            let (subject, body) = if has_account {
                ("You already have an account", "Someone asked to create an account with this email address, which already has one.\n\nIf it was you, sign in, or reset your password if you have forgotten it.".to_owned())
            } else if others > 0 {
                ("Someone tried to create an account with this address", format!("Someone tried to create an account with this email address, which has not been confirmed yet.\n\nIf it was you, your code is:\n\n{code}\n\nIt is valid for 15 minutes, and confirms only the attempt made just now.\n\nIf it was not you, ignore this message: without this code, nothing changes."))
            } else {
                ("Confirm your email address", format!("Your code to confirm your email address is:\n\n{code}\n\nIt is valid for 15 minutes."))
            };
            mail::send(&transaction, &email, subject, &body, now)?;
            transaction.commit()?;
            Ok(())
        })
        .await?;
    let mut response = (StatusCode::ACCEPTED, Json(json!({}))).into_response();
    REGISTRATION.set(&mut response, &cookie, &state, &headers);
    Ok(response)
}

pub async fn verify(
    State(state): State<AppState>,
    client: ClientIp,
    headers: HeaderMap,
    Body(input): Body<ConfirmAccount>,
) -> Result<Response, ApiError> {
    state.limit_client(client)?;
    checked(&input)?;
    let (email, code) = (email_key(&input.email), code_digits(&input.code));
    let cookie = REGISTRATION.read(&headers).unwrap_or_default();
    let now = state.now();
    state
        .0
        .db
        .run(move |connection| {
            let attempt = attempt_of(&hashing_key(connection)?, &cookie);
            // Outside the transaction, so a wrong try stays counted. Without this browser's
            // attempt for this address, there is no code to match: a wrong try all the same.
            codes::check(connection, &CodeFor { email: &email, purpose: Purpose::VerifyAccount, attempt: &attempt }, &code, now, true)?;
            let transaction = connection.transaction()?;
            let registration: Option<(String, bool)> = transaction
                .query_row(
                    "SELECT password_hash, newsletter FROM registrations WHERE attempt = ?1 AND email = ?2
                     AND NOT EXISTS (SELECT 1 FROM accounts WHERE email = ?2 AND verified = 1)",
                    params![attempt, email],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .optional()?;
            let Some((password_hash, newsletter)) = registration else {
                return Err(ApiError::field("code", codes::WRONG));
            };
            transaction.execute(
                "INSERT INTO accounts (email, password_hash, verified, newsletter, created_at) VALUES (?1, ?2, 1, ?3, ?4)
                 ON CONFLICT (email) DO UPDATE SET password_hash = ?2, verified = 1, newsletter = ?3",
                params![email, password_hash, newsletter, now],
            )?;
            // The address is taken: every other attempt at it ends here.
            transaction.execute("DELETE FROM registrations WHERE email = ?1", [&email])?;
            transaction.execute("DELETE FROM codes WHERE email = ?1 AND purpose = ?2", params![email, Purpose::VerifyAccount.as_str()])?;
            if newsletter {
                transaction.execute(
                    "INSERT INTO subscriptions (email, status, created_at, confirmed_at) VALUES (?1, 'confirmed', ?2, ?2)
                     ON CONFLICT (email) DO UPDATE SET status = 'confirmed', confirmed_at = ?2",
                    params![email, now],
                )?;
                transaction.execute("DELETE FROM newsletter_links WHERE email = ?1", [&email])?;
            }
            transaction.commit()?;
            Ok(())
        })
        .await?;
    let mut response = StatusCode::NO_CONTENT.into_response();
    REGISTRATION.clear(&mut response, &state, &headers);
    Ok(response)
}
