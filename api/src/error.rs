//! Every failure the API answers with, and its JSON shape. Nothing here echoes a password.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use nato_georgia_checks::FieldError;
use serde_json::json;

#[derive(Debug)]
pub enum ApiError {
    /// 400: malformed JSON, a wrong content type, or a request that cannot be honoured.
    BadRequest(String),
    /// 401: not signed in, or wrong credentials.
    Unauthorized(String),
    /// 404
    NotFound,
    /// 413: the body is over the limit.
    TooLarge,
    /// 422: the shared checks refused fields.
    Fields(Vec<FieldError>),
    /// 429: wait this many seconds.
    TooManyRequests(u64),
    /// 500: logged, never shown in detail.
    Internal(String),
}

impl ApiError {
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        ApiError::Fields(vec![FieldError::new(field, message)])
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match self {
            ApiError::BadRequest(message) => (StatusCode::BAD_REQUEST, Json(json!({ "message": message }))).into_response(),
            ApiError::Unauthorized(message) => {
                (StatusCode::UNAUTHORIZED, Json(json!({ "message": message }))).into_response()
            }
            ApiError::NotFound => (StatusCode::NOT_FOUND, Json(json!({ "message": "Not found" }))).into_response(),
            ApiError::TooLarge => {
                (StatusCode::PAYLOAD_TOO_LARGE, Json(json!({ "message": "The request is too large." }))).into_response()
            }
            ApiError::Fields(errors) => {
                (StatusCode::UNPROCESSABLE_ENTITY, Json(json!({ "errors": errors }))).into_response()
            }
            ApiError::TooManyRequests(seconds) => {
                let mut response = (
                    StatusCode::TOO_MANY_REQUESTS,
                    Json(json!({ "message": format!("Too many attempts. Wait {seconds} seconds, then try again.") })),
                )
                    .into_response();
                if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
                    response.headers_mut().insert(header::RETRY_AFTER, value);
                }
                response
            }
            ApiError::Internal(detail) => {
                tracing::error!(%detail, "internal error");
                (StatusCode::INTERNAL_SERVER_ERROR, Json(json!({ "message": "Sorry, something went wrong. Try again later." })))
                    .into_response()
            }
        }
    }
}
