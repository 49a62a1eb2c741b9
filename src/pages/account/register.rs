//! `/account/register`: create an account (to download videos), then confirm the address with
//! the emailed code.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use nato_georgia_checks::email::validate_email;
use nato_georgia_checks::password::rule_error;
use nato_georgia_checks::strength::Strength;
use nato_georgia_checks::FieldError;

use crate::api::{ApiConfig, FormBody};
use crate::components::code_step::CodeStep;
use crate::components::form::checkbox_field::CheckboxField;
use crate::components::form::email_field::EmailField;
use crate::components::form::error_summary::ErrorSummary;
use crate::components::form::errors::{begin_submit, FormErrors};
use crate::components::form::password_field::PasswordField;
use crate::components::form::steps::step_changer;
use crate::components::form::submit_button::SubmitButton;
use crate::components::needs_javascript::NeedsJavaScript;
use crate::components::page_meta::PageMeta;
use crate::content_store::use_content;
use crate::paths::SitePaths;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Details,
    Code,
    Done,
}

/// The password's problems: the rule first, then, if the estimate is in, its strength.
pub fn password_errors(field: &str, password: &str, strength: Option<Strength>) -> Option<FieldError> {
    rule_error(password)
        .or_else(|| strength.and_then(|s| s.weakness_error()))
        .map(|message| FieldError::new(field, message))
}

/// What `POST /accounts` takes, for creating the account and for sending its code again.
fn account_body(email: String, password: String, newsletter: bool) -> FormBody {
    FormBody { email, password: Some(password), newsletter: Some(newsletter), ..FormBody::default() }
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let content = use_content();
    let api = expect_context::<ApiConfig>();
    let paths = expect_context::<SitePaths>();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let newsletter = RwSignal::new(false);
    let (strength, set_strength) = signal(None::<Strength>);
    let errors = FormErrors::new();
    let busy = RwSignal::new(false);
    let submitted = RwSignal::new(0u32);
    let step = RwSignal::new(Step::Details);
    let confirmed_email = RwSignal::new(String::new());

    let go_to = step_changer(step, errors);

    let submit = move |event: SubmitEvent| {
        if !begin_submit(&event, busy, submitted) {
            return;
        }
        let mut found = Vec::new();
        let address = validate_email(&email.get_untracked()).map_err(|m| found.push(FieldError::new("email", m))).ok();
        found.extend(password_errors("password", &password.get_untracked(), strength.get_untracked()));
        let (true, Some(address)) = (errors.check(found), address) else { return };
        busy.set(true);
        let api = api.clone();
        leptos::task::spawn_local(async move {
            let body = account_body(address.clone(), password.get_untracked(), newsletter.get_untracked());
            let result = api.post("/accounts", &body).await;
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

    let email_signal: Signal<String> = email.into();
    let heading = move || match step.get() {
        Step::Details => "Create an account",
        Step::Code => "Check your email",
        Step::Done => "Your account is ready",
    };
    let (rule, newsletter_text) = (content.site.password_rule.clone(), content.site.newsletter.clone());
    let sign_in = paths.sign_in();
    view! {
        <PageMeta heading="Create an account" description="Create an account to download videos from the website." has_errors=errors.has_any() />
        <article class="form-page">
            <h1 tabindex="-1">{heading}</h1>
            <NeedsJavaScript />
            {move || match step.get() {
                Step::Details => view! {
                    <ErrorSummary errors />
                    <p>"With an account you can download videos from our website."</p>
                    <form method="post" novalidate on:submit=submit.clone()>
                        <EmailField value=email error=errors.for_field("email") submitted />
                        <PasswordField
                            id="password"
                            label="Password"
                            value=password
                            error=errors.for_field("password")
                            autocomplete="new-password"
                            hint=rule.clone()
                            email=email_signal
                            strength_out=set_strength
                        />
                        <CheckboxField
                            id="newsletter"
                            label="Subscribe to the newsletter (optional)".to_owned()
                            hint=newsletter_text.clone()
                            checked=newsletter
                        />
                        <SubmitButton label="Create account" busy=busy.into() />
                    </form>
                }.into_any(),
                Step::Code => view! {
                    <CodeStep
                        email=confirmed_email.get_untracked()
                        verify_path="/accounts/verify"
                        resend_path="/accounts"
                        resend_body=account_body(confirmed_email.get_untracked(), password.get_untracked(), newsletter.get_untracked())
                        on_verified=Callback::new(move |_| go_to(Step::Done))
                        errors
                    />
                }.into_any(),
                Step::Done => view! {
                    <div class="panel" role="status">
                        <p>"Your email address is confirmed and your account has been created."</p>
                        <p><a href=sign_in.clone()>"Sign in to download videos"</a></p>
                    </div>
                }.into_any(),
            }}
        </article>
    }
}
