//! The site header: the site's name, the account links (an island), the site search, and the
//! navigation between its pages, with the current page marked `aria-current="page"`.

use leptos::prelude::*;
use nato_georgia_frame::AccountLinks;
use nato_georgia_web::paths::SitePaths;

use crate::components::nav_link::NavLink;
use crate::components::site_search::SiteSearch;
use crate::context::use_content;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let content = use_content();
    let paths = expect_context::<SitePaths>();
    let section_links = content
        .sections
        .iter()
        .map(|section| {
            let (href, heading) = (paths.section(&section.slug), section.heading.clone());
            view! { <li><NavLink href=href>{heading}</NavLink></li> }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <div class="header-top">
                <p class="site-name">"NATO · " {content.title.clone()}</p>
                <AccountLinks />
            </div>
            <SiteSearch />
            <nav aria-label="Site">
                <ul>
                    <li><NavLink href=paths.home() exact=true>"Overview"</NavLink></li>
                    {section_links}
                    <li><NavLink href=paths.regions()>"Regions and countries"</NavLink></li>
                    <li><NavLink href=paths.timeline(None)>"Key dates"</NavLink></li>
                </ul>
            </nav>
        </header>
    }
}
