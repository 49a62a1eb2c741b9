//! The pieces the forms are made of, following the GOV.UK Design System's validation pattern:
//! validate on submit, an error summary that takes focus and links to each field, inline errors
//! tied to their fields, and nothing typed is ever lost.

pub mod checkbox_field;
pub mod code_field;
pub mod code_step;
pub mod email_field;
pub mod error_summary;
pub mod errors;
pub mod needs_javascript;
pub mod password_field;
pub mod steps;
pub mod submit_button;
pub mod text_field;
pub mod use_form;
