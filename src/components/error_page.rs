//! What a development build shows on every page while the content file cannot be used: what is
//! wrong with it, with the path of the problem. (A release build refuses such a file instead.)

use leptos::prelude::*;
use nato_georgia_web::content_file::LoadError;
use nato_georgia_web::shared_names::ids;

pub const TITLE: &str = "Error: the content file cannot be used";

#[component]
pub fn ErrorPage(error: LoadError) -> impl IntoView {
    view! {
        <main id=ids::MAIN class="content-error" tabindex="-1">
            <div role="alert">
                <h1>"Sorry, the page could not be made"</h1>
                <p class="what-failed">{error.to_string()}</p>
            </div>
            <p>"Fix public/content/georgia.json (make check-content says more) and save it: the site is built again and this page reloads by itself."</p>
        </main>
    }
}
