//! The content, loaded once for the whole app and shared through context.
//!
//! Pages read it with [`use_content`]; they never fetch anything themselves, so the same
//! components can later render from content the page already carries.

use std::fmt;
use std::sync::{Arc, OnceLock};

use leptos::prelude::*;
use nato_georgia_content::region_index::RegionIndex;
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

#[derive(Debug, Clone, PartialEq)]
pub enum LoadState {
    Loading,
    Ready(Arc<Content>),
    Failed(LoadError),
}

/// Parses a content file and checks it for errors. The release build's pages were made from
/// this very file by the prerenderer, which runs the check and refuses a file with errors, so
/// its browser build reads the file without checking it again (and without the check's 3.5 KB
/// in the first view); development builds, where an editor sees an edit at once, check it here.
pub fn content_from_json(json: &str) -> Result<Content, LoadError> {
    let content = parse(json).map_err(LoadError::Malformed)?;
    #[cfg(not(split))]
    {
        let report = nato_georgia_content::check_for_errors(&content);
        if !report.is_usable() {
            return Err(LoadError::Invalid(report.errors));
        }
    }
    Ok(content)
}

async fn fetch_content(url: &str) -> Result<Content, LoadError> {
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
    content_from_json(&json)
}

/// The app's one copy of the content and how it is loading.
#[derive(Debug, Clone, Copy)]
pub struct ContentStore {
    url: StoredValue<String>,
    state: RwSignal<LoadState>,
}

impl ContentStore {
    /// A store that will load from `url` when asked to.
    pub fn new(url: String) -> Self {
        Self { url: StoredValue::new(url), state: RwSignal::new(LoadState::Loading) }
    }

    /// A store that already holds its content (for rendering without a download).
    pub fn ready(content: Content) -> Self {
        Self { url: StoredValue::new(String::new()), state: RwSignal::new(LoadState::Ready(Arc::new(content))) }
    }

    /// (Re)loads the content in the background; the state says how it goes.
    pub fn load(self) {
        leptos::task::spawn_local(async move {
            self.fetch().await;
        });
    }

    /// Loads the content now; `true` when it is ready.
    pub async fn fetch(self) -> bool {
        self.state.set(LoadState::Loading);
        let result = fetch_content(&self.url.get_value()).await;
        let ready = result.is_ok();
        self.state.set(match result {
            Ok(content) => LoadState::Ready(Arc::new(content)),
            Err(error) => LoadState::Failed(error),
        });
        ready
    }

    pub fn state(&self) -> ReadSignal<LoadState> {
        self.state.read_only()
    }
}

/// The loaded content. Only rendered below the point where the app has it.
pub fn use_content() -> Arc<Content> {
    expect_context::<Arc<Content>>()
}

/// The place for the region index of the loaded content, provided beside it and filled by the
/// first page that needs it.
#[derive(Clone, Default)]
pub struct RegionIndexSlot(Arc<OnceLock<Arc<RegionIndex>>>);

/// The region index, built from the content the first time a page asks for it: only the region
/// pages need it, and building it searches the whole article for every place, which other pages
/// should not wait for while they hydrate.
pub fn use_region_index() -> Arc<RegionIndex> {
    let slot = expect_context::<RegionIndexSlot>();
    slot.0.get_or_init(|| Arc::new(RegionIndex::build(&use_content()))).clone()
}
