//! Newsletter subscriptions with double opt-in: a pending subscription and a link by mail;
//! following the link confirms. The answer never says whether the address was known.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse};
use rusqlite::{params, OptionalExtension};
use serde::Deserialize;

use super::{checked_email, fields_ok};
use crate::error::ApiError;
use crate::json::Body;
use crate::mail;
use crate::secrets::{hashing_key, keyed_hash, token};
use crate::state::AppState;

pub const CONSENT_MISSING: &str = "Select “I agree” to subscribe to the newsletter";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subscribe {
    email: String,
    consent: bool,
}

pub async fn subscribe(State(state): State<AppState>, Body(input): Body<Subscribe>) -> Result<StatusCode, ApiError> {
    let email = checked_email(&input.email);
    let consent = if input.consent { Ok(()) } else { Err(nato_georgia_checks::FieldError::new("consent", CONSENT_MISSING)) };
    fields_ok(vec![email.clone().map(|_| ()), consent])?;
    let email = email.unwrap_or_default();
    let (now, public_url) = (state.now(), state.0.config.public_url.clone());
    state
        .0
        .db
        .run(move |connection| {
            let transaction = connection.transaction()?;
            let status: Option<String> = transaction
                .query_row("SELECT status FROM subscriptions WHERE email = ?1", [&email], |row| row.get(0))
                .optional()?;
            if status.as_deref() != Some("confirmed") {
                let link_token = token()?;
                let hash = keyed_hash(&hashing_key(&transaction)?, &["newsletter", &link_token]);
                transaction.execute(
                    "INSERT INTO subscriptions (email, status, token_hash, created_at) VALUES (?1, 'pending', ?2, ?3)
                     ON CONFLICT (email) DO UPDATE SET token_hash = ?2",
                    params![email, hash, now],
                )?;
                let body = format!(
                    "Confirm your subscription to the newsletter by following this link:\n\n{public_url}/api/newsletter/confirmations/{link_token}\n\nIf you did not ask for it, ignore this message."
                );
                mail::send(&transaction, &email, "Confirm your newsletter subscription", &body, now)?;
            }
            transaction.commit()?;
            Ok(())
        })
        .await?;
    Ok(StatusCode::ACCEPTED)
}

/// The link in the mail: confirms the subscription and says so in a small page.
pub async fn confirm(State(state): State<AppState>, Path(link_token): Path<String>) -> Result<impl IntoResponse, ApiError> {
    let now = state.now();
    let confirmed = state
        .0
        .db
        .run(move |connection| {
            let hash = keyed_hash(&hashing_key(connection)?, &["newsletter", &link_token]);
            Ok(connection.execute(
                "UPDATE subscriptions SET status = 'confirmed', confirmed_at = ?2, token_hash = NULL WHERE token_hash = ?1",
                params![hash, now],
            )? == 1)
        })
        .await?;
    let (status, message) = if confirmed {
        (StatusCode::OK, "Your subscription to the newsletter is confirmed. Thank you.")
    } else {
        (StatusCode::NOT_FOUND, "This confirmation link is not valid, or was already used.")
    };
    let page = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"icon\" href=\"data:,\"><title>Newsletter — Relations with Georgia</title></head><body><main><h1>Newsletter</h1><p>{message}</p><p><a href=\"/\">Go to Relations with Georgia</a></p></main></body></html>"
    );
    Ok((status, Html(page)))
}
