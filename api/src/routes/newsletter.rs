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
use serde_json::json;

use super::{checked, email_key};
use crate::budgets::NEWSLETTER_MAILS;
use crate::client_ip::ClientIp;
use crate::error::ApiError;
use crate::json::Body;
use crate::mail;
use crate::secrets::{keyed_hash, token};
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
    state.limit_client(client).await?;
    checked(&input)?;
    let email = email_key(&input.email);
    let (db, now, public_url) = (&state.0.db, state.now(), &state.0.config.public_url);
    let link_token = token()?;
    let hash = keyed_hash(db.key(), &["newsletter", &link_token]);
    let mut transaction = db.begin_for(&email).await?;
    let (status, mailed_at): (String, Option<i64>) = sqlx::query_as(
        "INSERT INTO subscriptions (email, status, created_at) VALUES ($1, 'pending', $2)
         ON CONFLICT (email) DO UPDATE SET email = excluded.email
         RETURNING status, mailed_at",
    )
    .bind(&email)
    .bind(now)
    .fetch_one(&mut *transaction)
    .await?;
    let cooling = mailed_at.is_some_and(|at| at + COOLDOWN_SECONDS > now);
    if cooling || NEWSLETTER_MAILS.spent(&mut transaction, &[&email], now).await?.is_some() {
        transaction.commit().await?;
        return Ok((StatusCode::ACCEPTED, Json(json!({}))));
    }
    NEWSLETTER_MAILS.spend(&mut transaction, &[&email], now).await?;
    sqlx::query("UPDATE subscriptions SET mailed_at = $2 WHERE email = $1")
        .bind(&email)
        .bind(now)
        .execute(&mut *transaction)
        .await?;
    if status == "confirmed" {
        let body = "Someone asked to subscribe this email address to the newsletter. It is subscribed already: there is nothing to do.\n\nIf you did not ask, ignore this message.";
        let until = Some(now + mail::NOTICE_SECONDS);
        mail::send(&mut transaction, &email, "You are subscribed to the newsletter", body, now, until).await?;
    } else {
        sqlx::query("INSERT INTO newsletter_links (token_hash, email, created_at, expires_at) VALUES ($1, $2, $3, $4)")
            .bind(&hash)
            .bind(&email)
            .bind(now)
            .bind(now + LINK_SECONDS)
            .execute(&mut *transaction)
            .await?;
        let body = format!(
            "Confirm your subscription to the newsletter by following this link:\n\n{public_url}/api/newsletter/confirmations/{link_token}\n\nThe link works for 7 days. If you did not ask for it, ignore this message."
        );
        let until = Some(now + LINK_SECONDS);
        mail::send(&mut transaction, &email, "Confirm your newsletter subscription", &body, now, until).await?;
    }
    transaction.commit().await?;
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
        Ok(Path(link_token)) => confirm_link(&state, &link_token).await,
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

/// Confirms the subscription a link was sent for; whether it was one that works.
async fn confirm_link(state: &AppState, link_token: &str) -> Result<bool, ApiError> {
    let (db, now) = (&state.0.db, state.now());
    let hash = keyed_hash(db.key(), &["newsletter", link_token]);
    let mut transaction = db.begin().await?;
    let email: Option<String> =
        sqlx::query_scalar("SELECT email FROM newsletter_links WHERE token_hash = $1 AND expires_at > $2")
            .bind(&hash)
            .bind(now)
            .fetch_optional(&mut *transaction)
            .await?;
    if let Some(email) = &email {
        sqlx::query("UPDATE subscriptions SET status = 'confirmed', confirmed_at = $2 WHERE email = $1")
            .bind(email)
            .bind(now)
            .execute(&mut *transaction)
            .await?;
        sqlx::query("DELETE FROM newsletter_links WHERE email = $1").bind(email).execute(&mut *transaction).await?;
    }
    transaction.commit().await?;
    Ok(email.is_some())
}
