//! What holds for every answer, whichever part of the stack made it: it comes within the
//! whole-request time limit, it is JSON in the API's shape (the framework's own refusals —
//! a 405, a malformed path — are rewritten), and it carries the headers in
//! [`EVERY_ANSWER`](crate::error::EVERY_ANSWER). The one page meant for people, a newsletter
//! confirmation opened in a browser, stays HTML.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::{ApiError, EVERY_ANSWER};
use crate::state::AppState;

pub async fn every_answer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let mut response = match tokio::time::timeout(state.0.config.timeouts.request, next.run(request)).await {
        Ok(response) => response,
        // Not `Busy`: without `Retry-After`, as the request may have done part of its work.
        Err(_) => {
            crate::metrics::metrics().refused("request-time");
            ApiError::Status(StatusCode::SERVICE_UNAVAILABLE).into_response()
        }
    };
    let content_type = response.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let ours = content_type.starts_with("application/json") || content_type.starts_with("text/html");
    if !ours && response.status() != StatusCode::NO_CONTENT {
        let status = response.status();
        let retry_after = response.headers().get(header::RETRY_AFTER).cloned();
        let allow = response.headers().get(header::ALLOW).cloned();
        response = ApiError::Status(if status.is_success() { StatusCode::INTERNAL_SERVER_ERROR } else { status })
            .into_response();
        for (name, value) in [(header::RETRY_AFTER, retry_after), (header::ALLOW, allow)] {
            if let Some(value) = value {
                response.headers_mut().insert(name, value);
            }
        }
    }
    for (name, value) in EVERY_ANSWER {
        response.headers_mut().insert(name, HeaderValue::from_static(value));
    }
    response
}
