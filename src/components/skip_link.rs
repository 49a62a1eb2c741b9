//! "Skip to content": the first stop of the keyboard. It names the page's own path with
//! `#main` (a bare `#main` would resolve against `<base href>` to the home page without
//! JavaScript), but for "Page not found", which has no path of its own; the loader moves focus
//! to the main content when it is followed, and keeps the address as it is.

use leptos::prelude::*;
use nato_georgia_web::shared_names::{classes, ids};

use crate::context::current_path;

#[component]
pub fn SkipLink() -> impl IntoView {
    view! { <a class=classes::SKIP_LINK href=format!("{}#{}", current_path().unwrap_or_default(), ids::MAIN)>"Skip to content"</a> }
}
