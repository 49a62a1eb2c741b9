//! Remembers the last page a visitor read before entering the account pages, so that "Return
//! to the page you were on" takes them back there, not always home. Kept in sessionStorage.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::browser_storage;
use crate::paths::SitePaths;
use crate::shared_names::storage::RETURN_TO;

/// Records every page outside `/account/` as the one to return to.
pub fn remember_return_path(paths: SitePaths) {
    let location = use_location();
    Effect::new(move |_| {
        let path = location.pathname.get();
        let search = location.search.get();
        if !paths.is_account_page(&path) {
            let full = if search.is_empty() { path } else { format!("{path}?{search}") };
            browser_storage::set(browser_storage::session(), RETURN_TO, &full);
        }
    });
}

/// The page to return to, or the home page.
pub fn return_path(paths: &SitePaths) -> String {
    browser_storage::get(browser_storage::session(), RETURN_TO).unwrap_or_else(|| paths.home())
}
