//! A direct visit's first results. A search's results come from the address, so a static page
//! cannot hold them, and waiting for this island's code would put them a second late on a slow
//! phone. The search page therefore carries its data (`data`) and a template of the results
//! made by the island's own views; a small script inline after the template
//! (src/search-first.js) shows the results in the first paint, and the island takes over from
//! them (`hand_over`). docs/islands.md says why it works this way.

use leptos::prelude::*;
use nato_georgia_web::dom;
use nato_georgia_web::navigation::query_param;
use nato_georgia_web::shared_names::{classes, marks};
use wasm_bindgen::JsCast;

/// The template the script fills: the status line and the list, with one result.
#[cfg(feature = "ssr")]
#[component]
pub fn FirstResultsTemplate() -> impl IntoView {
    use nato_georgia_web::shared_names::ids;
    view! {
        <template id=ids::SEARCH_FIRST_TEMPLATE>
            <div class=classes::SEARCH_FIRST>
                <p class=crate::STATUS></p>
                <ol class=crate::LIST aria-busy="false">{crate::found_item(&crate::Found::default(), |_| {})}</ol>
            </div>
        </template>
    }
}

/// Takes the page over from its first results once the island shows its own for the address's
/// words (`ready`), or once the address asks for other words; focus on one of their links moves to the same link
/// in the island's `list`.
pub(crate) fn hand_over(ready: bool, list: &web_sys::Element) {
    let Some(document) = dom::document() else { return };
    let Ok(Some(first)) = document.query_selector(&format!(".{}", classes::SEARCH_FIRST)) else { return };
    if !ready && first.get_attribute(marks::WORDS) == Some(query_param("q")) {
        return;
    }
    let focused = document.active_element().filter(|active| first.contains(Some(active)));
    let link = focused.and_then(|active| {
        let links = first.query_selector_all("a").ok()?;
        (0..links.length()).find(|&index| links.item(index).is_some_and(|link| link.is_same_node(Some(&active))))
    });
    first.remove();
    if let Some(index) = link {
        let list = list.clone();
        // Once the island's list shows its results.
        request_animation_frame(move || {
            let target = list.query_selector_all("a").ok().and_then(|links| links.item(index));
            if let Some(target) = target.and_then(|link| link.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = target.focus();
            }
        });
    }
}
