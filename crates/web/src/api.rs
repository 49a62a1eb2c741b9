//! Requests to the site's API (the reference server in `api/`), as JSON with gloo-net, from
//! the islands that need it (the forms, the header's account links).
//!
//! Every failure becomes an [`ApiError`] a form can show: field errors exactly like the
//! browser's own, and a clear sentence for everything else, so the visitor can retry.

use gloo_net::http::{Request, Response};
use nato_georgia_checks::requests::ApiRequest;
use nato_georgia_checks::wait::too_many_attempts;
use nato_georgia_checks::FieldError;
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// Where the API lives: `<meta name="api-base">` in index.html, `/api` by default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiConfig {
    pub base: String,
}

impl ApiConfig {
    /// From the page's `<meta name="api-base" content="/api">`, so a deployer can point the
    /// forms elsewhere without rebuilding; `/api` when absent.
    pub fn from_document() -> Self {
        let base = crate::dom::document()
            .and_then(|document| document.query_selector("meta[name='api-base']").ok().flatten())
            .and_then(|meta| meta.get_attribute("content"))
            .filter(|base| !base.trim().is_empty())
            .unwrap_or_else(|| "/api".to_owned());
        Self { base }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The request did not get through.
    Network,
    /// The browser is offline: the request was not sent.
    Offline,
    /// 422: the server's checks refused fields, with its messages.
    Fields(Vec<FieldError>),
    /// 429: too many attempts; try again after this many seconds, if the server said.
    RateLimited(Option<u32>),
    /// 4xx with a message for the visitor (a wrong password, an expired code).
    Refused(String),
    /// A server error, or an answer that is not the API's JSON.
    Unexpected(u16),
}

impl ApiError {
    /// The sentence shown at the top of the form for errors that belong to no single field.
    pub fn message(&self) -> String {
        match self {
            ApiError::Network => "The request could not be sent. Check your connection and try again.".into(),
            ApiError::Offline => {
                "You are offline. What you typed is kept; send it again when you are back online.".into()
            }
            ApiError::Fields(_) => "Some answers need correcting.".into(),
            ApiError::RateLimited(seconds) => too_many_attempts(seconds.map(u64::from)),
            ApiError::Refused(message) => message.clone(),
            ApiError::Unexpected(status) => format!(
                "Sorry, there is a problem with the service (error {status}). What you entered is kept: try again in a moment."
            ),
        }
    }
}

#[derive(Deserialize)]
struct ErrorBody {
    #[serde(default)]
    errors: Vec<FieldError>,
    #[serde(default)]
    message: Option<String>,
}

fn is_json(response: &Response) -> bool {
    response.headers().get("content-type").is_some_and(|t| t.to_ascii_lowercase().contains("json"))
}

async fn error_from(response: Response) -> ApiError {
    let status = response.status();
    let retry_after = response.headers().get("retry-after").and_then(|v| v.trim().parse().ok());
    let body = if is_json(&response) { response.json::<ErrorBody>().await.ok() } else { None };
    match (status, body) {
        (429, _) => ApiError::RateLimited(retry_after),
        (422, Some(body)) if !body.errors.is_empty() => ApiError::Fields(body.errors),
        (400..=499, Some(ErrorBody { message: Some(message), .. })) => ApiError::Refused(message),
        (status, _) => ApiError::Unexpected(status),
    }
}

/// The answer of a request that succeeded, or the error a form shows.
async fn answer(result: Result<Response, gloo_net::Error>) -> Result<Response, ApiError> {
    let offline = || web_sys::window().is_some_and(|window| !window.navigator().on_line());
    let response = result.map_err(|_| if offline() { ApiError::Offline } else { ApiError::Network })?;
    if response.ok() {
        Ok(response)
    } else {
        Err(error_from(response).await)
    }
}

impl ApiConfig {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base.trim_end_matches('/'))
    }

    /// Sends a form's request to its endpoint (`R::PATH`), as JSON.
    pub async fn send<R: ApiRequest>(&self, request: &R) -> Result<(), ApiError> {
        let request = Request::post(&self.url(R::PATH)).json(request).map_err(|_| ApiError::Network)?;
        answer(request.send().await).await.map(drop)
    }

    /// The JSON answer, `None` when there is none (204, or not JSON).
    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<Option<T>, ApiError> {
        let response = answer(Request::get(&self.url(path)).send().await).await?;
        if response.status() == 204 || !is_json(&response) {
            return Ok(None);
        }
        response.json().await.map(Some).map_err(|_| ApiError::Unexpected(response.status()))
    }

    pub async fn delete(&self, path: &str) -> Result<(), ApiError> {
        answer(Request::delete(&self.url(path)).send().await).await.map(drop)
    }
}
