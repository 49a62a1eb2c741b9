//! Brings the element named by the URL's `#fragment` into view once the page has rendered, and
//! highlights it briefly so the eye finds it (CSS drops the fade under reduced motion).
//!
//! The content arrives after the browser's own attempt to scroll to the fragment, so that
//! attempt finds nothing; this runs after each navigation instead.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

const HIGHLIGHT_CLASS: &str = "is-target";
const HIGHLIGHT_MILLISECONDS: u64 = 2500;

fn show_fragment(hash: &str) {
    let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else { return };
    let Some(element) =
        web_sys::window().and_then(|window| window.document()).and_then(|document| document.get_element_by_id(id))
    else {
        return;
    };
    element.scroll_into_view();
    let _ = element.class_list().add_1(HIGHLIGHT_CLASS);
    set_timeout(
        move || {
            let _ = element.class_list().remove_1(HIGHLIGHT_CLASS);
        },
        std::time::Duration::from_millis(HIGHLIGHT_MILLISECONDS),
    );
}

/// Shows the fragment's target after every navigation to this page or within it.
pub fn use_passage_target() {
    let location = use_location();
    Effect::new(move |_| {
        location.pathname.track();
        let hash = location.hash.get();
        request_animation_frame(move || show_fragment(&hash));
    });
}
