//! The site's routes, in one table: each route's path pattern, whether it is an account page,
//! and the bundle of browser code its page loads (`islands/`).
//!
//! Everything else derives from it: every link (`SitePaths`), the pages the prerenderer writes
//! and their parameters (`src/routes.rs`, which matches every route to its page), the bundle
//! each page names to the loader, and the benchmark's list of routes (`routes.json`).

/// A page of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// The overview: title, updated date, introduction and table of contents.
    Home,
    /// One section of the article with its subsections.
    Section,
    /// The places the article talks about.
    Regions,
    /// One place, and every passage that names it.
    Region,
    /// Passages that match a search, `?q=` the words.
    Search,
    /// Every dated statement of the article, by year; `?section=` one section's.
    Timeline,
    Newsletter,
    Register,
    SignIn,
    ForgotPassword,
}

/// The browser code a page loads: its islands and the frame's (the header's account links and
/// the announcement), compiled together (`islands/<name>`, whose binary is the bundle). A page
/// loads one bundle; what a bundle does not hold is never downloaded for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// Only the frame's islands: the article's pages, the region pages, "Page not found".
    Frame,
    Timeline,
    Regions,
    Search,
    Forms,
}

impl Bundle {
    pub const ALL: [Bundle; 5] = [Bundle::Frame, Bundle::Timeline, Bundle::Regions, Bundle::Search, Bundle::Forms];

    /// Its name: the binary trunk builds (index.html), the page's `data-bundle`.
    pub fn name(self) -> &'static str {
        match self {
            Bundle::Frame => "frame",
            Bundle::Timeline => "timeline",
            Bundle::Regions => "regions",
            Bundle::Search => "search",
            Bundle::Forms => "forms",
        }
    }
}

impl Route {
    /// Every route, in the table's order.
    pub const ALL: [Route; 10] = [
        Route::Home,
        Route::Section,
        Route::Regions,
        Route::Region,
        Route::Search,
        Route::Timeline,
        Route::Newsletter,
        Route::Register,
        Route::SignIn,
        Route::ForgotPassword,
    ];

    /// The path pattern below the site's base; `:slug` is the parameter.
    pub fn pattern(self) -> &'static str {
        match self {
            Route::Home => "/",
            Route::Section => "/sections/:slug",
            Route::Regions => "/regions",
            Route::Region => "/regions/:slug",
            Route::Search => "/search",
            Route::Timeline => "/timeline",
            Route::Newsletter => "/newsletter",
            Route::Register => "/account/register",
            Route::SignIn => "/account/sign-in",
            Route::ForgotPassword => "/account/forgot-password",
        }
    }

    pub fn bundle(self) -> Bundle {
        match self {
            Route::Home | Route::Section | Route::Region => Bundle::Frame,
            Route::Regions => Bundle::Regions,
            Route::Search => Bundle::Search,
            Route::Timeline => Bundle::Timeline,
            Route::Newsletter | Route::Register | Route::SignIn | Route::ForgotPassword => Bundle::Forms,
        }
    }

    /// The article's own pages — the overview, its sections, the places and the key dates —
    /// which are read more than used (the benchmark's tighter byte budget).
    pub fn is_article(self) -> bool {
        matches!(self, Route::Home | Route::Section | Route::Region | Route::Timeline)
    }

    /// The account pages: "Return to the page you were on" never leads back to one.
    pub fn is_account(self) -> bool {
        matches!(self, Route::Register | Route::SignIn | Route::ForgotPassword)
    }

    /// The path of this route below the base, its parameter (the last segment, `:slug`) given
    /// `value`: `/sections/wider-cooperation`. A route without a parameter is its pattern.
    pub fn path(self, value: &str) -> String {
        match self.pattern().rsplit_once("/:") {
            Some((start, _)) => format!("{start}/{value}"),
            None => self.pattern().to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Bundle, Route};

    #[test]
    fn every_pattern_is_unique_and_names_its_parameter_last() {
        for (i, route) in Route::ALL.iter().enumerate() {
            assert!(Route::ALL[i + 1..].iter().all(|other| other.pattern() != route.pattern()), "{route:?}");
            assert_eq!(route.pattern().matches(':').count(), usize::from(route.pattern().contains("/:")));
        }
        assert_eq!(Route::Section.path("wider-cooperation"), "/sections/wider-cooperation");
        assert_eq!(Route::Regions.path(""), "/regions");
    }

    #[test]
    fn every_bundle_is_some_page_s_and_named_once() {
        for bundle in Bundle::ALL {
            assert!(Route::ALL.iter().any(|route| route.bundle() == bundle) || bundle == Bundle::Frame);
            assert_eq!(Bundle::ALL.iter().filter(|other| other.name() == bundle.name()).count(), 1);
        }
    }
}
