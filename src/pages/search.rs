//! `/search?q=<words>`: the page around the search's island (`islands/search`), with the
//! passages it searches, made from the content at build time. On a direct visit its first
//! results are shown before the island's code arrives (the template and its script); without
//! JavaScript it says that searching needs it.

use std::sync::Arc;

use leptos::prelude::*;
use nato_georgia_content::Content;
use nato_georgia_search::data::SearchData;
use nato_georgia_search::first::FirstResultsTemplate;
use nato_georgia_search::SearchResults;
use nato_georgia_web::paths::SitePaths;
use nato_georgia_web::shared_names::ids::SEARCH_DATA;

use crate::components::page_meta::PageMeta;

#[component]
pub fn SearchPage() -> impl IntoView {
    let data = SearchData::new(&expect_context::<Arc<Content>>(), &expect_context::<SitePaths>());
    view! {
        <PageMeta heading="Search" description="Search the page on NATO's relations with Georgia." />
        <article class="search">
            <h1 tabindex="-1">"Search"</h1>
            <noscript class="needs-js">"Searching needs JavaScript. Turn JavaScript on in your browser to search."</noscript>
            <script type="application/json" id=SEARCH_DATA inner_html=data.to_script_text()></script>
            <FirstResultsTemplate />
            <SearchResults data=SEARCH_DATA.to_owned() />
        </article>
    }
}
