//! `/account/forgot-password`, in four steps on one route: the email, the emailed code, a new
//! password, then back to the page the visitor was on to sign in with it.

use leptos::prelude::*;
use nato_georgia_checks::requests::{field, CompleteReset, ConfirmReset, RequestReset};
use nato_georgia_web::account;
use nato_georgia_web::navigation::navigate;
use nato_georgia_web::paths::site_paths;
use nato_georgia_web::return_path::return_path;

use crate::fields::code_step::CodeStep;
use crate::fields::email_field::EmailField;
use crate::fields::error_summary::ErrorSummary;
use crate::fields::errors::FormErrors;
use crate::fields::needs_javascript::NeedsJavaScript;
use crate::fields::password_field::PasswordField;
use crate::fields::steps::step_changer;
use crate::fields::submit_button::SubmitButton;
use crate::fields::use_form::use_form_with;

/// The new password's input keeps its own id on this page.
const NEW_PASSWORD: &str = "new-password";

#[derive(Clone)]
enum Step {
    Email,
    /// The code was sent to this address.
    Code(String),
    /// The code was accepted for this address.
    NewPassword {
        email: String,
        code: String,
    },
    Done,
}

#[island]
pub fn ForgotPasswordForm(
    /// The site's texts: how the reset works, "Didn't receive a code?", the password rule, and
    /// what to do once the password has changed.
    password_reset: String,
    code_resend: String,
    password_rule: String,
    return_to_page: String,
) -> impl IntoView {
    let paths = site_paths();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = FormErrors::with_ids(&[(field::PASSWORD, NEW_PASSWORD)]);
    let step = RwSignal::new(Step::Email);
    let go_to = step_changer(step, errors);

    let ask = use_form_with(errors);
    let send_code = ask.on_submit(
        move || RequestReset { email: email.get_untracked() },
        move |request| go_to(Step::Code(request.email.trim().to_owned())),
    );

    let choose = use_form_with(errors);
    let change_password = choose.on_submit(
        move || {
            let (email, code) = match step.get_untracked() {
                Step::NewPassword { email, code } => (email, code),
                _ => Default::default(),
            };
            CompleteReset { email, code, password: password.get_untracked() }
        },
        move |_| {
            password.set(String::new());
            account::signed_out();
            go_to(Step::Done);
        },
    );

    let go_back = move |_| {
        navigate(&return_path(&paths));
    };

    let email_signal = Signal::derive(move || match step.get() {
        Step::Code(email) | Step::NewPassword { email, .. } => email,
        _ => String::new(),
    });
    let heading = move || {
        step.with(|step| match step {
            Step::Email => "Reset your password",
            Step::Code(_) => "Check your email",
            Step::NewPassword { .. } => "Choose a new password",
            Step::Done => "Your password has been changed",
        })
    };
    view! {
        <article class="form-page">
            <h1 tabindex="-1">{heading}</h1>
            <NeedsJavaScript />
            {move || match step.get() {
                Step::Email => view! {
                    <ErrorSummary errors />
                    <p>{password_reset.clone()}</p>
                    <form method="post" novalidate on:submit=send_code.clone()>
                        <EmailField value=email error=errors.for_field(field::EMAIL) submitted=ask.submitted />
                        <SubmitButton label="Send code" busy=ask.busy.into() />
                    </form>
                }.into_any(),
                Step::Code(address) => view! {
                    <CodeStep
                        email=address.clone()
                        verify=|email, code| ConfirmReset { email, code }
                        resend=RequestReset { email: address.clone() }
                        on_verified=Callback::new(move |code| go_to(Step::NewPassword { email: address.clone(), code }))
                        errors
                        code_resend=code_resend.clone()
                    />
                }.into_any(),
                Step::NewPassword { .. } => view! {
                    <ErrorSummary errors />
                    <form method="post" novalidate on:submit=change_password.clone()>
                        <PasswordField
                            id=NEW_PASSWORD
                            label="New password"
                            value=password
                            error=errors.for_field(NEW_PASSWORD)
                            autocomplete="new-password"
                            hint=password_rule.clone()
                            email=email_signal
                            strength_out=choose.strength.write_only()
                        />
                        <SubmitButton label="Change password" busy=choose.busy.into() />
                    </form>
                }.into_any(),
                Step::Done => view! {
                    <div class="panel" role="status">
                        <p>{return_to_page.clone()}</p>
                    </div>
                    <button type="button" on:click=go_back.clone()>"Return to the page you were on"</button>
                }.into_any(),
            }}
        </article>
    }
}
