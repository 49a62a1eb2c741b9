//! The address and the loader's router, as islands reach them: a view's state in the query
//! (read, written, and followed on Back and Forward), going to another page of the site in the
//! app, and doing something once the next page is shown. The router itself is JavaScript
//! (src/loader.js: it fetches the page's HTML and swaps it in), so that following a link needs
//! no wasm.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::shared_names::{events, globals};

/// The value of `name` in the address's query (`q` in `?q=georgia`), `""` without one.
pub fn query_param(name: &str) -> String {
    let search = web_sys::window().and_then(|window| window.location().search().ok()).unwrap_or_default();
    web_sys::UrlSearchParams::new_with_str(&search).ok().and_then(|params| params.get(name)).unwrap_or_default()
}

/// Puts `url` (the same page, another view of it) in the address: in place of the current
/// history entry when `replace` (typing), or as a new one that Back returns from.
pub fn write_address(url: &str, replace: bool) {
    let Some(history) = web_sys::window().and_then(|window| window.history().ok()) else { return };
    let _ = if replace {
        history.replace_state_with_url(&JsValue::NULL, "", Some(url))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(url))
    };
}

/// Runs `then` on every Back and Forward, for as long as the page lives; `then` checks that
/// its view is still the one shown (the router may have put another page in its place).
pub fn on_back_and_forward(then: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let handler = Closure::<dyn Fn()>::new(then);
    let _ = window.add_event_listener_with_callback("popstate", handler.as_ref().unchecked_ref());
    handler.forget();
}

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
