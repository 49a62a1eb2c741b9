//! Newsletter subscriptions with double opt-in: a pending subscription and a link by mail;
//! following the link confirms. The answer and the work are the same whether or not the
//! address was known: a subscribed address gets a mail saying so instead of a link.
//!
//! Limits: per client address (`NATO_API_IP_LIMIT`), and per email address one mail every ten
//! minutes and five a day. A repeated subscription inside them sends nothing new, and every
//! link sent keeps working until it is used or a week has passed.

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use nato_georgia_checks::requests::Subscribe;
use rusqlite::{params, OptionalExtension};
use serde_json::json;

use super::{checked, email_key};
use crate::budgets::NEWSLETTER_MAILS;
use crate::client_ip::ClientIp;
use crate::error::ApiError;
use crate::json::Body;
use crate::mail;
use crate::secrets::{hashing_key, keyed_hash, token};
use crate::state::AppState;

/// At most one mail per address in this many seconds.
pub const COOLDOWN_SECONDS: i64 = 10 * 60;
/// A link works this long.
pub const LINK_SECONDS: i64 = 7 * 24 * 60 * 60;

pub async fn subscribe(
    State(state): State<AppState>,
    client: ClientIp,
    Body(input): Body<Subscribe>,
) -> Result<(StatusCode, Json<serde_json::Value>), ApiError> {
    state.limit_client(client)?;
    checked(&input)?;
    let email = email_key(&input.email);
    let (now, public_url) = (state.now(), state.0.config.public_url.clone());
    let link_token = token()?;
    state
        .0
        .db
        .run(move |connection| {
            let transaction = connection.transaction()?;
            let hash = keyed_hash(&hashing_key(&transaction)?, &["newsletter", &link_token]);
            let (status, mailed_at): (String, Option<i64>) = transaction.query_row(
                "INSERT INTO subscriptions (email, status, created_at) VALUES (?1, 'pending', ?2)
                 ON CONFLICT (email) DO UPDATE SET email = excluded.email
                 RETURNING status, mailed_at",
                params![email, now],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )?;
            let cooling = mailed_at.is_some_and(|at| at + COOLDOWN_SECONDS > now);
            if cooling || NEWSLETTER_MAILS.spent(&transaction, &[&email], now)?.is_some() {
                transaction.commit()?;
                return Ok(());
            }
            NEWSLETTER_MAILS.spend(&transaction, &[&email], now)?;
            transaction.execute("UPDATE subscriptions SET mailed_at = ?2 WHERE email = ?1", params![email, now])?;
            if status == "confirmed" {
                let body = "Someone asked to subscribe this email address to the newsletter. It is subscribed already: there is nothing to do.\n\nIf you did not ask, ignore this message.";
                mail::send(&transaction, &email, "You are subscribed to the newsletter", body, now)?;
            } else {
                transaction.execute(
                    "INSERT INTO newsletter_links (token_hash, email, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
                    params![hash, email, now, now + LINK_SECONDS],
                )?;
                let body = format!(
                    "Confirm your subscription to the newsletter by following this link:\n\n{public_url}/api/newsletter/confirmations/{link_token}\n\nThe link works for 7 days. If you did not ask for it, ignore this message."
                );
                mail::send(&transaction, &email, "Confirm your newsletter subscription", &body, now)?;
            }
            transaction.commit()?;
            Ok(())
        })
        .await?;
    Ok((StatusCode::ACCEPTED, Json(json!({}))))
}

/// The link in the mail: confirms the subscription. A browser (asking for HTML) gets a small
/// page saying so; anything else gets the API's JSON.
pub async fn confirm(
    State(state): State<AppState>,
    headers: HeaderMap,
    link_token: Result<Path<String>, axum::extract::rejection::PathRejection>,
) -> Response {
    let wants_html =
        headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|accept| accept.contains("text/html"));
    let confirmed = match link_token {
        Ok(Path(link_token)) => {
            let now = state.now();
            state
                .0
                .db
                .run(move |connection| {
                    let transaction = connection.transaction()?;
                    let hash = keyed_hash(&hashing_key(&transaction)?, &["newsletter", &link_token]);
                    let email: Option<String> = transaction
                        .query_row(
                            "SELECT email FROM newsletter_links WHERE token_hash = ?1 AND expires_at > ?2",
                            params![hash, now],
                            |row| row.get(0),
                        )
                        .optional()?;
                    if let Some(email) = &email {
                        transaction.execute(
                            "UPDATE subscriptions SET status = 'confirmed', confirmed_at = ?2 WHERE email = ?1",
                            params![email, now],
                        )?;
                        transaction.execute("DELETE FROM newsletter_links WHERE email = ?1", [email])?;
                    }
                    transaction.commit()?;
                    Ok(email.is_some())
                })
                .await
        }
        Err(_) => Ok(false),
    };
    let (status, message) = match confirmed {
        Ok(true) => (StatusCode::OK, "Your subscription to the newsletter is confirmed. Thank you."),
        Ok(false) => (StatusCode::NOT_FOUND, "This confirmation link is not valid, has expired, or was already used."),
        Err(error) => return error.into_response(),
    };
    if !wants_html {
        return (status, Json(json!({ "message": message }))).into_response();
    }
    let page = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"icon\" href=\"data:,\"><title>Newsletter — Relations with Georgia</title></head><body><main><h1>Newsletter</h1><p>{message}</p><p><a href=\"/\">Go to Relations with Georgia</a></p></main></body></html>"
    );
    (
        status,
        [(header::CONTENT_SECURITY_POLICY, "default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'")],
        Html(page),
    )
        .into_response()
}
