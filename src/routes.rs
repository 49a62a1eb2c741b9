//! The site's routes, in one table: each route's path pattern, its page, the chunk of wasm the
//! page is in (release build), and for a pattern with a parameter, where its values come from.
//!
//! Everything else derives from the table: the router ([`SiteRoutes`]), every link
//! (`SitePaths`, through [`Route::path`]), the paths the prerenderer renders ([`prerendered`],
//! which it also writes to `routes.json` for the benchmarks), and in the release build the
//! chunks. Adding a route is one entry here, and its page.
//!
//! The chunks: in the release build (`--cfg split`; Makefile, scripts/split-wasm.mjs) every
//! route but `/` is a chunk the browser loads when the visitor goes there, so the first view
//! carries only the overview's code. A chunk that cannot be downloaded shows `PageNotLoaded`
//! instead of stopping the app, and is fetched again on the next visit. Development builds, the
//! wasm tests and the prerenderer use the pages directly.

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route as RouterRoute};
use leptos_router::path;
#[cfg(feature = "ssr")]
use nato_georgia_content::Content;

use crate::pages::account::forgot_password::ForgotPasswordPage;
use crate::pages::account::register::RegisterPage;
use crate::pages::account::sign_in::SignInPage;
use crate::pages::home::HomePage;
use crate::pages::newsletter::NewsletterPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::region::RegionPage;
use crate::pages::regions::RegionsPage;
use crate::pages::search::SearchPage;
use crate::pages::section::SectionPage;
use crate::pages::timeline::TimelinePage;

/// Writes out the table: its constants, the router's routes and the release build's chunks.
macro_rules! site_routes {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident: $pattern:tt => $page:ident $(in $chunk:ident)? $(, each $values:expr)?;
    )*) => {
        $(
            $(#[doc = $doc])*
            pub const $name: Route = Route {
                pattern: $pattern,
                #[cfg(feature = "ssr")]
                values: site_routes!(@values $($values)?),
            };
        )*

        /// Every route, in the table's order.
        pub const ALL: &[&Route] = &[$(&$name),*];

        /// The router's routes; anything else is "Page not found".
        #[component]
        pub fn SiteRoutes() -> impl IntoView {
            view! {
                <FlatRoutes fallback=NotFoundPage>
                    $( <RouterRoute path=path!($pattern) view=site_routes!(@view $page $(in $chunk)?) /> )*
                </FlatRoutes>
            }
        }

        #[cfg(split)]
        mod chunks {
            $( $( site_routes!(@chunk $chunk $page); )? )*
        }
    };
    (@values) => { None };
    (@values $values:expr) => { Some($values) };
    (@view $page:ident) => { $page };
    (@view $page:ident in $chunk:ident) => {{
        #[cfg(split)]
        let view = leptos_router::Lazy::<chunks::$chunk::Page>::new();
        #[cfg(not(split))]
        let view = $page;
        view
    }};
    (@chunk $chunk:ident $page:ident) => {
        pub mod $chunk {
            use leptos::prelude::*;
            use leptos::wasm_split::SplitLoaderError;
            use leptos_router::LazyRoute;

            use super::super::$page;
            use crate::components::page_not_loaded::PageNotLoaded;

            /// The route whose page is in this chunk.
            #[derive(Debug)]
            pub struct Page;

            #[leptos::wasm_split::wasm_split($chunk, fallible, wasm_split_path = ::leptos::wasm_split)]
            fn $chunk() -> Result<AnyView, SplitLoaderError> {
                Ok(view! { <$page /> }.into_any())
            }

            impl LazyRoute for Page {
                fn data() -> Self {
                    Page
                }

                async fn view(_route: Self) -> AnyView {
                    $chunk().await.unwrap_or_else(|_| view! { <PageNotLoaded /> }.into_any())
                }
            }
        }
    };
}

site_routes! {
    /// The overview: title, updated date, introduction and table of contents.
    HOME: "/" => HomePage;
    /// One section of the article with its subsections.
    SECTION: "/sections/:slug" => SectionPage in section_page,
        each |content| content.sections.iter().map(|section| section.slug.clone()).collect();
    /// The places the article talks about.
    REGIONS: "/regions" => RegionsPage in regions_page;
    /// One place, and every passage that names it.
    REGION: "/regions/:slug" => RegionPage in region_page,
        each |content| content.places.iter().map(|place| place.slug.clone()).collect();
    /// Passages that match a search, `?q=` the words.
    SEARCH: "/search" => SearchPage in search_page;
    /// Every dated statement of the article, by year; `?section=` one section's.
    TIMELINE: "/timeline" => TimelinePage in timeline_page;
    NEWSLETTER: "/newsletter" => NewsletterPage in newsletter_page;
    REGISTER: "/account/register" => RegisterPage in register_page;
    SIGN_IN: "/account/sign-in" => SignInPage in sign_in_page;
    FORGOT_PASSWORD: "/account/forgot-password" => ForgotPasswordPage in forgot_password_page;
}

/// The account pages, where the header's account links would lead back to where one is.
pub const ACCOUNT: [&Route; 3] = [&REGISTER, &SIGN_IN, &FORGOT_PASSWORD];

/// A route: its path pattern, and (for the prerenderer) where its parameter's values come from.
pub struct Route {
    pub pattern: &'static str,
    #[cfg(feature = "ssr")]
    values: Option<fn(&Content) -> Vec<String>>,
}

impl Route {
    /// The path of this route below the base, its parameter (the last segment, `:slug`) given
    /// `value`: `/sections/wider-cooperation`. A route without a parameter is its pattern.
    pub fn path(&self, value: &str) -> String {
        match self.pattern.rsplit_once("/:") {
            Some((start, _)) => format!("{start}/{value}"),
            None => self.pattern.to_owned(),
        }
    }

    /// Every path of this route that the content has.
    #[cfg(feature = "ssr")]
    pub fn paths(&self, content: &Content) -> Vec<String> {
        match self.values {
            Some(values) => values(content).iter().map(|value| self.path(value)).collect(),
            None => vec![self.pattern.to_owned()],
        }
    }
}

/// Every route's paths, in the table's order: what the prerenderer renders.
#[cfg(feature = "ssr")]
pub fn prerendered(content: &Content) -> Vec<(&'static str, Vec<String>)> {
    ALL.iter().map(|route| (route.pattern, route.paths(content))).collect()
}
