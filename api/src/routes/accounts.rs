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
use serde_json::json;

use super::{checked, code_digits, email_key};
use crate::client_ip::ClientIp;
use crate::codes::{self, CodeFor, Purpose};
use crate::cookies::REGISTRATION;
use crate::db::commit_either;
use crate::error::ApiError;
use crate::json::Body;
use crate::mail;
use crate::secrets::{keyed_hash, token};
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
    state.limit_client(client).await?;
    checked(&input)?;
    let (db, email, now) = (&state.0.db, email_key(&input.email), state.now());
    // Refused before the expensive hash when no code can be sent now.
    codes::may_send(&mut *db.acquire().await?, &email, Purpose::VerifyAccount, now).await?;
    let password_hash = state.0.hasher.hash(input.password).await?;
    let (cookie, previous) = (token()?, REGISTRATION.read(&headers));
    let mut transaction = db.begin_for(&email).await?;
    if let Some(previous) = previous {
        // This browser's earlier attempt gives way to this one.
        let previous = attempt_of(db.key(), &previous);
        sqlx::query("DELETE FROM registrations WHERE attempt = $1").bind(&previous).execute(&mut *transaction).await?;
        sqlx::query("DELETE FROM codes WHERE purpose = $1 AND attempt = $2")
            .bind(Purpose::VerifyAccount.as_str())
            .bind(&previous)
            .execute(&mut *transaction)
            .await?;
    }
    let attempt = attempt_of(db.key(), &cookie);
    let has_account = sqlx::query("SELECT 1 FROM accounts WHERE email = $1 AND verified = 1")
        .bind(&email)
        .fetch_optional(&mut *transaction)
        .await?
        .is_some();
    let others: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM registrations WHERE email = $1 AND expires_at > $2")
        .bind(&email)
        .bind(now)
        .fetch_one(&mut *transaction)
        .await?;
    sqlx::query(
        "INSERT INTO registrations (attempt, email, password_hash, newsletter, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&attempt)
    .bind(&email)
    .bind(password_hash)
    .bind(i64::from(input.newsletter))
    .bind(now)
    .bind(now + codes::VALID_SECONDS)
    .execute(&mut *transaction)
    .await?;
    let code_for = CodeFor { email: &email, purpose: Purpose::VerifyAccount, attempt: &attempt };
    let code = codes::issue(&mut transaction, db.key(), &code_for, now).await?;
    let (subject, body, useful) = if has_account {
        ("You already have an account", "Someone asked to create an account with this email address, which already has one.\n\nIf it was you, sign in, or reset your password if you have forgotten it.".to_owned(), mail::NOTICE_SECONDS)
    } else if others > 0 {
        ("Someone tried to create an account with this address", format!("Someone tried to create an account with this email address, which has not been confirmed yet.\n\nIf it was you, your code is:\n\n{code}\n\nIt is valid for 15 minutes, and confirms only the attempt made just now.\n\nIf it was not you, ignore this message: without this code, nothing changes."), codes::VALID_SECONDS)
    } else {
        (
            "Confirm your email address",
            format!("Your code to confirm your email address is:\n\n{code}\n\nIt is valid for 15 minutes."),
            codes::VALID_SECONDS,
        )
    };
    mail::send(&mut transaction, &email, subject, &body, now, Some(now + useful)).await?;
    transaction.commit().await?;
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
    state.limit_client(client).await?;
    checked(&input)?;
    let (email, code) = (email_key(&input.email), code_digits(&input.code));
    let cookie = REGISTRATION.read(&headers).unwrap_or_default();
    let (db, now) = (&state.0.db, state.now());
    let attempt = attempt_of(db.key(), &cookie);
    let mut transaction = db.begin_for(&email).await?;
    // Without this browser's attempt for this address, there is no code to match: a wrong try
    // all the same. A wrong try, and a code used up, stay so: the refusals commit too.
    let code_for = CodeFor { email: &email, purpose: Purpose::VerifyAccount, attempt: &attempt };
    if let Err(refused) = codes::check(&mut transaction, db.key(), &code_for, &code, now, true).await {
        return commit_either(transaction, Err(refused)).await;
    }
    let registration: Option<(String, i64)> = sqlx::query_as(
        "SELECT password_hash, newsletter FROM registrations WHERE attempt = $1 AND email = $2
         AND NOT EXISTS (SELECT 1 FROM accounts WHERE email = $2 AND verified = 1)",
    )
    .bind(&attempt)
    .bind(&email)
    .fetch_optional(&mut *transaction)
    .await?;
    let Some((password_hash, newsletter)) = registration else {
        return commit_either(transaction, Err(ApiError::field("code", codes::WRONG))).await;
    };
    sqlx::query(
        "INSERT INTO accounts (email, password_hash, verified, newsletter, created_at) VALUES ($1, $2, 1, $3, $4)
         ON CONFLICT (email) DO UPDATE SET password_hash = $2, verified = 1, newsletter = $3",
    )
    .bind(&email)
    .bind(password_hash)
    .bind(newsletter)
    .bind(now)
    .execute(&mut *transaction)
    .await?;
    // The address is taken: every other attempt at it ends here.
    sqlx::query("DELETE FROM registrations WHERE email = $1").bind(&email).execute(&mut *transaction).await?;
    sqlx::query("DELETE FROM codes WHERE email = $1 AND purpose = $2")
        .bind(&email)
        .bind(Purpose::VerifyAccount.as_str())
        .execute(&mut *transaction)
        .await?;
    if newsletter != 0 {
        sqlx::query(
            "INSERT INTO subscriptions (email, status, created_at, confirmed_at) VALUES ($1, 'confirmed', $2, $2)
             ON CONFLICT (email) DO UPDATE SET status = 'confirmed', confirmed_at = $2",
        )
        .bind(&email)
        .bind(now)
        .execute(&mut *transaction)
        .await?;
        sqlx::query("DELETE FROM newsletter_links WHERE email = $1").bind(&email).execute(&mut *transaction).await?;
    }
    transaction.commit().await?;
    let mut response = StatusCode::NO_CONTENT.into_response();
    REGISTRATION.clear(&mut response, &state, &headers);
    Ok(response)
}
