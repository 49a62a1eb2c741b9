//! Every route of the table (`nato_georgia_web::routes`) with its pages: the values of its
//! parameter, and the page for each. Both match every route, so a route added to the table
//! without its page does not compile.

use leptos::prelude::*;
use nato_georgia_content::region_index::RegionIndex;
use nato_georgia_content::Content;
use nato_georgia_web::routes::Route;

use crate::context::{use_content, use_region_index};
use crate::pages::forms::{ForgotPasswordPage, NewsletterPage, RegisterPage, SignInPage};
use crate::pages::home::HomePage;
use crate::pages::region::RegionPage;
use crate::pages::regions::RegionsPage;
use crate::pages::search::SearchPage;
use crate::pages::section::SectionPage;
use crate::pages::timeline::TimelinePage;

/// The values of the route's parameter that the content has (one, `""`, for a route without).
pub fn values(route: Route, content: &Content, index: &RegionIndex) -> Vec<String> {
    match route {
        Route::Section => content.sections.iter().map(|section| section.slug.clone()).collect(),
        Route::Region => index.entries.iter().map(|entry| entry.place.slug.clone()).collect(),
        Route::Home
        | Route::Regions
        | Route::Search
        | Route::Timeline
        | Route::Newsletter
        | Route::Register
        | Route::SignIn
        | Route::ForgotPassword => vec![String::new()],
    }
}

/// The page of `route` for its parameter's `value` (one of [`values`]).
pub fn page(route: Route, value: &str) -> AnyView {
    match route {
        Route::Home => view! { <HomePage /> }.into_any(),
        Route::Section => {
            let section = use_content().section(value).cloned();
            section.map(|section| view! { <SectionPage section /> }).into_any()
        }
        Route::Regions => view! { <RegionsPage /> }.into_any(),
        Route::Region => {
            let entry = use_region_index().get(value).cloned();
            entry.map(|entry| view! { <RegionPage entry /> }).into_any()
        }
        Route::Search => view! { <SearchPage /> }.into_any(),
        Route::Timeline => view! { <TimelinePage /> }.into_any(),
        Route::Newsletter => view! { <NewsletterPage /> }.into_any(),
        Route::Register => view! { <RegisterPage /> }.into_any(),
        Route::SignIn => view! { <SignInPage /> }.into_any(),
        Route::ForgotPassword => view! { <ForgotPasswordPage /> }.into_any(),
    }
}
