//! The site's announcement banner. Dismissing it is remembered in localStorage, keyed by the
//! announcement's text so that a new announcement shows again. The loader (src/loader.js) reads the
//! same key to hide a dismissed banner before a prerendered page paints.

use leptos::prelude::*;

use crate::browser_storage;
use crate::content_store::use_content;
use crate::paths::SitePaths;
use crate::shared_names::storage::DISMISSED_ANNOUNCEMENT;

#[component]
pub fn Announcement() -> impl IntoView {
    let text = use_content().site.announcement.clone();
    let register = expect_context::<SitePaths>().register();
    let (dismissed, set_dismissed) = signal(false);
    let stored_text = text.clone();
    Effect::new(move |_| {
        let remembered = browser_storage::get(browser_storage::local(), DISMISSED_ANNOUNCEMENT);
        if remembered.as_deref() == Some(stored_text.as_str()) {
            set_dismissed.set(true);
        }
    });
    let dismiss = {
        let text = text.clone();
        move |_| {
            browser_storage::set(browser_storage::local(), DISMISSED_ANNOUNCEMENT, &text);
            set_dismissed.set(true);
        }
    };
    let announcement = text.clone();
    view! {
        {move || (!dismissed.get()).then(|| view! {
            <section class="announcement" aria-label="Announcement">
                <p><a href=register.clone()>{announcement.clone()}</a></p>
                <button type="button" on:click=dismiss.clone()>"Dismiss"</button>
            </section>
        })}
    }
}
