//! Any path the site does not have.

use leptos::prelude::*;
use nato_georgia_web::paths::SitePaths;

use crate::components::page_meta::PageMeta;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let paths = expect_context::<SitePaths>();
    view! {
        <PageMeta heading="Page not found" description="There is no page at this address." />
        <article class="not-found">
            <h1 tabindex="-1">"Page not found"</h1>
            <p>"There is no page at this address. Check the address, or start again from the overview."</p>
            <p><a href=paths.home()>"Go to the overview of Relations with Georgia"</a></p>
        </article>
    }
}
