//! `/newsletter`, `/account/register`, `/account/sign-in` and `/account/forgot-password`: each
//! page is its form's island, given the site's texts it shows.

use leptos::prelude::*;
use nato_georgia_forms::{ForgotPasswordForm, NewsletterForm, RegisterForm, SignInForm};

use crate::components::page_meta::PageMeta;
use crate::context::use_content;

#[component]
pub fn NewsletterPage() -> impl IntoView {
    let site = use_content().site.clone();
    view! {
        <PageMeta heading="Newsletter" description="Subscribe to the newsletter to receive the latest updates by email." />
        <NewsletterForm newsletter=site.newsletter />
    }
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let site = use_content().site.clone();
    view! {
        <PageMeta heading="Create an account" description="Create an account to download videos from the website." />
        <RegisterForm password_rule=site.password_rule newsletter=site.newsletter code_resend=site.code_resend />
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    view! {
        <PageMeta heading="Sign in" description="Sign in to your account to download videos." />
        <SignInForm />
    }
}

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let site = use_content().site.clone();
    view! {
        <PageMeta heading="Reset your password" description=site.password_reset.clone() />
        <ForgotPasswordForm
            password_reset=site.password_reset
            code_resend=site.code_resend
            password_rule=site.password_rule
            return_to_page=site.return_to_page
        />
    }
}
