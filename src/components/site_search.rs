//! The site search in the header of every page: a "Search" field and button, a plain GET form
//! that leads to `/search?q=…`, so it works before the app runs (and without it) and a search
//! is a URL that can be reloaded and shared. The search page fills in the words searched.
//!
//! The form's inside is static HTML (`inner_html`: hydration keeps what is typed), and its keys
//! are the loader's (src/loader.js), which keeps the site's one rule for "/" — pressed anywhere
//! but in a field, it focuses the search field of the page you are on: the page's own
//! (`data-slash-focus`, the region list's filter) if it has one, this one otherwise — and
//! clears this field on Escape. So none of it weighs on the first view's wasm.

use leptos::prelude::*;

use crate::paths::SitePaths;
use crate::shared_names::ids::SITE_SEARCH;

#[component]
pub fn SiteSearch() -> impl IntoView {
    let fields = format!(
        r#"<label for="{SITE_SEARCH}">Search</label><input id="{SITE_SEARCH}" name="q" type="search"><button type="submit">Search</button>"#
    );
    let action = expect_context::<SitePaths>().search("");
    view! { <form class="site-search" role="search" action=action method="get" inner_html=fields></form> }
}
