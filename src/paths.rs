//! The site's URLs, under whatever base path it is deployed at (`/` or a sub-path like `/x/`).
//!
//! The router matches routes below its base, but absolute links are not prefixed with it, so
//! every link in the app is built here, from the route table (`routes`).

use nato_georgia_content::region_index::encode_query_value;
use nato_georgia_content::PassageLocation;

use crate::routes::{self, Route};

/// The base path without its trailing slash: `""` at the root, `"/x"` under a sub-path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SitePaths {
    base: String,
}

impl SitePaths {
    /// From the pathname of the base URL, like `/` or `/x/`.
    pub fn new(base_pathname: &str) -> Self {
        Self { base: base_pathname.trim_end_matches('/').to_owned() }
    }

    /// What the router takes as its base.
    pub fn router_base(&self) -> String {
        self.base.clone()
    }

    /// A page's address: `route` with its parameter, if it has one, given `value`.
    fn page(&self, route: &Route, value: &str) -> String {
        format!("{}{}", self.base, route.path(value))
    }

    pub fn home(&self) -> String {
        self.page(&routes::HOME, "")
    }

    pub fn section(&self, slug: &str) -> String {
        self.page(&routes::SECTION, slug)
    }

    pub fn section_anchor(&self, slug: &str, id: &str) -> String {
        format!("{}#{id}", self.section(slug))
    }

    pub fn regions(&self) -> String {
        self.page(&routes::REGIONS, "")
    }

    pub fn region(&self, slug: &str) -> String {
        self.page(&routes::REGION, slug)
    }

    /// Where a passage stands in the article: `/#id` for the introduction, or its section's page.
    pub fn passage(&self, location: &PassageLocation, id: &str) -> String {
        match location {
            PassageLocation::Intro => format!("{}#{id}", self.home()),
            PassageLocation::Section { slug, .. } => self.section_anchor(slug, id),
        }
    }

    /// The search page, for `query` (none: the page alone).
    pub fn search(&self, query: &str) -> String {
        let page = self.page(&routes::SEARCH, "");
        match query.trim() {
            "" => page,
            query => format!("{page}?q={}", encode_query_value(query)),
        }
    }

    /// Key dates, of one section's passages when `section` is its slug.
    pub fn timeline(&self, section: Option<&str>) -> String {
        let page = self.page(&routes::TIMELINE, "");
        match section {
            Some(slug) => format!("{page}?section={}", encode_query_value(slug)),
            None => page,
        }
    }

    pub fn newsletter(&self) -> String {
        self.page(&routes::NEWSLETTER, "")
    }

    pub fn register(&self) -> String {
        self.page(&routes::REGISTER, "")
    }

    pub fn sign_in(&self) -> String {
        self.page(&routes::SIGN_IN, "")
    }

    pub fn forgot_password(&self) -> String {
        self.page(&routes::FORGOT_PASSWORD, "")
    }

    pub fn is_account_page(&self, pathname: &str) -> bool {
        routes::ACCOUNT.iter().any(|route| pathname == self.page(route, ""))
    }

    /// The estimator web worker's loader, built by trunk beside the app.
    pub fn estimator_worker(&self) -> String {
        format!("{}/estimator_loader.js", self.base)
    }

    pub fn content_url(&self) -> String {
        format!("{}/{}", self.base, crate::shared_names::files::CONTENT)
    }
}
