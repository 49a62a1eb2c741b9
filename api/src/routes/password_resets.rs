//! Resetting a forgotten password with an emailed code. Every answer, and the work behind it,
//! is the same whether or not the address has an account: an address without one is mailed
//! to say so (a person who forgot which address they used learns it; nobody else does). A
//! completed reset ends every session of the account.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use nato_georgia_checks::requests::{CompleteReset, ConfirmReset, RequestReset};
use serde_json::json;

use super::{checked, code_digits, email_key};
use crate::budgets::SIGN_IN_FAILURES;
use crate::client_ip::ClientIp;
use crate::codes::{self, CodeFor, Purpose};
use crate::db::commit_either;
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
    state.limit_client(client).await?;
    checked(&input)?;
    let (db, email, now) = (&state.0.db, email_key(&input.email), state.now());
    let mut transaction = db.begin_for(&email).await?;
    // A code (and its limits) exists for every address asked about, account or not.
    let code = codes::issue(&mut transaction, db.key(), &reset_code(&email), now).await?;
    let has_account = sqlx::query("SELECT 1 FROM accounts WHERE email = $1 AND verified = 1")
        .bind(&email)
        .fetch_optional(&mut *transaction)
        .await?
        .is_some();
    if has_account {
        let body = format!("Your code to reset your password is:\n\n{code}\n\nIt is valid for 15 minutes. If you did not ask for it, ignore this message: your password has not changed.");
        let until = Some(now + codes::VALID_SECONDS);
        mail::send(&mut transaction, &email, "Reset your password", &body, now, until).await?;
    } else {
        let body = "Someone asked to reset the password of an account with this email address, but there is no account with it.\n\nIf it was you, you may have created your account with another address, or you can create one with this address.\n\nIf it was not you, ignore this message.";
        let until = Some(now + mail::NOTICE_SECONDS);
        mail::send(&mut transaction, &email, "No account with this email address", body, now, until).await?;
    }
    transaction.commit().await?;
    Ok((StatusCode::ACCEPTED, Json(json!({}))))
}

/// Checks a reset code, and uses it up when `consume`; a wrong try stays counted.
async fn check_code(state: &AppState, email: &str, code: &str, consume: bool) -> Result<(), ApiError> {
    let db = &state.0.db;
    let mut transaction = db.begin_for(email).await?;
    let checked = codes::check(&mut transaction, db.key(), &reset_code(email), code, state.now(), consume).await;
    commit_either(transaction, checked).await
}

pub async fn verify(
    State(state): State<AppState>,
    client: ClientIp,
    Body(input): Body<ConfirmReset>,
) -> Result<StatusCode, ApiError> {
    state.limit_client(client).await?;
    checked(&input)?;
    check_code(&state, &email_key(&input.email), &code_digits(&input.code), false).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn complete(
    State(state): State<AppState>,
    client: ClientIp,
    Body(input): Body<CompleteReset>,
) -> Result<StatusCode, ApiError> {
    state.limit_client(client).await?;
    checked(&input)?;
    let (email, code) = (email_key(&input.email), code_digits(&input.code));
    // Checked before the expensive hash, and used up only with the change, so a busy server
    // (503) leaves it for the next try.
    check_code(&state, &email, &code, false).await?;
    let password_hash = state.0.hasher.hash(input.password).await?;
    let (db, now) = (&state.0.db, state.now());
    let mut transaction = db.begin_for(&email).await?;
    if let Err(refused) = codes::check(&mut transaction, db.key(), &reset_code(&email), &code, now, true).await {
        return commit_either(transaction, Err(refused)).await;
    }
    let changed = sqlx::query("UPDATE accounts SET password_hash = $2 WHERE email = $1 AND verified = 1")
        .bind(&email)
        .bind(password_hash)
        .execute(&mut *transaction)
        .await?
        .rows_affected();
    if changed == 0 {
        return Err(ApiError::field("code", codes::WRONG));
    }
    sqlx::query("DELETE FROM sessions WHERE email = $1").bind(&email).execute(&mut *transaction).await?;
    SIGN_IN_FAILURES.forget(&mut transaction, &[&email]).await?;
    mail::send(
        &mut transaction,
        &email,
        "Your password has been changed",
        "Your password has been changed, and every device signed in to your account has been signed out.",
        now,
        // A security notice: worth sending however late.
        None,
    )
    .await?;
    transaction.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
