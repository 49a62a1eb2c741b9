//! The frame every page shares: "Skip to content", the announcement, the header, the page in
//! `<main>`, and the footer. The announcement and the header's account links are islands (the
//! frame's, `islands/frame`); the rest is static.

use leptos::prelude::*;
use nato_georgia_frame::Announcement;
use nato_georgia_web::paths::SitePaths;
use nato_georgia_web::shared_names::ids;

use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::components::skip_link::SkipLink;
use crate::context::use_content;

#[component]
pub fn Frame(children: Children) -> impl IntoView {
    let announcement = use_content().site.announcement.clone();
    let register = expect_context::<SitePaths>().register();
    view! {
        <SkipLink />
        <Announcement>
            <p><a href=register>{announcement}</a></p>
        </Announcement>
        <SiteHeader />
        <main id=ids::MAIN tabindex="-1">{children()}</main>
        <SiteFooter />
    }
}
