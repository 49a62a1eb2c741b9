//! `/newsletter`: subscribe with an email address and consent; the API sends a link to confirm
//! (double opt-in) and never says whether the address was already subscribed.

use leptos::prelude::*;
use nato_georgia_checks::requests::{field, Subscribe};
use nato_georgia_web::dom::focus_soon;

use crate::fields::checkbox_field::CheckboxField;
use crate::fields::email_field::EmailField;
use crate::fields::error_summary::ErrorSummary;
use crate::fields::needs_javascript::NeedsJavaScript;
use crate::fields::submit_button::SubmitButton;
use crate::fields::use_form::use_form;

#[island]
pub fn NewsletterForm(
    /// The site's sentence about the newsletter.
    newsletter: String,
) -> impl IntoView {
    let email = RwSignal::new(String::new());
    let consent = RwSignal::new(false);
    let form = use_form();
    let errors = form.errors;
    let subscribed = RwSignal::new(None::<String>);
    let submit = form.on_submit(
        move || Subscribe { email: email.get_untracked(), consent: consent.get_untracked() },
        move |request| {
            subscribed.set(Some(request.email.trim().to_owned()));
            // The form and its button are gone: focus goes to what replaced them.
            focus_soon(".panel h2");
        },
    );
    view! {
        <article class="form-page">
            <h1 tabindex="-1">"Subscribe to the newsletter"</h1>
            <NeedsJavaScript />
            {move || match subscribed.get() {
                Some(address) => view! {
                    <div class="panel" role="status">
                        <h2 tabindex="-1">"Check your email"</h2>
                        <p>"If " <strong>{address}</strong> " can be subscribed, we have sent it a link. Follow the link to confirm your subscription."</p>
                    </div>
                }.into_any(),
                None => view! {
                    <ErrorSummary errors />
                    <p>{newsletter.clone()}</p>
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
