//! Moves focus to the new page's h1 after an in-app navigation, so keyboard and screen-reader
//! users land on the new content (the router itself does no focus management). A page whose
//! code first loads as a chunk of its own (release build) gets it once it is there.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::dom::html_element;

pub fn focus_page_heading() {
    if let Some(heading) = html_element("main h1") {
        let _ = heading.focus();
    }
}

/// Whether the router is still loading the page the visitor went to (set by the `<Router>`).
#[derive(Clone, Copy)]
pub struct Routing(pub ReadSignal<bool>);

#[component]
pub fn FocusOnNavigate() -> impl IntoView {
    let pathname = use_location().pathname;
    let Routing(routing) = expect_context();
    Effect::new(move |previous: Option<String>| {
        let current = pathname.get();
        if previous.is_some_and(|previous| previous != current) {
            request_animation_frame(move || {
                if !routing.get_untracked() {
                    focus_page_heading();
                }
            });
        }
        current
    });
    // The page is in place when this runs, and is focused at once: a passage the address names
    // is brought into view after (`passage_target`, at the next frame), so it stays in view.
    Effect::new(move |was_routing: Option<bool>| {
        let now = routing.get();
        if was_routing == Some(true) && !now {
            focus_page_heading();
        }
        now
    });
}
