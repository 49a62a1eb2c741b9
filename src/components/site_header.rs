//! The site header: the site's name, the account links, the site search, and the navigation
//! between its pages, with the current page marked `aria-current="page"`.

use leptos::prelude::*;

use crate::account_session::AccountSession;
use crate::api::ApiConfig;
use crate::components::nav_link::NavLink;
use crate::components::site_search::SiteSearch;
use crate::content_store::use_content;
use crate::paths::SitePaths;

/// "Sign in", or the signed-in account's email and "Sign out".
#[component]
fn AccountLinks() -> impl IntoView {
    let session = expect_context::<AccountSession>();
    let api = expect_context::<ApiConfig>();
    let paths = expect_context::<SitePaths>();
    let (problem, set_problem) = signal(None::<String>);
    let sign_out = move |_| {
        let api = api.clone();
        leptos::task::spawn_local(async move {
            match session.sign_out(&api).await {
                Ok(()) => set_problem.set(None),
                Err(error) => set_problem.set(Some(format!("You are still signed in. {}", error.message()))),
            }
        });
    };
    view! {
        <div class="account-links">
            {move || match session.email().get() {
                Some(email) => view! {
                    <span class="account-email">"Signed in as " <strong>{email}</strong></span>
                    <button type="button" class="secondary" on:click=sign_out.clone()>"Sign out"</button>
                }.into_any(),
                None => view! { <a href=paths.sign_in()>"Sign in"</a> }.into_any(),
            }}
            <span role="status" class="account-problem">{move || problem.get()}</span>
        </div>
    }
}

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
