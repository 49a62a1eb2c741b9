//! The site's announcement banner. Its text is the island's children, static HTML; the island
//! is the "Dismiss" button. Dismissing it is remembered in localStorage, keyed by the
//! announcement's text so that a new announcement shows again; `src/marks.js` reads the same
//! key to hide a dismissed banner before the page paints. Focus, which was on the button,
//! moves to the start of the main content, so a keyboard or screen reader user goes on from
//! there.

use leptos::html::Section;
use leptos::prelude::*;
use nato_georgia_web::shared_names::{ids, storage::DISMISSED_ANNOUNCEMENT};
use nato_georgia_web::{dom, storage};

#[island]
pub fn Announcement(children: Children) -> impl IntoView {
    let banner = NodeRef::<Section>::new();
    let (dismissed, set_dismissed) = signal(false);
    // The text as the page shows it: the key of its dismissal.
    let text = move || {
        banner
            .get_untracked()
            .and_then(|banner| banner.query_selector("a").ok().flatten())
            .and_then(|link| link.text_content())
            .unwrap_or_default()
    };
    Effect::new(move |_| {
        if storage::get(storage::local(), DISMISSED_ANNOUNCEMENT).is_some_and(|remembered| remembered == text()) {
            set_dismissed.set(true);
        }
    });
    let dismiss = move |_| {
        storage::set(storage::local(), DISMISSED_ANNOUNCEMENT, &text());
        if let Some(main) = dom::html_element(&format!("#{}", ids::MAIN)) {
            let _ = main.focus();
        }
        set_dismissed.set(true);
    };
    view! {
        <section class="announcement" aria-label="Announcement" node_ref=banner hidden=dismissed>
            {children()}
            <button type="button" on:click=dismiss>"Dismiss"</button>
        </section>
    }
}
