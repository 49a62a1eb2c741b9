//! The content file, read as a whole: by the prerenderer, which makes every page from it and
//! refuses a file with errors, and by the search island, which searches all of it. Every
//! failure says what is wrong, in words a visitor and the site's editor can act on.

use std::fmt;

use nato_georgia_content::{parse, Content, Finding, ParseError};

/// Why the content is not there, in words a visitor and the site's editor can act on.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The request itself failed: offline, blocked, or the server is down.
    Network(String),
    /// The server answered with an error status.
    Status {
        url: String,
        code: u16,
        text: String,
    },
    /// The server answered with something that is not JSON, typically an HTML fallback page
    /// served for a missing file.
    NotJson {
        url: String,
        content_type: String,
    },
    Malformed(ParseError),
    Invalid(Vec<Finding>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network(reason) => write!(f, "The content could not be downloaded: {reason}."),
            LoadError::Status { url, code, text } => {
                write!(f, "The server answered {code} {text} for {url}.")
            }
            LoadError::NotJson { url, content_type } => write!(
                f,
                "The server sent {content_type} instead of JSON for {url}; the content file is probably missing."
            ),
            LoadError::Malformed(error) => write!(f, "The content file is malformed {error}."),
            LoadError::Invalid(findings) => {
                write!(f, "The content file has errors: ")?;
                let list: Vec<String> = findings.iter().map(ToString::to_string).collect();
                write!(f, "{}.", list.join("; "))
            }
        }
    }
}

/// Parses a content file.
pub fn parse_content(json: &str) -> Result<Content, LoadError> {
    parse(json).map_err(LoadError::Malformed)
}

/// Parses a content file and refuses one with errors: the prerenderer's check, so that every
/// page is made from a usable file.
pub fn checked_content(json: &str) -> Result<Content, LoadError> {
    let content = parse_content(json)?;
    let report = nato_georgia_content::check_for_errors(&content);
    if !report.is_usable() {
        return Err(LoadError::Invalid(report.errors));
    }
    Ok(content)
}

/// Downloads and parses the content file at `url` (the search island's: the pages themselves
/// carry their text). It is the file the pages were made from, checked then, so it is only
/// parsed here.
pub async fn fetch_content(url: &str) -> Result<Content, LoadError> {
    let response =
        gloo_net::http::Request::get(url).send().await.map_err(|error| LoadError::Network(error.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Status { url: url.to_owned(), code: response.status(), text: response.status_text() });
    }
    let content_type = response.headers().get("content-type").unwrap_or_default();
    if !content_type.to_ascii_lowercase().contains("json") {
        let content_type = if content_type.is_empty() { "a response with no type".into() } else { content_type };
        return Err(LoadError::NotJson { url: url.to_owned(), content_type });
    }
    let json = response.text().await.map_err(|error| LoadError::Network(error.to_string()))?;
    parse_content(&json)
}
