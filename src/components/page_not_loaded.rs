//! The page shown when a page's code could not be downloaded (offline, or the server is gone):
//! what happened, and a link that loads the page afresh.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::page_meta::PageMeta;

#[component]
pub fn PageNotLoaded() -> impl IntoView {
    let location = use_location();
    // The router keeps the query without its "?".
    let (pathname, search) = (location.pathname.get_untracked(), location.search.get_untracked());
    let here = if search.is_empty() { pathname } else { format!("{pathname}?{search}") };
    view! {
        <PageMeta heading="This page could not be loaded" description="The page could not be downloaded." />
        <article class="not-loaded">
            <h1 tabindex="-1">"This page could not be loaded"</h1>
            <p>"Its content could not be downloaded. Check your connection and try again."</p>
            // A full page load (rel="external": the router leaves the link to the browser).
            <p><a href=here rel="external">"Try again"</a></p>
        </article>
    }
}
