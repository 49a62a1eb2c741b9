//! Every failure the API answers with, and its JSON shape: `{"message": …}`, or
//! `{"errors": [{"field", "message"}]}` for fields the checks refused. Messages name what is
//! wrong, never echo what was sent.

use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use nato_georgia_checks::wait::too_many_attempts;
use nato_georgia_checks::FieldError;
use serde_json::json;

#[derive(Debug)]
pub enum ApiError {
    /// 400: malformed JSON, a wrong content type, or a request that cannot be honoured.
    BadRequest(String),
    /// 401: not signed in, or wrong credentials.
    Unauthorized(String),
    /// 422: the shared checks refused fields.
    Fields(Vec<FieldError>),
    /// 429: wait this many seconds.
    TooManyRequests(u64),
    /// 503: the server is at a limit it sets itself; wait this many seconds.
    Busy(u64),
    /// 500: logged, never shown in detail.
    Internal(String),
    /// Any other status, with its standard message: 404, 405, 408, 413, 431…
    Status(StatusCode),
}

/// Headers on every answer: never sniffed as another type, never cached, and never sent on
/// as a referrer (a confirmation link's token is in its URL).
pub const EVERY_ANSWER: [(HeaderName, &str); 3] = [
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::CACHE_CONTROL, "no-store"),
    (header::REFERRER_POLICY, "no-referrer"),
];

/// The message for an answer that says no more than its status.
pub fn standard_message(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "The request is not valid.",
        401 => "You are not signed in",
        404 => "Not found",
        405 => "This address does not take that method.",
        408 => "The request was not sent in time.",
        413 => "The request is too large.",
        415 => "Send the request as JSON (Content-Type: application/json).",
        431 => "The request's headers are too large.",
        503 => "The server is busy. Try again in a moment.",
        _ => "Sorry, something went wrong. Try again later.",
    }
}

impl ApiError {
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        ApiError::Fields(vec![FieldError::new(field, message)])
    }

    fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Fields(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Busy(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            ApiError::Status(status) => *status,
        }
    }

    fn retry_after(&self) -> Option<u64> {
        match self {
            ApiError::TooManyRequests(seconds) | ApiError::Busy(seconds) => Some(*seconds),
            _ => None,
        }
    }

    fn body(&self) -> serde_json::Value {
        match self {
            ApiError::Fields(errors) => json!({ "errors": errors }),
            ApiError::BadRequest(message) | ApiError::Unauthorized(message) => json!({ "message": message }),
            ApiError::TooManyRequests(seconds) => json!({ "message": too_many_attempts(Some(*seconds)) }),
            ApiError::Internal(detail) => {
                tracing::error!(%detail, "internal error");
                json!({ "message": standard_message(StatusCode::INTERNAL_SERVER_ERROR) })
            }
            ApiError::Busy(_) | ApiError::Status(_) => json!({ "message": standard_message(self.status()) }),
        }
    }

    /// The whole answer as HTTP/1.1 bytes, for the connection layer, which answers some
    /// requests (a head sent too slowly or too large) before any router sees them.
    pub fn to_http1(&self) -> Vec<u8> {
        let status = self.status();
        let body = self.body().to_string();
        let mut head = format!(
            "HTTP/1.1 {} {}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n",
            status.as_u16(),
            status.canonical_reason().unwrap_or(""),
            body.len()
        );
        for (name, value) in &EVERY_ANSWER {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        if let Some(seconds) = self.retry_after() {
            head.push_str(&format!("retry-after: {seconds}\r\n"));
        }
        head.push_str("\r\n");
        head.push_str(&body);
        head.into_bytes()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status(), Json(self.body())).into_response();
        if let Some(seconds) = self.retry_after() {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}
