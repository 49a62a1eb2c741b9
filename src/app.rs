//! The app: the router, the frame every page shares, and what shows while the content loads or
//! when it cannot be loaded.

use leptos::prelude::*;
use leptos_router::components::Router;

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
use crate::paths::SitePaths;
use crate::prefill::Prefill;
use crate::return_path::remember_return_path;
use crate::routes::SiteRoutes;

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

/// The site once the content is there: header, the routed page, footer.
#[component]
fn Site() -> impl IntoView {
    remember_return_path(expect_context::<SitePaths>());
    view! {
        <Announcement />
        <SiteHeader />
        <main id="main" tabindex="-1">
            <SiteRoutes />
        </main>
        <SiteFooter />
        <FocusOnNavigate />
    }
}
