//! The loader's router, as islands reach it: going to another page of the site in the app, and
//! doing something once the next page is shown. The router itself is JavaScript (src/loader.js:
//! it fetches the page's HTML and swaps it in), so that following a link needs no wasm.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::shared_names::{events, globals};

/// Goes to `url` in the app; loads it in full when the router is not there.
pub fn navigate(url: &str) {
    let Some(window) = web_sys::window() else { return };
    let router = js_sys::Reflect::get(&window, &JsValue::from_str(globals::NAVIGATE)).ok();
    match router.and_then(|router| router.dyn_into::<js_sys::Function>().ok()) {
        Some(router) => {
            let _ = router.call1(&JsValue::NULL, &JsValue::from_str(url));
        }
        None => {
            let _ = window.location().assign(url);
        }
    }
}

/// Runs `then` once, after the router has shown the next page.
pub fn after_next_navigation(then: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let handler = Closure::once_into_js(then);
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
        events::NAVIGATED,
        handler.unchecked_ref(),
        &options,
    );
}
