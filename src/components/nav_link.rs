//! A link of the site navigation, marked `aria-current="page"` on its page.

use leptos::prelude::*;

use crate::context::current_path;

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
    let current = current_path().is_some_and(|path| is_current_page(&path, &href, exact)).then_some("page");
    view! { <a href=href aria-current=current>{children()}</a> }
}

#[cfg(test)]
mod tests {
    use super::is_current_page;

    #[test]
    fn a_page_below_counts_unless_exact() {
        assert!(is_current_page("/regions/georgia", "/regions", false));
        assert!(!is_current_page("/regions/georgia", "/regions", true));
        assert!(!is_current_page("/regionsx", "/regions", false));
        assert!(is_current_page("/x/", "/x/", true));
    }
}
