//! `/search?q=<words>`: the page around the search's island (`islands/search`), which reads the
//! words from the address and searches the content file. Without JavaScript it says that
//! searching needs it.

use leptos::prelude::*;
use leptos_meta::Link;
use nato_georgia_search::SearchResults;
use nato_georgia_web::paths::SitePaths;

use crate::components::page_meta::PageMeta;

#[component]
pub fn SearchPage() -> impl IntoView {
    let content_url = expect_context::<SitePaths>().content_url();
    view! {
        <PageMeta heading="Search" description="Search the page on NATO's relations with Georgia." />
        // The island's data, fetched while the page loads rather than once the island runs.
        <Link rel="preload" href=content_url.clone() as_="fetch" crossorigin="anonymous" />
        <article class="search">
            <h1 tabindex="-1">"Search"</h1>
            <noscript class="needs-js">"Searching needs JavaScript. Turn JavaScript on in your browser to search."</noscript>
            <SearchResults content_url />
        </article>
    }
}
