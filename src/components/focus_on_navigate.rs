//! Moves focus to the new page's h1 after an in-app navigation, so keyboard and screen-reader
//! users land on the new content (the router itself does no focus management).

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::dom::html_element;

pub fn focus_page_heading() {
    if let Some(heading) = html_element("main h1") {
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
