//! `/search?q=<words>`: the passages that match, best first, each with its section, its
//! matches marked, and a link to it in its page. The field is the header's; the words live in
//! the URL, so a search can be reloaded and shared, and Back and Forward move between searches.

use std::ops::Range;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use nato_georgia_content::search::{result_count_text, search, Hit, Query, NO_RESULTS};
use wasm_bindgen::JsCast;

use crate::components::marked_text::MarkedText;
use crate::components::page_meta::PageMeta;
use crate::content_store::use_content;
use crate::paths::SitePaths;
use crate::shared_names::ids::SITE_SEARCH;

/// A passage found, as the page shows it.
#[derive(Clone, PartialEq)]
struct Found {
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

/// The text nodes below `node`, in order.
fn text_nodes(node: &web_sys::Node, found: &mut Vec<web_sys::Text>) {
    let children = node.child_nodes();
    for index in 0..children.length() {
        match children.item(index).map(|child| child.dyn_into::<web_sys::Text>()) {
            Some(Ok(text)) => found.push(text),
            Some(Err(child)) => text_nodes(&child, found),
            None => {}
        }
    }
}

/// Wraps the marked stretches of `holder`'s text (`text`, byte ranges) in `<mark>`, across
/// the links inside it.
fn mark_words(holder: &web_sys::Element, text: &str, marks: &[Range<usize>]) {
    let Some(document) = holder.owner_document() else { return };
    // The DOM counts in UTF-16 units.
    let unit = |byte: usize| text[..byte].encode_utf16().count() as u32;
    for range in marks.iter().rev() {
        let (start, end) = (unit(range.start), unit(range.end));
        let mut nodes = Vec::new();
        text_nodes(holder, &mut nodes);
        let mut at = 0;
        for node in nodes {
            let length = node.length();
            let (from, to) = (start.max(at), end.min(at + length));
            if from < to {
                let _ = node.split_text(to - at);
                let part = node.split_text(from - at).ok();
                if let (Some(part), Ok(mark), Some(parent)) =
                    (part, document.create_element("mark"), node.parent_node())
                {
                    let _ = parent.insert_before(&mark, Some(&part));
                    let _ = mark.append_child(&part);
                }
            }
            at += length;
        }
    }
}

/// Once the passage's page is shown, marks the words found in it: the passage is the block with
/// its id, or (a list's item) the item after it with its text. The marks go with the page.
fn mark_when_shown(found: Found, tries: u32) {
    request_animation_frame(move || {
        let document = web_sys::window().and_then(|window| window.document());
        let Some(block) = document.as_ref().and_then(|document| document.get_element_by_id(&found.block_id)) else {
            if tries < 300 {
                mark_when_shown(found, tries + 1);
            }
            return;
        };
        let is_passage = |element: &web_sys::Element| element.text_content().as_deref() == Some(found.text.as_str());
        let item = || {
            let items = block.next_element_sibling()?.query_selector_all("li").ok()?;
            (0..items.length()).filter_map(|i| items.item(i)?.dyn_into::<web_sys::Element>().ok()).find(is_passage)
        };
        if let Some(holder) = if is_passage(&block) { Some(block.clone()) } else { item() } {
            mark_words(&holder, &found.text, &found.marks);
        }
    });
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let content = use_content();
    let paths = expect_context::<SitePaths>();
    let query_map = use_query_map();
    let navigate = use_navigate();
    // The URL is browser state: read after rendering (the prerendered page has no words), and
    // shown in the header's field.
    let (words, set_words) = signal(String::new());
    Effect::new(move |_| {
        let searched = query_map.read().get("q").unwrap_or_default();
        if let Some(field) = crate::dom::html_element(&format!("#{SITE_SEARCH}")) {
            if let Ok(field) = field.dyn_into::<web_sys::HtmlInputElement>() {
                field.set_value(&searched);
            }
        }
        set_words.set(searched);
    });
    let results = Memo::new(move |_| {
        search(&content, &Query::parse(&words.read())).iter().map(|hit| result(hit, &paths)).collect::<Vec<_>>()
    });
    let status = move || match (words.read().trim().is_empty(), results.read().len()) {
        (true, _) => String::new(),
        (false, 0) => NO_RESULTS.to_owned(),
        (false, count) => result_count_text(count),
    };
    // A result opens its passage (scrolled into view by its page) with the words marked there
    // too, until the reader searches again or leaves.
    let open = move |found: Found| {
        navigate(&found.href, NavigateOptions { resolve: false, ..Default::default() });
        mark_when_shown(found, 0);
    };
    let list = move || {
        results
            .get()
            .into_iter()
            .map(|found| {
                let open = open.clone();
                let (href, place, text, marks) =
                    (found.href.clone(), found.place.clone(), found.text.clone(), found.marks.clone());
                let target = found;
                view! {
                    <li>
                        <p class="result-place">
                            <a href=href on:click=move |event| {
                                event.prevent_default();
                                open(target.clone());
                            }>{place}</a>
                        </p>
                        <p><MarkedText text marks /></p>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <PageMeta heading="Search" description="Search the page on NATO's relations with Georgia." />
        <article class="search">
            <h1 tabindex="-1">"Search"</h1>
            <noscript class="needs-js">"Searching needs JavaScript. Turn JavaScript on in your browser to search."</noscript>
            <p class="match-count" role="status" aria-live="polite">{status}</p>
            <ol class="search-results">{list}</ol>
        </article>
    }
}
