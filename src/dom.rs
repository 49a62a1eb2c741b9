//! Finding an element of the page, for the few places (focus, the filter box) that must reach
//! the DOM directly. Used from event handlers and effects only, never while rendering.

use wasm_bindgen::JsCast;

/// The first element matching a CSS selector (`"#main"`, `"main h1"`), as an `HtmlElement`.
pub fn html_element(selector: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector(selector).ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
}
