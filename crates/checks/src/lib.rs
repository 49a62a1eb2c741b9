//! The checks behind the site's forms, as plain Rust with no DOM.
//!
//! The browser runs them for instant feedback and the server runs the same code, so both apply
//! exactly the same rules with exactly the same messages.

pub mod code;
pub mod context;
pub mod email;
pub mod field_error;
pub mod password;
pub mod requests;
pub mod strength;
pub mod wait;

pub use field_error::FieldError;
