//! The site's URLs, under whatever base path it is deployed at (`/` or a sub-path like `/x/`):
//! every link of the pages and the islands is built here, from the route table (`routes`).
//!
//! The prerenderer provides the paths as context; an island in the browser reads the base from
//! the document's `<base href>`, which trunk writes ([`site_paths`] does either).

use nato_georgia_content::region_index::encode_query_value;
use nato_georgia_content::PassageLocation;

use crate::routes::Route;

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

    /// The base path of the document in the browser, from `<base href>`.
    pub fn from_document() -> Self {
        let base_uri = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.base_uri().ok().flatten());
        let pathname =
            base_uri.and_then(|uri| web_sys::Url::new(&uri).ok()).map(|url| url.pathname()).unwrap_or_default();
        Self::new(&pathname)
    }

    /// The base without its trailing slash: `""` or `"/x"`.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// A page's address: `route` with its parameter, if it has one, given `value`.
    pub fn page(&self, route: Route, value: &str) -> String {
        format!("{}{}", self.base, route.path(value))
    }

    pub fn home(&self) -> String {
        self.page(Route::Home, "")
    }

    pub fn section(&self, slug: &str) -> String {
        self.page(Route::Section, slug)
    }

    pub fn section_anchor(&self, slug: &str, id: &str) -> String {
        format!("{}#{id}", self.section(slug))
    }

    pub fn regions(&self) -> String {
        self.page(Route::Regions, "")
    }

    pub fn region(&self, slug: &str) -> String {
        self.page(Route::Region, slug)
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
        let page = self.page(Route::Search, "");
        match query.trim() {
            "" => page,
            query => format!("{page}?q={}", encode_query_value(query)),
        }
    }

    /// Key dates, of one section's passages when `section` is its slug.
    pub fn timeline(&self, section: Option<&str>) -> String {
        let page = self.page(Route::Timeline, "");
        match section {
            Some(slug) => format!("{page}?section={}", encode_query_value(slug)),
            None => page,
        }
    }

    pub fn newsletter(&self) -> String {
        self.page(Route::Newsletter, "")
    }

    pub fn register(&self) -> String {
        self.page(Route::Register, "")
    }

    pub fn sign_in(&self) -> String {
        self.page(Route::SignIn, "")
    }

    pub fn forgot_password(&self) -> String {
        self.page(Route::ForgotPassword, "")
    }

    /// The estimator web worker's loader, built by trunk beside the app.
    pub fn estimator_worker(&self) -> String {
        format!("{}/estimator_loader.js", self.base)
    }
}

/// The site's paths where a component renders: the prerenderer's, or in the browser the
/// document's.
pub fn site_paths() -> SitePaths {
    leptos::prelude::use_context::<SitePaths>().unwrap_or_else(SitePaths::from_document)
}

#[cfg(test)]
mod tests {
    use super::SitePaths;

    #[test]
    fn links_carry_the_deployment_base_path() {
        let root = SitePaths::new("/");
        assert_eq!(root.home(), "/");
        assert_eq!(root.section("wider-cooperation"), "/sections/wider-cooperation");
        assert_eq!(root.search("south ossetia"), "/search?q=south%20ossetia");
        let nested = SitePaths::new("/x/");
        assert_eq!(nested.base(), "/x");
        assert_eq!(nested.home(), "/x/");
        assert_eq!(nested.section_anchor("a", "b"), "/x/sections/a#b");
    }
}
