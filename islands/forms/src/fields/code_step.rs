//! The "check your email" step shared by account creation and password reset: the code field,
//! "Continue", and "Send new code" with its cooldown. It sends the page's requests itself and
//! tells the page when the code was accepted.

use leptos::prelude::*;
use nato_georgia_checks::code::normalize_code;
use nato_georgia_checks::requests::{field, ApiRequest};

use nato_georgia_web::dom::focus_soon;

use crate::fields::code_field::{CodeField, ResendCode, RESEND_COOLDOWN_SECONDS};
use crate::fields::error_summary::ErrorSummary;
use crate::fields::errors::FormErrors;
use crate::fields::submit_button::SubmitButton;
use crate::fields::use_form::use_form_with;
use nato_georgia_web::api::{ApiConfig, ApiError};

#[component]
pub fn CodeStep<V, R>(
    email: String,
    /// The request that checks a code typed for `email`.
    verify: fn(String, String) -> V,
    /// The request that asks for a new code.
    resend: R,
    /// Called with the accepted code.
    on_verified: Callback<String>,
    errors: FormErrors,
    /// The seed's sentence: "Didn't receive a code? Send new Code".
    code_resend: String,
) -> impl IntoView
where
    V: ApiRequest + 'static,
    R: ApiRequest + Clone + Send + Sync + 'static,
{
    let code = RwSignal::new(String::new());
    let (cooldown, set_cooldown) = signal(RESEND_COOLDOWN_SECONDS);
    let form = use_form_with(errors);
    let address = email.clone();
    // Sent without the spaces and hyphens it may be typed with; as typed when it is not a code,
    // for the check to say why.
    let digits = move || {
        let typed = code.get_untracked();
        normalize_code(&typed).unwrap_or(typed)
    };
    let submit = form.on_submit(move || verify(address.clone(), digits()), move |_| on_verified.run(digits()));

    let resend = Callback::new(move |()| {
        let (api, request) = (ApiConfig::from_document(), resend.clone());
        leptos::task::spawn_local(async move {
            match api.send(&request).await {
                Ok(()) => {
                    errors.clear();
                    set_cooldown.set(0);
                    set_cooldown.set(RESEND_COOLDOWN_SECONDS);
                    // "Send new code" waits out its countdown, disabled: focus goes to the code.
                    focus_soon(&format!("#{}", field::CODE));
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
            <CodeField value=code error=errors.for_field(field::CODE) />
            <SubmitButton label="Continue" busy=form.busy.into() />
        </form>
        <ResendCode prompt=code_resend resend cooldown />
    }
}
