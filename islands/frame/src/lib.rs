//! The islands of the frame every page shares: the header's account links ([`AccountLinks`])
//! and the announcement's "Dismiss" ([`Announcement`]). Everything else in the frame — the
//! site's name, the search form, the navigation, the footer — is static HTML (`src/`).
//!
//! Every bundle holds these islands beside its page's, so that a page loads one bundle; the
//! loader keeps them, with their state, from one page to the next.

mod account_links;
mod announcement;

pub use account_links::AccountLinks;
pub use announcement::Announcement;
