//! "Skip to content": the first stop of the keyboard, moving focus to the main content.
//!
//! A plain `href="#main"` would resolve against `<base href>` to the home page, and the router
//! would navigate there; so the link names the current path, and a click moves focus itself.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::dom::html_element;

fn focus_main() {
    if let Some(main) = html_element("#main") {
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
