//! Who is signed in, for the header. The session itself is an HttpOnly cookie the API sets;
//! the browser keeps only the account's email (never the password) as a hint, so visitors who
//! never signed in send no session request at all. The hint is checked with the API after render;
//! the loader (src/loader.js) reads it too, to hide "Sign in" on a prerendered page until then.

use leptos::prelude::*;
use serde::Deserialize;

use crate::api::{ApiConfig, ApiError};
use crate::browser_storage;
use crate::shared_names::storage::ACCOUNT_EMAIL;

/// The API's answer to `GET /session` while the session holds.
#[derive(Deserialize)]
struct SignedInAccount {
    email: String,
}

#[derive(Debug, Clone, Copy)]
pub struct AccountSession {
    email: RwSignal<Option<String>>,
}

impl AccountSession {
    pub fn new() -> Self {
        Self { email: RwSignal::new(None) }
    }

    pub fn email(&self) -> Signal<Option<String>> {
        self.email.into()
    }

    pub fn signed_in(&self, email: String) {
        browser_storage::set(browser_storage::local(), ACCOUNT_EMAIL, &email);
        self.email.set(Some(email));
    }

    pub fn signed_out(&self) {
        browser_storage::remove(browser_storage::local(), ACCOUNT_EMAIL);
        self.email.set(None);
    }

    /// Restores the header from the hint, then asks the API whether the session still holds.
    pub fn restore(self, api: ApiConfig) {
        let Some(email) = browser_storage::get(browser_storage::local(), ACCOUNT_EMAIL) else { return };
        self.email.set(Some(email));
        leptos::task::spawn_local(async move {
            match api.get::<SignedInAccount>("/session").await {
                Ok(Some(SignedInAccount { email })) => self.signed_in(email),
                Ok(None) | Err(ApiError::Refused(_)) | Err(ApiError::Unexpected(401)) => self.signed_out(),
                Err(_) => {}
            }
        });
    }

    pub async fn sign_out(self, api: &ApiConfig) -> Result<(), ApiError> {
        api.delete("/sessions").await?;
        self.signed_out();
        Ok(())
    }
}

impl Default for AccountSession {
    fn default() -> Self {
        Self::new()
    }
}
