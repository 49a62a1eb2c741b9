//! Resetting a forgotten password with an emailed code. Every answer, and the work behind it,
//! is the same whether or not the address has an account: an address without one is mailed
//! to say so (a person who forgot which address they used learns it; nobody else does). A
//! completed reset ends every session of the account.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use nato_georgia_checks::requests::{CompleteReset, ConfirmReset, RequestReset};
use rusqlite::{params, OptionalExtension};
use serde_json::json;

use super::{checked, code_digits, email_key};
use crate::budgets::SIGN_IN_FAILURES;
use crate::client_ip::ClientIp;
use crate::codes::{self, CodeFor, Purpose};
use crate::error::ApiError;
use crate::json::Body;
use crate::mail;
use crate::state::AppState;

fn reset_code(email: &str) -> CodeFor<'_> {
    CodeFor { email, purpose: Purpose::ResetPassword, attempt: "" }
}

pub async fn request(
    State(state): State<AppState>,
    client: ClientIp,
    Body(input): Body<RequestReset>,
) -> Result<(StatusCode, Json<serde_json::Value>), ApiError> {
    state.limit_client(client)?;
    checked(&input)?;
    let email = email_key(&input.email);
    let now = state.now();
    state
        .0
        .db
        .run(move |connection| {
            let transaction = connection.transaction()?;
            // A code (and its limits) exists for every address asked about, account or not.
            let code = codes::issue(&transaction, &reset_code(&email), now)?;
            let has_account = transaction
                .query_row("SELECT 1 FROM accounts WHERE email = ?1 AND verified = 1", [&email], |_| Ok(()))
                .optional()?
                .is_some();
            if has_account {
                let body = format!("Your code to reset your password is:\n\n{code}\n\nIt is valid for 15 minutes. If you did not ask for it, ignore this message: your password has not changed.");
                mail::send(&transaction, &email, "Reset your password", &body, now)?;
            } else {
                let body = "Someone asked to reset the password of an account with this email address, but there is no account with it.\n\nIf it was you, you may have created your account with another address, or you can create one with this address.\n\nIf it was not you, ignore this message.";
                mail::send(&transaction, &email, "No account with this email address", body, now)?;
            }
            transaction.commit()?;
            Ok(())
        })
        .await?;
    Ok((StatusCode::ACCEPTED, Json(json!({}))))
}

pub async fn verify(
    State(state): State<AppState>,
    client: ClientIp,
    Body(input): Body<ConfirmReset>,
) -> Result<StatusCode, ApiError> {
    state.limit_client(client)?;
    checked(&input)?;
    let (email, code) = (email_key(&input.email), code_digits(&input.code));
    let now = state.now();
    state.0.db.run(move |connection| codes::check(connection, &reset_code(&email), &code, now, false)).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn complete(
    State(state): State<AppState>,
    client: ClientIp,
    Body(input): Body<CompleteReset>,
) -> Result<StatusCode, ApiError> {
    state.limit_client(client)?;
    checked(&input)?;
    let (email, code) = (email_key(&input.email), code_digits(&input.code));
    let now = state.now();
    let (check_email, check_code) = (email.clone(), code.clone());
    // Checked before the expensive hash, and used up only with the change, so a busy server
    // (503) leaves it for the next try.
    state
        .0
        .db
        .run(move |connection| codes::check(connection, &reset_code(&check_email), &check_code, now, false))
        .await?;
    let password_hash = state.0.hasher.hash(input.password).await?;
    state
        .0
        .db
        .run(move |connection| {
            let transaction = connection.transaction()?;
            codes::check(&transaction, &reset_code(&email), &code, now, true)?;
            let changed = transaction.execute(
                "UPDATE accounts SET password_hash = ?2 WHERE email = ?1 AND verified = 1",
                params![email, password_hash],
            )?;
            if changed == 0 {
                return Err(ApiError::field("code", codes::WRONG));
            }
            transaction.execute("DELETE FROM sessions WHERE email = ?1", [&email])?;
            SIGN_IN_FAILURES.forget(&transaction, &[&email])?;
            mail::send(
                &transaction,
                &email,
                "Your password has been changed",
                "Your password has been changed, and every device signed in to your account has been signed out.",
                now,
            )?;
            transaction.commit()?;
            Ok(())
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
