//! The few places that must reach the DOM directly — focus, an element by id, the document's
//! title. Used from event handlers and effects only, never while rendering.

use wasm_bindgen::JsCast;

pub fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|window| window.document())
}

/// The first element matching a CSS selector (`"#main"`, `"main h1"`), as an `HtmlElement`.
pub fn html_element(selector: &str) -> Option<web_sys::HtmlElement> {
    document()
        .and_then(|document| document.query_selector(selector).ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Whether the element with this id has focus.
pub fn has_focus(id: &str) -> bool {
    document().and_then(|document| document.active_element()).is_some_and(|element| element.id() == id)
}

/// Moves focus to the element matching `selector` once the view has changed (at the next
/// frame): where an island removes or disables the control that had focus, focus goes on from a
/// sensible place instead of falling to the start of the page.
pub fn focus_soon(selector: &str) {
    let selector = selector.to_owned();
    leptos::prelude::request_animation_frame(move || {
        if let Some(element) = html_element(&selector) {
            let _ = element.focus();
        }
    });
}

/// Moves focus to the page's heading, which names where the visitor is (after a form moves
/// to its next step, as the loader does after a navigation).
pub fn focus_page_heading() {
    if let Some(heading) = html_element("main h1") {
        let _ = heading.focus();
    }
}

/// The document's title.
pub fn title() -> String {
    document().map(|document| document.title()).unwrap_or_default()
}

pub fn set_title(title: &str) {
    if let Some(document) = document() {
        document.set_title(title);
    }
}
