//! What the site's static pages (`src/`, rendered at build time) and its islands (`islands/`,
//! hydrated in the browser) share: the route table and the URLs made from it, the names shared
//! with the loader, and the browser's storage, DOM, API, account hint and content file.
//!
//! Everything that touches the browser is called from effects and event handlers only, so the
//! same components render on the server too.

pub mod account;
pub mod api;
pub mod content_file;
pub mod dom;
pub mod marked_text;
pub mod navigation;
pub mod paths;
pub mod prefill;
pub mod return_path;
pub mod routes;
pub mod shared_names;
pub mod storage;

/// Starts a bundle in the browser: every island the loader hands it from now on hydrates in
/// one reactive root. Called by each bundle's `main`.
#[cfg(feature = "hydrate")]
pub fn start() {
    leptos::mount::hydrate_islands();
}
