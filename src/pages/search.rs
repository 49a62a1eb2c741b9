//! `/search?q=<words>`: the page around the search's island (`islands/search`), which reads the
//! words from the address and searches the content file. Without JavaScript it says that
//! searching needs it.

use leptos::prelude::*;
use nato_georgia_search::SearchResults;
use nato_georgia_web::paths::SitePaths;

use crate::components::page_meta::PageMeta;

#[component]
pub fn SearchPage() -> impl IntoView {
    let content_url = expect_context::<SitePaths>().content_url();
    view! {
        <PageMeta heading="Search" description="Search the page on NATO's relations with Georgia." />
        <article class="search">
            <h1 tabindex="-1">"Search"</h1>
            <noscript class="needs-js">"Searching needs JavaScript. Turn JavaScript on in your browser to search."</noscript>
            <SearchResults content_url />
        </article>
    }
}
