//! `/account/sign-in`: email and password; on success the API sets the session cookie and the
//! visitor goes back to the page they were on.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use nato_georgia_checks::requests::{field, SignIn};

use crate::account_session::AccountSession;
use crate::components::form::email_field::EmailField;
use crate::components::form::error_summary::ErrorSummary;
use crate::components::form::password_field::PasswordField;
use crate::components::form::submit_button::SubmitButton;
use crate::components::form::use_form::use_form;
use crate::components::needs_javascript::NeedsJavaScript;
use crate::components::page_meta::PageMeta;
use crate::paths::SitePaths;
use crate::return_path::return_path;

#[component]
pub fn SignInPage() -> impl IntoView {
    let paths = expect_context::<SitePaths>();
    let session = expect_context::<AccountSession>();
    let navigate = use_navigate();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let form = use_form();
    let errors = form.errors;
    let back_paths = paths.clone();
    let submit = form.on_submit(
        move || SignIn { email: email.get_untracked(), password: password.get_untracked() },
        move |request| {
            session.signed_in(request.email.trim().to_owned());
            navigate(&return_path(&back_paths), NavigateOptions { resolve: false, ..Default::default() });
        },
    );

    view! {
        <PageMeta heading="Sign in" description="Sign in to your account to download videos." has_errors=errors.has_any() />
        <article class="form-page">
            <h1 tabindex="-1">"Sign in"</h1>
            <NeedsJavaScript />
            <ErrorSummary errors />
            <form method="post" novalidate on:submit=submit>
                <EmailField value=email error=errors.for_field(field::EMAIL) submitted=form.submitted />
                <PasswordField
                    id=field::PASSWORD
                    label="Password"
                    value=password
                    error=errors.for_field(field::PASSWORD)
                    autocomplete="current-password"
                />
                <SubmitButton label="Sign in" busy=form.busy.into() />
            </form>
            <ul class="form-links">
                <li><a href=paths.forgot_password()>"Forgot your password?"</a></li>
                <li><a href=paths.register()>"Create an account"</a></li>
            </ul>
        </article>
    }
}
