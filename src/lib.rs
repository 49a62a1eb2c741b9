//! NATO's "Relations with Georgia" page as a static site, rendered at build time: every route
//! is a page of HTML that reads whole without JavaScript. What is interactive on a page is an
//! island (`islands/`), rendered here with the rest and hydrated in the browser from its
//! bundle; everything in this crate stays on the server.
//!
//! `main` (the prerenderer) renders each route of `routes` into the build: `app` is the frame
//! every page shares, `pages` one module per route, `components` the static pieces they share,
//! and `context` what they render from. The content model is the `nato-georgia-content` crate,
//! the route table and the URLs `nato-georgia-web`.

pub mod app;
pub mod components;
pub mod context;
pub mod markers;
pub mod pages;
pub mod render;
pub mod routes;
