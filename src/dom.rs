//! The few places that must reach the DOM directly — focus, the filter box, the document's title
//! and description. Used from event handlers and effects only, never while rendering.

use wasm_bindgen::JsCast;

/// The first element matching a CSS selector (`"#main"`, `"main h1"`), as an `HtmlElement`.
pub fn html_element(selector: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector(selector).ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Sets the document's title and, when given, its `<meta name="description">` (added to the
/// head if the page has none).
pub fn set_title_and_description(title: &str, description: Option<&str>) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    document.set_title(title);
    let Some(description) = description else {
        return;
    };
    let meta = document.query_selector("meta[name='description']").ok().flatten().or_else(|| {
        let meta = document.create_element("meta").ok()?;
        meta.set_attribute("name", "description").ok()?;
        document.head()?.append_child(&meta).ok()?;
        Some(meta)
    });
    if let Some(meta) = meta {
        let _ = meta.set_attribute("content", description);
    }
}
