//! Creating an account and confirming its address with an emailed code. Asking again for an
//! address that already has an account answers the same, so nobody learns who has one.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use rusqlite::{params, OptionalExtension};
use serde::Deserialize;

use super::{checked_email, checked_password, code_or_refusal, email_or_refusal, fields_ok, limit_ip};
use crate::codes::{self, Purpose};
use crate::error::ApiError;
use crate::json::Body;
use crate::state::AppState;
use crate::{mail, passwords};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Create {
    email: String,
    password: String,
    #[serde(default)]
    newsletter: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verify {
    email: String,
    code: String,
}

pub async fn create(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Body(input): Body<Create>,
) -> Result<StatusCode, ApiError> {
    limit_ip(&state, peer)?;
    let email = checked_email(&input.email);
    let password_check = checked_password(&input.password, email.as_deref().unwrap_or(&input.email));
    fields_ok(vec![email.clone().map(|_| ()), password_check])?;
    let email = email.unwrap_or_default();
    let password_hash = tokio::task::spawn_blocking(move || passwords::hash(&input.password))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))??;
    let now = state.now();
    state
        .0
        .db
        .run(move |connection| {
            let transaction = connection.transaction()?;
            let verified: Option<bool> = transaction
                .query_row("SELECT verified FROM accounts WHERE email = ?1", [&email], |row| row.get(0))
                .optional()?;
            let code = codes::issue(&transaction, &email, Purpose::VerifyAccount, now)?;
            if verified == Some(true) {
                let body = "Someone asked to create an account with this email address, which already has one.\n\nIf it was you, sign in, or reset your password if you have forgotten it.";
                mail::send(&transaction, &email, "You already have an account", body, now)?;
            } else {
                transaction.execute(
                    "INSERT INTO accounts (email, password_hash, verified, newsletter, created_at) VALUES (?1, ?2, 0, ?3, ?4)
                     ON CONFLICT (email) DO UPDATE SET password_hash = ?2, newsletter = ?3",
                    params![email, password_hash, input.newsletter, now],
                )?;
                let body = format!("Your code to confirm your email address is:\n\n{code}\n\nIt is valid for 15 minutes.");
                mail::send(&transaction, &email, "Confirm your email address", &body, now)?;
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
    state
        .0
        .db
        .run(move |connection| {
            // Outside the transaction, so a wrong try stays counted.
            codes::check(connection, &email, Purpose::VerifyAccount, &code, now, true)?;
            let transaction = connection.transaction()?;
            transaction.execute("UPDATE accounts SET verified = 1 WHERE email = ?1", [&email])?;
            transaction.execute(
                "INSERT INTO subscriptions (email, status, created_at, confirmed_at)
                 SELECT email, 'confirmed', ?2, ?2 FROM accounts WHERE email = ?1 AND newsletter = 1
                 ON CONFLICT (email) DO UPDATE SET status = 'confirmed', confirmed_at = ?2, token_hash = NULL",
                params![email, now],
            )?;
            transaction.commit()?;
            Ok(())
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
