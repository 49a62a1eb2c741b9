//! The app: the router, the frame every page shares, and what shows while the content loads or
//! when it cannot be loaded.

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

use crate::account_session::AccountSession;
use crate::api::ApiConfig;
use crate::components::announcement::Announcement;
use crate::components::content_error::ContentError;
use crate::components::focus_on_navigate::{FocusOnNavigate, Routing};
use crate::components::loading::Loading;
use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::components::skip_link::SkipLink;
use crate::content_store::{ContentStore, LoadState, RegionIndexSlot};
use crate::pages::home::HomePage;
use crate::pages::not_found::NotFoundPage;
use crate::paths::SitePaths;
use crate::return_path::remember_return_path;
// The release build reaches these through their chunks (`route_chunks`).
#[cfg(not(split))]
use crate::pages::{
    account::forgot_password::ForgotPasswordPage, account::register::RegisterPage, account::sign_in::SignInPage,
    newsletter::NewsletterPage, region::RegionPage, regions::RegionsPage, section::SectionPage,
};
use crate::prefill::Prefill;

#[component]
pub fn App(
    paths: SitePaths,
    content: ContentStore,
    api: ApiConfig,
    /// Form values typed before hydration (none when rendering on the server or from scratch).
    #[prop(optional)]
    prefill: Prefill,
) -> impl IntoView {
    #[cfg(feature = "ssr")]
    leptos_meta::provide_meta_context();
    provide_context(prefill);
    provide_context(content);
    let session = AccountSession::new();
    provide_context(session);
    provide_context(api.clone());
    Effect::new(move |_| session.restore(api.clone()));
    let router_base = paths.router_base();
    provide_context(paths);
    let state = content.state();
    let (routing, set_routing) = signal(false);
    provide_context(Routing(routing));

    view! {
        <Router base=router_base set_is_routing=set_routing>
            <SkipLink />
            {move || match state.get() {
                LoadState::Loading => view! { <Loading /> }.into_any(),
                LoadState::Failed(error) => view! { <ContentError error /> }.into_any(),
                LoadState::Ready(content) => {
                    provide_context(RegionIndexSlot::default());
                    provide_context(content);
                    view! { <Site /> }.into_any()
                }
            }}
        </Router>
    }
}

/// A route's view: the page itself, or in the release build its chunk (`route_chunks`).
#[cfg(not(split))]
macro_rules! routed {
    ($page:ident, $chunk:ident) => {
        $page
    };
}
#[cfg(split)]
macro_rules! routed {
    ($page:ident, $chunk:ident) => {
        leptos_router::Lazy::<crate::route_chunks::$chunk>::new()
    };
}

/// The site once the content is there: header, the routed page, footer.
#[component]
fn Site() -> impl IntoView {
    remember_return_path(expect_context::<SitePaths>());
    view! {
        <Announcement />
        <SiteHeader />
        <main id="main" tabindex="-1">
            <FlatRoutes fallback=NotFoundPage>
                <Route path=path!("/") view=HomePage />
                <Route path=path!("/sections/:slug") view=routed!(SectionPage, SectionRoute) />
                <Route path=path!("/regions") view=routed!(RegionsPage, RegionsRoute) />
                <Route path=path!("/regions/:slug") view=routed!(RegionPage, RegionRoute) />
                <Route path=path!("/newsletter") view=routed!(NewsletterPage, NewsletterRoute) />
                <Route path=path!("/account/register") view=routed!(RegisterPage, RegisterRoute) />
                <Route path=path!("/account/sign-in") view=routed!(SignInPage, SignInRoute) />
                <Route path=path!("/account/forgot-password") view=routed!(ForgotPasswordPage, ForgotPasswordRoute) />
            </FlatRoutes>
        </main>
        <SiteFooter />
        <FocusOnNavigate />
    }
}
