//! What a visitor sees while the content downloads.

use leptos::prelude::*;

#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <main id="main" class="loading" tabindex="-1">
            <p role="status">"Loading the page…"</p>
        </main>
    }
}
