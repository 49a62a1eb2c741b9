//! "Sign in", or the signed-in account's email and "Sign out", in the header. A visitor with no
//! account hint sends no request; with one, the island shows it and asks the API whether the
//! session still holds. It follows sign-ins and sign-outs of the page's forms and other tabs.

use leptos::prelude::*;
use nato_georgia_web::api::ApiConfig;
use nato_georgia_web::paths::site_paths;
use nato_georgia_web::{account, dom};

#[island]
pub fn AccountLinks() -> impl IntoView {
    let sign_in = site_paths().sign_in();
    let email = RwSignal::new(None::<String>);
    let (problem, set_problem) = signal(None::<String>);
    Effect::new(move |_| {
        account::on_change(move |who| email.set(who));
        if let Some(hint) = account::hint() {
            email.set(Some(hint));
            leptos::task::spawn_local(async move { account::check_session(&ApiConfig::from_document()).await });
        }
    });
    let sign_out = move |_| {
        leptos::task::spawn_local(async move {
            match account::sign_out(&ApiConfig::from_document()).await {
                Ok(()) => {
                    set_problem.set(None);
                    // "Sign out" gives way to "Sign in", where focus goes on.
                    dom::focus_soon(".account-links a");
                }
                Err(error) => set_problem.set(Some(format!("You are still signed in. {}", error.message()))),
            }
        });
    };
    view! {
        <div class="account-links">
            {move || match email.get() {
                Some(email) => view! {
                    <span class="account-email">"Signed in as " <strong>{email}</strong></span>
                    <button type="button" class="secondary" on:click=sign_out>"Sign out"</button>
                }.into_any(),
                None => view! { <a href=sign_in.clone()>"Sign in"</a> }.into_any(),
            }}
            <span role="status" class="account-problem">{move || problem.get()}</span>
        </div>
    }
}
