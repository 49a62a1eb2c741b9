//! Moves focus to the new page's h1 after an in-app navigation, so keyboard and screen-reader
//! users land on the new content (the router itself does no focus management).

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

pub fn focus_page_heading() {
    let heading = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector("main h1").ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(heading) = heading {
        let _ = heading.focus();
    }
}

#[component]
pub fn FocusOnNavigate() -> impl IntoView {
    let pathname = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let current = pathname.get();
        if previous.is_some_and(|previous| previous != current) {
            request_animation_frame(focus_page_heading);
        }
        current
    });
}
