//! Every route but `/` as a chunk of wasm the browser loads when the visitor goes there, so the
//! first view carries only the overview's code (README "Size").
//!
//! Only in the release build, which compiles the wasm with `--cfg split` and splits it after
//! linking (Makefile, scripts/split-wasm.mjs); development builds, the wasm tests and the
//! prerenderer use the pages directly. A chunk that cannot be downloaded shows
//! [`PageNotLoaded`] instead of stopping the app, and is fetched again on the next visit.

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::LazyRoute;

use crate::components::page_not_loaded::PageNotLoaded;
use crate::pages::account::forgot_password::ForgotPasswordPage;
use crate::pages::account::register::RegisterPage;
use crate::pages::account::sign_in::SignInPage;
use crate::pages::newsletter::NewsletterPage;
use crate::pages::region::RegionPage;
use crate::pages::regions::RegionsPage;
use crate::pages::section::SectionPage;

/// A route whose page is the split function `$page_view`, in its own chunk `$chunk`.
macro_rules! route_chunk {
    ($route:ident, $page_view:ident, $chunk:ident, $page:ident) => {
        #[derive(Debug)]
        pub struct $route;

        #[leptos::wasm_split::wasm_split($chunk, fallible, wasm_split_path = ::leptos::wasm_split)]
        fn $page_view() -> Result<AnyView, SplitLoaderError> {
            Ok(view! { <$page /> }.into_any())
        }

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_route: Self) -> AnyView {
                $page_view().await.unwrap_or_else(|_| view! { <PageNotLoaded /> }.into_any())
            }
        }
    };
}

route_chunk!(SectionRoute, section_view, section_page, SectionPage);
route_chunk!(RegionsRoute, regions_view, regions_page, RegionsPage);
route_chunk!(RegionRoute, region_view, region_page, RegionPage);
route_chunk!(NewsletterRoute, newsletter_view, newsletter_page, NewsletterPage);
route_chunk!(RegisterRoute, register_view, register_page, RegisterPage);
route_chunk!(SignInRoute, sign_in_view, sign_in_page, SignInPage);
route_chunk!(ForgotPasswordRoute, forgot_password_view, forgot_password_page, ForgotPasswordPage);
