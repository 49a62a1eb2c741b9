//! "Skip to content": the first stop of the keyboard, moving focus to the main content.
//!
//! A plain `href="#main"` would resolve against `<base href>` to the home page, and the router
//! would navigate there; so the link names the current path, and a click moves focus itself.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

fn focus_main() {
    let main = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("main"))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(main) = main {
        let _ = main.focus();
        main.scroll_into_view();
    }
}

#[component]
pub fn SkipLink() -> impl IntoView {
    let pathname = use_location().pathname;
    view! {
        <a
            class="skip-link"
            href=move || format!("{}#main", pathname.get())
            on:click=|event| {
                event.prevent_default();
                focus_main();
            }
        >
            "Skip to content"
        </a>
    }
}
