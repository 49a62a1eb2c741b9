//! `/search?q=<words>`' island: the passages that match, best first, each with its section, its
//! matches marked, and a link to it in its page, where the words are marked too. The field is
//! the header's (a plain GET form); the words live in the URL, so a search can be reloaded and
//! shared, and Back and Forward move between searches. It searches the passages its page
//! carries (`data`) with the content crate's search. On a direct visit the page shows its first
//! results before this code arrives, and the island takes over from them (`first`).

pub mod data;
pub mod first;
mod marks;

use std::ops::Range;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use nato_georgia_content::search::{search_texts, Query};
use nato_georgia_web::marked_text::MarkedText;
use nato_georgia_web::navigation::{after_next_navigation, on_back_and_forward, query_param};
use nato_georgia_web::shared_names::ids::SITE_SEARCH;
use wasm_bindgen::JsCast;

use crate::data::SearchData;

/// The class of the status line, and of the list of results (the first results' too).
const STATUS: &str = "match-count";
const LIST: &str = "search-results";

/// A passage found, as the page shows it.
#[derive(Clone, PartialEq, Default)]
pub struct Found {
    href: String,
    place: String,
    block_id: String,
    text: String,
    marks: Vec<Range<usize>>,
}

/// What `words` find in `data`, best first.
fn results_for(data: &SearchData, words: &str) -> Vec<Found> {
    let texts = data.passages.iter().map(|passage| (passage.text.as_str(), passage.headings.as_str()));
    search_texts(texts, &Query::parse(words))
        .into_iter()
        .map(|(index, marks)| {
            let passage = &data.passages[index];
            Found {
                href: passage.href.clone(),
                place: passage.place.clone(),
                block_id: passage.id.clone(),
                text: passage.text.clone(),
                marks,
            }
        })
        .collect()
}

/// A result: where the passage stands, a link to it, and its text with the words marked.
fn found_item(found: &Found, open: impl Fn(leptos::ev::MouseEvent) + 'static) -> impl IntoView {
    let (href, place, text, marks) = (found.href.clone(), found.place.clone(), found.text.clone(), found.marks.clone());
    view! {
        <li>
            <p class="result-place"><a href=href on:click=open>{place}</a></p>
            <p><MarkedText text marks /></p>
        </li>
    }
}

/// Shows the words searched in the header's field.
fn show_in_field(words: &str) {
    let field = nato_georgia_web::dom::document().and_then(|document| document.get_element_by_id(SITE_SEARCH));
    if let Some(field) = field.and_then(|field| field.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        field.set_value(words);
    }
}

/// The results of the words in the address, from the passages in the page's block `data`.
#[island]
pub fn SearchResults(data: String) -> impl IntoView {
    let (words, set_words) = signal(String::new());
    let passages = RwSignal::new(None::<Result<Arc<SearchData>, String>>);
    let results_root = NodeRef::<leptos::html::Ol>::new();
    // The address and the page's data are the browser's: read after hydrating (the prerendered
    // page has no words), and the address again on Back and Forward between searches.
    let follow_address = move || {
        let searched = query_param("q");
        show_in_field(&searched);
        set_words.set(searched);
    };
    Effect::new(move |_| {
        // Reading the passages, then searching and showing them, each in a task of its own
        // after hydrating's: none holds the main thread for long.
        let data = data.clone();
        set_timeout(
            move || {
                passages.set(Some(SearchData::read(&data).map(Arc::new)));
                set_timeout(follow_address, Duration::ZERO);
            },
            Duration::ZERO,
        );
        on_back_and_forward(move || {
            if results_root.get_untracked().is_some_and(|list| list.is_connected()) {
                follow_address();
            }
        });
    });
    let results = Memo::new(move |_| match passages.read().as_ref() {
        Some(Ok(data)) => results_for(data, &words.read()),
        _ => Vec::new(),
    });
    let failed = move || passages.read().as_ref().and_then(|read| read.as_ref().err().cloned());
    let status = move || match (words.read().trim().is_empty(), passages.read().as_ref()) {
        (false, Some(Ok(data))) => data.counts.get(results.read().len()).cloned().unwrap_or_default(),
        _ => String::new(),
    };
    // The list keeps its room (style/main.css) until the island has read its passages.
    let busy = move || match (passages.read().is_some(), words.read().trim().is_empty()) {
        (true, _) => Some("false"),
        (false, false) => Some("true"),
        (false, true) => None,
    };
    // The first results give way once these are shown for the address's words, or once they
    // are no longer for those words.
    Effect::new(move |_| {
        let ready = matches!(passages.read().as_ref(), Some(Ok(_))) && *words.read() == query_param("q");
        if let Some(list) = results_root.get() {
            first::hand_over(ready, &list);
        }
    });
    let list = move || {
        results
            .get()
            .into_iter()
            .map(|found| {
                // The router opens the passage's page; its words are marked there once it shows.
                let marked = found.clone();
                found_item(&found, move |_| {
                    let found = marked.clone();
                    after_next_navigation(move || marks::mark_passage(&found));
                })
            })
            .collect_view()
    };
    view! {
        <p class=STATUS role="status" aria-live="polite">{status}</p>
        {move || failed().map(|error| view! {
            <div class="content-error" role="alert">
                <p>"The search could not read the article's passages."</p>
                <p class="what-failed">{error}</p>
            </div>
        })}
        <ol class=LIST node_ref=results_root aria-busy=busy>{list}</ol>
    }
}
