//! `/newsletter`: subscribe with an email address and consent; the API sends a link to confirm
//! (double opt-in) and never says whether the address was already subscribed.

use leptos::prelude::*;
use nato_georgia_checks::requests::{field, Subscribe};

use crate::components::form::checkbox_field::CheckboxField;
use crate::components::form::email_field::EmailField;
use crate::components::form::error_summary::ErrorSummary;
use crate::components::form::submit_button::SubmitButton;
use crate::components::form::use_form::use_form;
use crate::components::needs_javascript::NeedsJavaScript;
use crate::components::page_meta::PageMeta;
use crate::content_store::use_content;

#[component]
pub fn NewsletterPage() -> impl IntoView {
    let content = use_content();
    let email = RwSignal::new(String::new());
    let consent = RwSignal::new(false);
    let form = use_form();
    let errors = form.errors;
    let subscribed = RwSignal::new(None::<String>);
    let submit = form.on_submit(
        move || Subscribe { email: email.get_untracked(), consent: consent.get_untracked() },
        move |request| subscribed.set(Some(request.email.trim().to_owned())),
    );

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
                        <EmailField value=email error=errors.for_field(field::EMAIL) submitted=form.submitted />
                        <CheckboxField
                            id=field::CONSENT
                            label="I agree to receive the newsletter by email".to_owned()
                            checked=consent
                            error=errors.for_field(field::CONSENT)
                        />
                        <SubmitButton label="Subscribe" busy=form.busy.into() />
                    </form>
                }.into_any(),
            }}
        </article>
    }
}
