//! Who is signed in, as every island sees it. The session itself is an HttpOnly cookie the API
//! sets; the browser keeps only the account's email (never the password) as a hint, so visitors
//! who never signed in send no session request at all. `src/marks.js` reads the hint too, to
//! hide "Sign in" on a page until the header's island has checked the session.
//!
//! The header's account links and the forms that sign in or out are islands, possibly of
//! different bundles: they share the hint, and a window event tells every island when it
//! changes (and a storage event, when another tab changed it).

use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::{ApiConfig, ApiError};
use crate::shared_names::events::ACCOUNT;
use crate::shared_names::storage::ACCOUNT_EMAIL;
use crate::storage;

/// The API's answer to `GET /session` while the session holds.
#[derive(Deserialize)]
struct SignedInAccount {
    email: String,
}

/// The email of the account this browser signed in to, as far as it knows.
pub fn hint() -> Option<String> {
    storage::get(storage::local(), ACCOUNT_EMAIL)
}

fn announce(email: Option<&str>) {
    let Some(window) = web_sys::window() else { return };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&email.map_or(JsValue::NULL, JsValue::from_str));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(ACCOUNT, &init) {
        let _ = window.dispatch_event(&event);
    }
}

pub fn signed_in(email: &str) {
    storage::set(storage::local(), ACCOUNT_EMAIL, email);
    announce(Some(email));
}

pub fn signed_out() {
    storage::remove(storage::local(), ACCOUNT_EMAIL);
    announce(None);
}

/// Calls `changed` with the account's email (or `None`) whenever an island of this page or
/// another tab signs in or out.
pub fn on_change(changed: impl Fn(Option<String>) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let changed = std::rc::Rc::new(changed);
    let here = {
        let changed = changed.clone();
        Closure::<dyn Fn(web_sys::CustomEvent)>::new(move |event: web_sys::CustomEvent| {
            changed(event.detail().as_string());
        })
    };
    let elsewhere = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
        if event.key().as_deref() == Some(ACCOUNT_EMAIL) {
            changed(event.new_value());
        }
    });
    let _ = window.add_event_listener_with_callback(ACCOUNT, here.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("storage", elsewhere.as_ref().unchecked_ref());
    here.forget();
    elsewhere.forget();
}

/// Asks the API whether the hinted session still holds, and keeps the hint in step with it.
pub async fn check_session(api: &ApiConfig) {
    match api.get::<SignedInAccount>("/session").await {
        Ok(Some(SignedInAccount { email })) => signed_in(&email),
        Ok(None) | Err(ApiError::Refused(_)) | Err(ApiError::Unexpected(401)) => signed_out(),
        Err(_) => {}
    }
}

pub async fn sign_out(api: &ApiConfig) -> Result<(), ApiError> {
    api.delete("/sessions").await?;
    signed_out();
    Ok(())
}
