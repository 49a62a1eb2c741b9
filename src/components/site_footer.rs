//! The footer: where the text comes from and when it was last updated.

use leptos::prelude::*;

use nato_georgia_web::paths::SitePaths;

use crate::context::use_content;

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
