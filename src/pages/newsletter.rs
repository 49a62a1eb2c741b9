//! `/newsletter`: subscribe with an email address and consent; the API sends a link to confirm
//! (double opt-in) and never says whether the address was already subscribed.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use nato_georgia_checks::email::validate_email;
use nato_georgia_checks::FieldError;

use crate::api::{ApiConfig, FormBody};
use crate::components::form::checkbox_field::CheckboxField;
use crate::components::form::email_field::EmailField;
use crate::components::form::error_summary::ErrorSummary;
use crate::components::form::errors::{begin_submit, FormErrors};
use crate::components::form::submit_button::SubmitButton;
use crate::components::needs_javascript::NeedsJavaScript;
use crate::components::page_meta::PageMeta;
use crate::content_store::use_content;

pub const CONSENT_MISSING: &str = "Select “I agree” to subscribe to the newsletter";

#[component]
pub fn NewsletterPage() -> impl IntoView {
    let content = use_content();
    let api = expect_context::<ApiConfig>();
    let email = RwSignal::new(String::new());
    let consent = RwSignal::new(false);
    let errors = FormErrors::new();
    let busy = RwSignal::new(false);
    let submitted = RwSignal::new(0u32);
    let subscribed = RwSignal::new(None::<String>);

    let submit = move |event: SubmitEvent| {
        if !begin_submit(&event, busy, submitted) {
            return;
        }
        let mut found = Vec::new();
        let address = validate_email(&email.get_untracked()).map_err(|m| found.push(FieldError::new("email", m))).ok();
        if !consent.get_untracked() {
            found.push(FieldError::new("consent", CONSENT_MISSING));
        }
        let (true, Some(address)) = (errors.check(found), address) else { return };
        busy.set(true);
        let api = api.clone();
        leptos::task::spawn_local(async move {
            let result = api
                .post(
                    "/newsletter/subscriptions",
                    &FormBody { email: address.clone(), consent: Some(true), ..FormBody::default() },
                )
                .await;
            busy.set(false);
            match result {
                Ok(_) => subscribed.set(Some(address)),
                Err(error) => errors.show_api_error(error),
            }
        });
    };

    let newsletter_text = content.site.newsletter.clone();
    view! {
        <PageMeta heading="Newsletter" description="Subscribe to the newsletter to receive the latest updates by email." has_errors=errors.has_any() />
        <article class="form-page">
            <h1 tabindex="-1">"Subscribe to the newsletter"</h1>
            <NeedsJavaScript />
            {move || match subscribed.get() {
                Some(address) => view! {
                    <div class="panel" role="status">
                        <h2>"Check your email"</h2>
                        <p>"If " <strong>{address}</strong> " can be subscribed, we have sent it a link. Follow the link to confirm your subscription."</p>
                    </div>
                }.into_any(),
                None => view! {
                    <ErrorSummary errors />
                    <p>{newsletter_text.clone()}</p>
                    <form method="post" novalidate on:submit=submit.clone()>
                        <EmailField value=email error=errors.for_field("email") submitted />
                        <CheckboxField
                            id="consent"
                            label="I agree to receive the newsletter by email".to_owned()
                            checked=consent
                            error=errors.for_field("consent")
                        />
                        <SubmitButton label="Subscribe" busy=busy.into() />
                    </form>
                }.into_any(),
            }}
        </article>
    }
}
