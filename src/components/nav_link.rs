//! A link of the site navigation, marked `aria-current="page"` while the visitor is on its page.
//!
//! Other links are plain `<a>` elements, which the router already turns into in-app
//! navigations; only the navigation needs to know which page is current.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Whether `pathname` is the page `href` leads to — or, unless `exact`, a page below it, so that
/// "Regions and countries" stays current on a region's page. Trailing slashes do not count.
fn is_current_page(pathname: &str, href: &str, exact: bool) -> bool {
    let (pathname, href) = (pathname.trim_end_matches('/'), href.trim_end_matches('/'));
    pathname == href || !exact && pathname.strip_prefix(href).is_some_and(|rest| rest.starts_with('/'))
}

#[component]
pub fn NavLink(
    href: String,
    /// Current only on this very page, not below it (the overview, whose path is the base).
    #[prop(optional)]
    exact: bool,
    children: Children,
) -> impl IntoView {
    let pathname = use_location().pathname;
    let target = href.clone();
    let current = move || pathname.with(|pathname| is_current_page(pathname, &target, exact)).then_some("page");
    view! { <a href=href aria-current=current>{children()}</a> }
}
