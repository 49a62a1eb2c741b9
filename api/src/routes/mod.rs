//! The API's routes under `/api`, and what the handlers share: the checks they apply to
//! what was sent.

mod accounts;
mod dev;
mod newsletter;
mod password_resets;
mod sessions;

use axum::extract::MatchedPath;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use nato_georgia_checks::email::validate_email;
use nato_georgia_checks::password::rule_error;
use nato_georgia_checks::strength::{estimate, user_inputs_from_email};
use nato_georgia_checks::FieldError;

use crate::answers;
use crate::error::ApiError;
use crate::state::AppState;

pub fn router(state: AppState) -> Router {
    let development = state.0.config.development;
    let mut api = Router::new()
        .route("/newsletter/subscriptions", post(newsletter::subscribe))
        .route("/newsletter/confirmations/{token}", get(newsletter::confirm))
        .route("/accounts", post(accounts::create))
        .route("/accounts/verify", post(accounts::verify))
        .route("/sessions", post(sessions::sign_in).delete(sessions::sign_out))
        .route("/session", get(sessions::current))
        .route("/password-resets", post(password_resets::request))
        .route("/password-resets/verify", post(password_resets::verify))
        .route("/password-resets/complete", post(password_resets::complete));
    if development {
        api = api.route("/dev/outbox", get(dev::outbox));
    }
    let not_allowed = || async { ApiError::Status(StatusCode::METHOD_NOT_ALLOWED) };
    Router::new()
        .nest("/api", api.method_not_allowed_fallback(not_allowed))
        .fallback(|| async { ApiError::Status(StatusCode::NOT_FOUND) })
        .method_not_allowed_fallback(not_allowed)
        .layer(axum::middleware::from_fn_with_state(state.clone(), answers::every_answer))
        .layer(axum::middleware::from_fn(log_request))
        .with_state(state)
}

/// One line per request: method, route, status, time. Never bodies, headers, or the path as
/// sent (a confirmation link's token is in it): the route it matched, like
/// `/api/newsletter/confirmations/{token}`.
async fn log_request(request: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    let method = request.method().clone();
    let route = request.extensions().get::<MatchedPath>().map_or("(no route)", |path| path.as_str()).to_owned();
    let started = std::time::Instant::now();
    let response = next.run(request).await;
    tracing::info!(%method, %route, status = response.status().as_u16(), elapsed_ms = started.elapsed().as_millis() as u64, "request");
    response
}

/// The address as the account's key: checked by the shared rule, trimmed, lowercased.
pub fn checked_email(input: &str) -> Result<String, FieldError> {
    validate_email(input).map(|email| email.to_lowercase()).map_err(|message| FieldError::new("email", message))
}

/// The address checked, or the 422 that says why not.
pub fn email_or_refusal(input: &str) -> Result<String, ApiError> {
    checked_email(input).map_err(|error| ApiError::Fields(vec![error]))
}

/// The emailed code, checked by the shared rule with spaces and hyphens removed, or the 422.
pub fn code_or_refusal(input: &str) -> Result<String, ApiError> {
    nato_georgia_checks::code::normalize_code(input).map_err(|message| ApiError::field("code", message))
}

/// The password checked by the shared rule and, once it keeps the rule, by its strength.
pub fn checked_password(password: &str, email: &str) -> Result<(), FieldError> {
    if let Some(message) = rule_error(password) {
        return Err(FieldError::new("password", message));
    }
    match estimate(password, &user_inputs_from_email(email)).weakness_error() {
        Some(message) => Err(FieldError::new("password", message)),
        None => Ok(()),
    }
}

/// All field errors at once, or nothing.
pub fn fields_ok(results: Vec<Result<(), FieldError>>) -> Result<(), ApiError> {
    let errors: Vec<FieldError> = results.into_iter().filter_map(Result::err).collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Fields(errors))
    }
}
