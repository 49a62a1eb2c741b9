//! Resetting a forgotten password with an emailed code. Every answer is the same whether or not
//! the address has an account; a completed reset ends every session of the account.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use rusqlite::{params, OptionalExtension};
use serde::Deserialize;

use super::{checked_password, code_or_refusal, email_or_refusal, fields_ok, limit_ip};
use crate::codes::{self, Purpose};
use crate::error::ApiError;
use crate::json::Body;
use crate::state::AppState;
use crate::{mail, passwords};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    email: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verify {
    email: String,
    code: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Complete {
    email: String,
    code: String,
    password: String,
}

pub async fn request(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Body(input): Body<Request>,
) -> Result<StatusCode, ApiError> {
    limit_ip(&state, peer)?;
    let email = email_or_refusal(&input.email)?;
    let now = state.now();
    state
        .0
        .db
        .run(move |connection| {
            let transaction = connection.transaction()?;
            // A code (and its cooldown) exists for every address asked about, account or not.
            let code = codes::issue(&transaction, &email, Purpose::ResetPassword, now)?;
            let has_account: Option<i64> = transaction
                .query_row("SELECT 1 FROM accounts WHERE email = ?1 AND verified = 1", [&email], |row| row.get(0))
                .optional()?;
            if has_account.is_some() {
                let body = format!("Your code to reset your password is:\n\n{code}\n\nIt is valid for 15 minutes. If you did not ask for it, ignore this message: your password has not changed.");
                mail::send(&transaction, &email, "Reset your password", &body, now)?;
            }
            transaction.commit()?;
            Ok(())
        })
        .await?;
    Ok(StatusCode::ACCEPTED)
}

pub async fn verify(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Body(input): Body<Verify>,
) -> Result<StatusCode, ApiError> {
    limit_ip(&state, peer)?;
    let email = email_or_refusal(&input.email)?;
    let code = code_or_refusal(&input.code)?;
    let now = state.now();
    state.0.db.run(move |connection| codes::check(connection, &email, Purpose::ResetPassword, &code, now, false)).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn complete(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Body(input): Body<Complete>,
) -> Result<StatusCode, ApiError> {
    limit_ip(&state, peer)?;
    let email = email_or_refusal(&input.email)?;
    let code = code_or_refusal(&input.code)?;
    fields_ok(vec![checked_password(&input.password, &email)])?;
    let now = state.now();
    let check_email = email.clone();
    state
        .0
        .db
        .run(move |connection| codes::check(connection, &check_email, Purpose::ResetPassword, &code, now, true))
        .await?;
    let password_hash = tokio::task::spawn_blocking(move || passwords::hash(&input.password))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))??;
    state
        .0
        .db
        .run(move |connection| {
            let transaction = connection.transaction()?;
            let changed = transaction.execute(
                "UPDATE accounts SET password_hash = ?2 WHERE email = ?1 AND verified = 1",
                params![email, password_hash],
            )?;
            if changed == 0 {
                return Err(ApiError::field("code", codes::WRONG));
            }
            transaction.execute("DELETE FROM sessions WHERE email = ?1", [&email])?;
            mail::send(&transaction, &email, "Your password has been changed", "Your password has been changed, and every device signed in to your account has been signed out.", now)?;
            transaction.commit()?;
            Ok(())
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
