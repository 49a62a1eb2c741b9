//! `/search?q=<words>`' island: the passages that match, best first, each with its section, its
//! matches marked, and a link to it in its page, where the words are marked too. The field is
//! the header's (a plain GET form); the words live in the URL, so a search can be reloaded and
//! shared, and Back and Forward move between searches. It downloads the content file — its one
//! piece of data, named by the page — and searches it with the content crate's `search`.

mod marks;

use std::ops::Range;
use std::sync::Arc;

use leptos::prelude::*;
use nato_georgia_content::search::{result_count_text, search, Hit, Query, NO_RESULTS};
use nato_georgia_content::Content;
use nato_georgia_web::content_file::{fetch_content, LoadError};
use nato_georgia_web::marked_text::MarkedText;
use nato_georgia_web::navigation::{after_next_navigation, on_back_and_forward, query_param};
use nato_georgia_web::paths::{site_paths, SitePaths};
use nato_georgia_web::shared_names::ids::SITE_SEARCH;
use wasm_bindgen::JsCast;

/// A passage found, as the page shows it.
#[derive(Clone, PartialEq)]
pub struct Found {
    href: String,
    place: String,
    block_id: String,
    text: String,
    marks: Vec<Range<usize>>,
}

fn result(hit: &Hit, paths: &SitePaths) -> Found {
    let section = hit.passage.location.title();
    let place = match hit.passage.subsection {
        Some(subsection) => format!("{section} › {subsection}"),
        None => section.to_owned(),
    };
    Found {
        href: paths.passage(&hit.passage.location, hit.passage.block_id),
        place,
        block_id: hit.passage.block_id.to_owned(),
        text: hit.passage.text.to_owned(),
        marks: hit.marks.clone(),
    }
}

/// The words in the address.
fn words_in_url() -> String {
    query_param("q")
}

/// Shows the words searched in the header's field.
fn show_in_field(words: &str) {
    let field = nato_georgia_web::dom::document().and_then(|document| document.get_element_by_id(SITE_SEARCH));
    if let Some(field) = field.and_then(|field| field.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        field.set_value(words);
    }
}

#[island]
pub fn SearchResults(content_url: String) -> impl IntoView {
    let paths = site_paths();
    let (words, set_words) = signal(String::new());
    let content = RwSignal::new(None::<Result<Arc<Content>, LoadError>>);
    let load = move || {
        let url = content_url.clone();
        leptos::task::spawn_local(async move {
            content.set(Some(fetch_content(&url).await.map(Arc::new)));
        });
    };
    let results_root = NodeRef::<leptos::html::Ol>::new();
    // The address is browser state: read after hydrating (the prerendered page has no words),
    // and again on Back and Forward between searches.
    let follow_address = move || {
        let searched = words_in_url();
        show_in_field(&searched);
        set_words.set(searched);
    };
    let start = load.clone();
    Effect::new(move |_| {
        follow_address();
        start();
        on_back_and_forward(move || {
            if results_root.get_untracked().is_some_and(|list| list.is_connected()) {
                follow_address();
            }
        });
    });
    let results = Memo::new(move |_| match content.read().as_ref() {
        Some(Ok(content)) => {
            search(content, &Query::parse(&words.read())).iter().map(|hit| result(hit, &paths)).collect::<Vec<_>>()
        }
        _ => Vec::new(),
    });
    let failed = move || content.read().as_ref().and_then(|loaded| loaded.as_ref().err().map(ToString::to_string));
    let status = move || match (words.read().trim().is_empty(), content.read().is_some(), results.read().len()) {
        (true, _, _) => String::new(),
        (false, false, _) => "Searching…".to_owned(),
        (false, true, 0) if failed().is_some() => String::new(),
        (false, true, 0) => NO_RESULTS.to_owned(),
        (false, true, count) => result_count_text(count),
    };
    // The list keeps its room until its results are here (style/main.css): busy while the
    // content is on its way for words to search, done once it has come (or failed).
    let busy = move || match (content.read().is_some(), words.read().trim().is_empty()) {
        (true, _) => Some("false"),
        (false, false) => Some("true"),
        (false, true) => None,
    };
    let list = move || {
        results
            .get()
            .into_iter()
            .map(|found| {
                let (href, place, text, marks) =
                    (found.href.clone(), found.place.clone(), found.text.clone(), found.marks.clone());
                // The router opens the passage's page; its words are marked there once it shows.
                let open = move |_| {
                    let found = found.clone();
                    after_next_navigation(move || marks::mark_passage(&found));
                };
                view! {
                    <li>
                        <p class="result-place"><a href=href on:click=open>{place}</a></p>
                        <p><MarkedText text marks /></p>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <p class="match-count" role="status" aria-live="polite">{status}</p>
        {move || failed().map(|error| view! {
            <div class="content-error" role="alert">
                <p>"The article could not be loaded to search it."</p>
                <p class="what-failed">{error}</p>
                <button type="button" on:click={
                    let load = load.clone();
                    move |_| {
                        content.set(None);
                        load();
                    }
                }>"Try again"</button>
            </div>
        })}
        <ol class="search-results" node_ref=results_root aria-busy=busy>{list}</ol>
    }
}
