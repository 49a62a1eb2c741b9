//! The account pages: create an account, sign in, reset a forgotten password.

pub mod forgot_password;
pub mod register;
pub mod sign_in;
