//! NATO's "Relations with Georgia" page as a Leptos single-page app.
//!
//! `start` prepares what the app needs from the browser before the first render, `app` holds the
//! frame every page shares, `routes` the table of routes, `pages` one module per route and
//! `components` the pieces they share. The content model
//! itself is the `nato-georgia-content` crate, free of any DOM.

pub mod account_session;
pub mod api;
pub mod app;
pub mod browser_storage;
pub mod components;
pub mod content_store;
pub mod dom;
pub mod pages;
pub mod paths;
pub mod prefill;
pub mod return_path;
pub mod routes;
pub mod shared_names;
#[cfg(feature = "hydrate")]
pub mod start;
pub mod strength_estimator;
