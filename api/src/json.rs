//! A JSON body extractor whose rejections are the API's own 400 answers, with a message that
//! says what is wrong (bad syntax, a wrong content type, a missing field).

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;

use crate::error::ApiError;

pub struct Body<T>(pub T);

impl<S, T> FromRequest<S> for Body<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(Body(value)),
            Err(JsonRejection::MissingJsonContentType(_)) => {
                Err(ApiError::BadRequest("Send the request as JSON (Content-Type: application/json).".into()))
            }
            Err(rejection) if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => Err(ApiError::TooLarge),
            Err(rejection) => Err(ApiError::BadRequest(rejection.body_text())),
        }
    }
}
