//! "Return to the page you were on": the last page a visitor read before entering the account
//! pages, so that signing in or resetting a password leads back there, not always home. The
//! loader records every page whose body is marked a return point (every page but the account
//! pages) in sessionStorage.

use crate::paths::SitePaths;
use crate::shared_names::storage::RETURN_TO;
use crate::storage;

/// The page to return to, or the home page.
pub fn return_path(paths: &SitePaths) -> String {
    storage::get(storage::session(), RETURN_TO).unwrap_or_else(|| paths.home())
}
