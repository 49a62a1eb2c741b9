//! `/account/forgot-password`, in four steps on one route: the email, the emailed code, a new
//! password, then back to the page the visitor was on to sign in with it.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use nato_georgia_checks::email::validate_email;
use nato_georgia_checks::strength::Strength;
use nato_georgia_checks::FieldError;

use crate::account_session::AccountSession;
use crate::api::{ApiConfig, ApiError, FormBody};
use crate::components::code_step::CodeStep;
use crate::components::form::email_field::EmailField;
use crate::components::form::error_summary::ErrorSummary;
use crate::components::form::errors::{begin_submit, FormErrors};
use crate::components::form::password_field::PasswordField;
use crate::components::form::steps::step_changer;
use crate::components::form::submit_button::SubmitButton;
use crate::components::needs_javascript::NeedsJavaScript;
use crate::components::page_meta::PageMeta;
use crate::content_store::use_content;
use crate::pages::account::register::password_errors;
use crate::paths::SitePaths;
use crate::return_path::return_path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Email,
    Code,
    NewPassword,
    Done,
}

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let content = use_content();
    let api = expect_context::<ApiConfig>();
    let paths = expect_context::<SitePaths>();
    let session = expect_context::<AccountSession>();
    let navigate = use_navigate();
    let email = RwSignal::new(String::new());
    let confirmed_email = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let (strength, set_strength) = signal(None::<Strength>);
    let errors = FormErrors::new();
    let busy = RwSignal::new(false);
    let submitted = RwSignal::new(0u32);
    let step = RwSignal::new(Step::Email);

    let go_to = step_changer(step, errors);

    let send_api = api.clone();
    let send_code = move |event: SubmitEvent| {
        if !begin_submit(&event, busy, submitted) {
            return;
        }
        let address = validate_email(&email.get_untracked());
        let checked =
            errors.check(address.clone().err().map(|m| vec![FieldError::new("email", m)]).unwrap_or_default());
        let (true, Ok(address)) = (checked, address) else { return };
        busy.set(true);
        let api = send_api.clone();
        leptos::task::spawn_local(async move {
            let result =
                api.post("/password-resets", &FormBody { email: address.clone(), ..FormBody::default() }).await;
            busy.set(false);
            match result {
                Ok(_) => {
                    confirmed_email.set(address);
                    go_to(Step::Code);
                }
                Err(error) => errors.show_api_error(error),
            }
        });
    };

    let change_api = api.clone();
    let change_password = move |event: SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let found: Vec<FieldError> =
            password_errors("new-password", &password.get_untracked(), strength.get_untracked()).into_iter().collect();
        if !errors.check(found) {
            return;
        }
        busy.set(true);
        let api = change_api.clone();
        leptos::task::spawn_local(async move {
            let body = FormBody {
                email: confirmed_email.get_untracked(),
                code: Some(code.get_untracked()),
                password: Some(password.get_untracked()),
                ..FormBody::default()
            };
            let result = api.post("/password-resets/complete", &body).await;
            busy.set(false);
            match result {
                Ok(_) => {
                    password.set(String::new());
                    session.signed_out();
                    go_to(Step::Done);
                }
                Err(ApiError::Fields(fields)) => errors.show_api_error(ApiError::Fields(
                    fields
                        .into_iter()
                        .map(|error| match error.field.as_str() {
                            "password" => FieldError::new("new-password", error.message),
                            _ => error,
                        })
                        .collect(),
                )),
                Err(error) => errors.show_api_error(error),
            }
        });
    };

    let return_to_page = move |_| {
        navigate(&return_path(&paths), NavigateOptions { resolve: false, ..Default::default() });
    };

    let email_signal: Signal<String> = confirmed_email.into();
    let heading = move || match step.get() {
        Step::Email => "Reset your password",
        Step::Code => "Check your email",
        Step::NewPassword => "Choose a new password",
        Step::Done => "Your password has been changed",
    };
    let site = content.site.clone();
    view! {
        <PageMeta heading="Reset your password" description=site.password_reset.clone() has_errors=errors.has_any() />
        <article class="form-page">
            <h1 tabindex="-1">{heading}</h1>
            <NeedsJavaScript />
            {move || match step.get() {
                Step::Email => view! {
                    <ErrorSummary errors />
                    <p>{site.password_reset.clone()}</p>
                    <form method="post" novalidate on:submit=send_code.clone()>
                        <EmailField value=email error=errors.for_field("email") submitted />
                        <SubmitButton label="Send code" busy=busy.into() />
                    </form>
                }.into_any(),
                Step::Code => view! {
                    <CodeStep
                        email=confirmed_email.get_untracked()
                        verify_path="/password-resets/verify"
                        resend_path="/password-resets"
                        resend_body=FormBody { email: confirmed_email.get_untracked(), ..FormBody::default() }
                        on_verified=Callback::new(move |accepted| {
                            code.set(accepted);
                            go_to(Step::NewPassword);
                        })
                        errors
                    />
                }.into_any(),
                Step::NewPassword => view! {
                    <ErrorSummary errors />
                    <form method="post" novalidate on:submit=change_password.clone()>
                        <PasswordField
                            id="new-password"
                            label="New password"
                            value=password
                            error=errors.for_field("new-password")
                            autocomplete="new-password"
                            hint=site.password_rule.clone()
                            email=email_signal
                            strength_out=set_strength
                        />
                        <SubmitButton label="Change password" busy=busy.into() />
                    </form>
                }.into_any(),
                Step::Done => view! {
                    <div class="panel" role="status">
                        <p>{site.return_to_page.clone()}</p>
                    </div>
                    <button type="button" on:click=return_to_page.clone()>"Return to the page you were on"</button>
                }.into_any(),
            }}
        </article>
    }
}
