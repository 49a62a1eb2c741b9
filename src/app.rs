//! The app: the router, the frame every page shares, and what shows while the content loads or
//! when it cannot be loaded.

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

use crate::components::announcement::Announcement;
use crate::components::content_error::ContentError;
use crate::components::focus_on_navigate::FocusOnNavigate;
use crate::components::loading::Loading;
use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::components::skip_link::SkipLink;
use crate::account_session::AccountSession;
use crate::api::ApiConfig;
use crate::content_store::{ContentStore, LoadState, RegionIndexSlot};
use crate::pages::account::forgot_password::ForgotPasswordPage;
use crate::pages::account::register::RegisterPage;
use crate::pages::account::sign_in::SignInPage;
use crate::pages::newsletter::NewsletterPage;
use crate::return_path::remember_return_path;
use crate::pages::home::HomePage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::region::RegionPage;
use crate::pages::regions::RegionsPage;
use crate::pages::section::SectionPage;
use crate::paths::SitePaths;
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

    view! {
        <Router base=router_base>
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
                <Route path=path!("/sections/:slug") view=SectionPage />
                <Route path=path!("/regions") view=RegionsPage />
                <Route path=path!("/regions/:slug") view=RegionPage />
                <Route path=path!("/newsletter") view=NewsletterPage />
                <Route path=path!("/account/register") view=RegisterPage />
                <Route path=path!("/account/sign-in") view=SignInPage />
                <Route path=path!("/account/forgot-password") view=ForgotPasswordPage />
            </FlatRoutes>
        </main>
        <SiteFooter />
        <FocusOnNavigate />
    }
}
