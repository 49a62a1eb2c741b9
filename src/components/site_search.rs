//! The site search in the header of every page: a "Search" field and button, a plain GET form
//! that leads to `/search?q=…`, so it works without JavaScript and a search is a URL that can
//! be reloaded and shared. The search page's island fills in the words searched.
//!
//! Its keys are the loader's (src/loader.js), which keeps the site's one rule for "/" — pressed
//! anywhere but in a field, it focuses the search field of the page you are on: the page's own
//! (`data-slash-focus`, the region list's filter) if it has one, this one otherwise — and
//! clears this field on Escape; the loader's router follows the form. None of it is wasm.

use leptos::prelude::*;
use nato_georgia_web::paths::SitePaths;
use nato_georgia_web::shared_names::ids::SITE_SEARCH;

#[component]
pub fn SiteSearch() -> impl IntoView {
    let action = expect_context::<SitePaths>().search("");
    view! {
        <form class="site-search" role="search" action=action method="get">
            <label for=SITE_SEARCH>"Search"</label>
            <input id=SITE_SEARCH name="q" type="search" />
            <button type="submit">"Search"</button>
        </form>
    }
}
