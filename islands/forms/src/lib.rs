//! The newsletter and account forms, each the island of its page: every field, its checks and
//! the requests to the API. They follow the GOV.UK Design System's validation pattern: checked
//! on submit by the same rules the API applies (`nato-georgia-checks`), an error summary that
//! takes focus, inline errors tied to their fields, and nothing typed is ever lost. The texts
//! of the site they show come in as their props, from the content file.

mod fields;
mod forgot_password;
mod newsletter;
mod register;
mod sign_in;
mod strength_estimator;

pub use forgot_password::ForgotPasswordForm;
pub use newsletter::NewsletterForm;
pub use register::RegisterForm;
pub use sign_in::SignInForm;
