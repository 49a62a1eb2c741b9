//! `/account/sign-in`: email and password; on success the API sets the session cookie and the
//! visitor goes back to the page they were on.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use nato_georgia_checks::email::validate_email;
use nato_georgia_checks::password::MISSING_CURRENT;
use nato_georgia_checks::FieldError;

use crate::account_session::AccountSession;
use crate::api::{ApiConfig, FormBody};
use crate::components::form::email_field::EmailField;
use crate::components::form::error_summary::ErrorSummary;
use crate::components::form::errors::{begin_submit, FormErrors};
use crate::components::form::password_field::PasswordField;
use crate::components::form::submit_button::SubmitButton;
use crate::components::needs_javascript::NeedsJavaScript;
use crate::components::page_meta::PageMeta;
use crate::paths::SitePaths;
use crate::return_path::return_path;

#[component]
pub fn SignInPage() -> impl IntoView {
    let api = expect_context::<ApiConfig>();
    let paths = expect_context::<SitePaths>();
    let session = expect_context::<AccountSession>();
    let navigate = use_navigate();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let busy = RwSignal::new(false);
    let submitted = RwSignal::new(0u32);

    let back_paths = paths.clone();
    let submit = move |event: SubmitEvent| {
        if !begin_submit(&event, busy, submitted) {
            return;
        }
        let mut found = Vec::new();
        let address = validate_email(&email.get_untracked()).map_err(|m| found.push(FieldError::new("email", m))).ok();
        if password.get_untracked().is_empty() {
            found.push(FieldError::new("password", MISSING_CURRENT));
        }
        let (true, Some(address)) = (errors.check(found), address) else { return };
        busy.set(true);
        let (api, navigate, back) = (api.clone(), navigate.clone(), return_path(&back_paths));
        leptos::task::spawn_local(async move {
            let result = api
                .post(
                    "/sessions",
                    &FormBody {
                        email: address.clone(),
                        password: Some(password.get_untracked()),
                        ..FormBody::default()
                    },
                )
                .await;
            busy.set(false);
            match result {
                Ok(_) => {
                    session.signed_in(address);
                    navigate(&back, NavigateOptions { resolve: false, ..Default::default() });
                }
                Err(error) => errors.show_api_error(error),
            }
        });
    };

    view! {
        <PageMeta heading="Sign in" description="Sign in to your account to download videos." has_errors=errors.has_any() />
        <article class="form-page">
            <h1 tabindex="-1">"Sign in"</h1>
            <NeedsJavaScript />
            <ErrorSummary errors />
            <form method="post" novalidate on:submit=submit>
                <EmailField value=email error=errors.for_field("email") submitted />
                <PasswordField id="password" label="Password" value=password error=errors.for_field("password") autocomplete="current-password" />
                <SubmitButton label="Sign in" busy=busy.into() />
            </form>
            <ul class="form-links">
                <li><a href=paths.forgot_password()>"Forgot your password?"</a></li>
                <li><a href=paths.register()>"Create an account"</a></li>
            </ul>
        </article>
    }
}
