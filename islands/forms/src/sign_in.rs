//! `/account/sign-in`: email and password; on success the API sets the session cookie and the
//! visitor goes back to the page they were on.

use leptos::prelude::*;
use nato_georgia_checks::requests::{field, SignIn};
use nato_georgia_web::account;
use nato_georgia_web::navigation::navigate;
use nato_georgia_web::paths::site_paths;
use nato_georgia_web::return_path::return_path;

use crate::fields::email_field::EmailField;
use crate::fields::error_summary::ErrorSummary;
use crate::fields::needs_javascript::NeedsJavaScript;
use crate::fields::password_field::PasswordField;
use crate::fields::submit_button::SubmitButton;
use crate::fields::use_form::use_form;

#[island]
pub fn SignInForm() -> impl IntoView {
    let paths = site_paths();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let form = use_form();
    let errors = form.errors;
    let back_paths = paths.clone();
    let submit = form.on_submit(
        move || SignIn { email: email.get_untracked(), password: password.get_untracked() },
        move |request| {
            account::signed_in(request.email.trim());
            navigate(&return_path(&back_paths));
        },
    );

    view! {
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
