//! The site header: the site's name and the navigation between its pages, with the current
//! page marked `aria-current="page"`.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::content_store::use_content;
use crate::paths::SitePaths;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let content = use_content();
    let paths = expect_context::<SitePaths>();
    let section_links = content
        .sections
        .iter()
        .map(|section| {
            let (href, heading) = (paths.section(&section.slug), section.heading.clone());
            view! { <li><A href=href>{heading}</A></li> }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <p class="site-name">"NATO · " {content.title.clone()}</p>
            <nav aria-label="Site">
                <ul>
                    <li><A href=paths.home() exact=true>"Overview"</A></li>
                    {section_links}
                    <li><A href=paths.regions()>"Regions and countries"</A></li>
                </ul>
            </nav>
        </header>
    }
}
