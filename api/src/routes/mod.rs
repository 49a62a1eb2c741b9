//! The API's routes under `/api`, and what the handlers share: the checks they apply to
//! what was sent.

mod accounts;
mod dev;
mod health;
mod newsletter;
mod password_resets;
mod sessions;

use axum::extract::MatchedPath;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use nato_georgia_checks::requests::{
    ApiRequest, CompleteReset, ConfirmAccount, ConfirmReset, CreateAccount, RequestReset, SignIn, Subscribe,
};

use crate::answers;
use crate::error::ApiError;
use crate::state::AppState;

pub fn router(state: AppState) -> Router {
    let development = state.0.config.development;
    let mut api = Router::new()
        .route(Subscribe::PATH, post(newsletter::subscribe))
        .route("/newsletter/confirmations/{token}", get(newsletter::confirm))
        .route(CreateAccount::PATH, post(accounts::create))
        .route(ConfirmAccount::PATH, post(accounts::verify))
        .route(SignIn::PATH, post(sessions::sign_in).delete(sessions::sign_out))
        .route("/session", get(sessions::current))
        .route("/health", get(health::health))
        .route(RequestReset::PATH, post(password_resets::request))
        .route(ConfirmReset::PATH, post(password_resets::verify))
        .route(CompleteReset::PATH, post(password_resets::complete));
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
    let (status, elapsed) = (response.status().as_u16(), started.elapsed());
    crate::metrics::metrics().answered(&route, status, elapsed.as_secs_f64());
    tracing::info!(%method, %route, status, elapsed_ms = elapsed.as_millis() as u64, "request");
    response
}

/// Runs the request's own checks — the browser's, with the password's strength estimated
/// here — and refuses it with every problem at once.
pub fn checked<R: ApiRequest>(request: &R) -> Result<(), ApiError> {
    let errors = request.validate_with_estimate();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Fields(errors))
    }
}

/// A checked address as the key it is stored under: trimmed, lowercased.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A checked code without its spaces and hyphens.
pub fn code_digits(code: &str) -> String {
    nato_georgia_checks::code::normalize_code(code).unwrap_or_default()
}
