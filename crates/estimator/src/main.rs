//! The estimator web worker: zxcvbn off the main thread and out of the app's first bundle.
//!
//! It posts `"ready"` once it listens (a message posted before that would be lost), then
//! answers each `StrengthRequest` with an `Estimate`. Nothing it receives is logged or kept.

use nato_georgia_checks::strength::{estimate, EstimatorMessage, StrengthRequest};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn post(scope: &DedicatedWorkerGlobalScope, message: &EstimatorMessage) {
    if let Ok(json) = serde_json::to_string(message) {
        let _ = scope.post_message(&JsValue::from_str(&json));
    }
}

fn main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(json) = event.data().as_string() else { return };
        let Ok(request) = serde_json::from_str::<StrengthRequest>(&json) else { return };
        let strength = estimate(&request.password, &request.user_inputs);
        post(&replies, &EstimatorMessage::Estimate { id: request.id, strength });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&scope, &EstimatorMessage::Ready);
}
