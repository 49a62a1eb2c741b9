//! The "check your email" step shared by account creation and password reset: the code field,
//! "Continue", and "Send new code" with its cooldown. It talks to the API itself and tells the
//! page when the code was accepted.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use nato_georgia_checks::code::normalize_code;
use nato_georgia_checks::FieldError;

use crate::api::{ApiConfig, ApiError, FormBody};
use crate::components::form::code_field::{CodeField, ResendCode, RESEND_COOLDOWN_SECONDS};
use crate::components::form::error_summary::ErrorSummary;
use crate::components::form::errors::FormErrors;
use crate::components::form::submit_button::SubmitButton;
use crate::content_store::use_content;

#[component]
pub fn CodeStep(
    email: String,
    /// Where the code is checked, like `/accounts/verify`.
    verify_path: &'static str,
    /// Where a new code is asked for, and with what.
    resend_path: &'static str,
    resend_body: FormBody,
    /// Called with the accepted code.
    on_verified: Callback<String>,
    errors: FormErrors,
) -> impl IntoView {
    let api = expect_context::<ApiConfig>();
    let code = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let (cooldown, set_cooldown) = signal(RESEND_COOLDOWN_SECONDS);

    let verify_api = api.clone();
    let verify_email = email.clone();
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let normalized = normalize_code(&code.get_untracked()).map_err(|m| vec![FieldError::new("code", m)]);
        let checked = errors.check(normalized.clone().err().unwrap_or_default());
        let (true, Ok(normalized)) = (checked, normalized) else { return };
        busy.set(true);
        let (api, email) = (verify_api.clone(), verify_email.clone());
        leptos::task::spawn_local(async move {
            let result =
                api.post(verify_path, &FormBody { email, code: Some(normalized.clone()), ..FormBody::default() }).await;
            busy.set(false);
            match result {
                Ok(_) => on_verified.run(normalized),
                Err(error) => errors.show_api_error(error),
            }
        });
    };

    let resend = Callback::new(move |()| {
        let (api, body) = (api.clone(), resend_body.clone());
        leptos::task::spawn_local(async move {
            match api.post(resend_path, &body).await {
                Ok(_) => {
                    errors.clear();
                    set_cooldown.set(0);
                    set_cooldown.set(RESEND_COOLDOWN_SECONDS);
                }
                Err(ApiError::RateLimited(seconds)) => {
                    set_cooldown.set(seconds.unwrap_or(RESEND_COOLDOWN_SECONDS));
                    errors.show_api_error(ApiError::RateLimited(seconds));
                }
                Err(error) => errors.show_api_error(error),
            }
        });
    });

    view! {
        <ErrorSummary errors />
        <p>"We have sent a code to " <strong>{email}</strong> ". Enter it below."</p>
        <form method="post" novalidate on:submit=submit>
            <CodeField value=code error=errors.for_field("code") />
            <SubmitButton label="Continue" busy=busy.into() />
        </form>
        <ResendCode prompt=use_content().site.code_resend.clone() resend cooldown />
    }
}
