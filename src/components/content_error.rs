//! The page shown when the content cannot be loaded: what failed, and a way to try again.

use leptos::prelude::*;

use crate::content_store::{ContentStore, LoadError};

#[component]
pub fn ContentError(error: LoadError) -> impl IntoView {
    let store = expect_context::<ContentStore>();
    Effect::new(|_| crate::dom::set_title_and_description("Error: the page could not be loaded", None));
    view! {
        <main id="main" class="content-error" tabindex="-1">
            <div role="alert">
                <h1>"Sorry, the page could not be loaded"</h1>
                <p class="what-failed">{error.to_string()}</p>
            </div>
            <p>"Check your connection and try again. If the problem persists, the site's content file needs fixing."</p>
            <button type="button" on:click=move |_| store.load()>"Try again"</button>
        </main>
    }
}
