//! The footer: where the text comes from and when it was last updated.

use leptos::prelude::*;

use crate::content_store::use_content;
use crate::paths::SitePaths;

#[component]
pub fn SiteFooter() -> impl IntoView {
    let content = use_content();
    let newsletter = expect_context::<SitePaths>().newsletter();
    view! {
        <footer class="site-footer">
            <p><a href=newsletter>"Subscribe to the newsletter"</a></p>
            <p>
                "Text: NATO, “" {content.title.clone()} "”, updated "
                <time datetime=content.updated.to_string()>{content.updated.long_form()}</time> "."
            </p>
        </footer>
    }
}
