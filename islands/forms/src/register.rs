//! `/account/register`: create an account (to download videos), then confirm the address with
//! the emailed code.

use leptos::prelude::*;
use nato_georgia_checks::requests::{field, ConfirmAccount, CreateAccount};

use crate::fields::checkbox_field::CheckboxField;
use crate::fields::code_step::CodeStep;
use crate::fields::email_field::EmailField;
use crate::fields::error_summary::ErrorSummary;
use crate::fields::needs_javascript::NeedsJavaScript;
use crate::fields::password_field::PasswordField;
use crate::fields::steps::step_changer;
use crate::fields::submit_button::SubmitButton;
use crate::fields::use_form::use_form;
use nato_georgia_web::paths::site_paths;

#[derive(Clone)]
enum Step {
    Details,
    /// The code was sent for this request ("Send new code" sends it again).
    Code(CreateAccount),
    Done,
}

#[island]
pub fn RegisterForm(
    /// The site's password rule, the new password's hint.
    password_rule: String,
    /// The site's sentence about the newsletter.
    newsletter: String,
    /// "Didn't receive a code? Send new code".
    code_resend: String,
) -> impl IntoView {
    let paths = site_paths();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let wants_newsletter = RwSignal::new(false);
    let form = use_form();
    let errors = form.errors;
    let step = RwSignal::new(Step::Details);
    let go_to = step_changer(step, errors);

    let submit = form.on_submit(
        move || CreateAccount {
            email: email.get_untracked(),
            password: password.get_untracked(),
            newsletter: wants_newsletter.get_untracked(),
        },
        move |request| go_to(Step::Code(request)),
    );

    let email_signal: Signal<String> = email.into();
    let heading = move || {
        step.with(|step| match step {
            Step::Details => "Create an account",
            Step::Code(_) => "Check your email",
            Step::Done => "Your account is ready",
        })
    };
    let sign_in = paths.sign_in();
    view! {
        <article class="form-page">
            <h1 tabindex="-1">{heading}</h1>
            <NeedsJavaScript />
            {move || match step.get() {
                Step::Details => view! {
                    <ErrorSummary errors />
                    <p>"With an account you can download videos from our website."</p>
                    <form method="post" novalidate on:submit=submit.clone()>
                        <EmailField value=email error=errors.for_field(field::EMAIL) submitted=form.submitted />
                        <PasswordField
                            id=field::PASSWORD
                            label="Password"
                            value=password
                            error=errors.for_field(field::PASSWORD)
                            autocomplete="new-password"
                            hint=password_rule.clone()
                            email=email_signal
                            strength_out=form.strength.write_only()
                        />
                        <CheckboxField
                            id="newsletter"
                            label="Subscribe to the newsletter (optional)".to_owned()
                            hint=newsletter.clone()
                            checked=wants_newsletter
                        />
                        <SubmitButton label="Create account" busy=form.busy.into() />
                    </form>
                }.into_any(),
                Step::Code(request) => view! {
                    <CodeStep
                        email=request.email.trim().to_owned()
                        verify=|email, code| ConfirmAccount { email, code }
                        resend=request
                        on_verified=Callback::new(move |_| go_to(Step::Done))
                        errors
                        code_resend=code_resend.clone()
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
