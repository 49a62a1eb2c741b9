//! The browser side of the password strength estimator: starts the zxcvbn web worker the first
//! time a password field needs it (never in the first bundle), queues requests until the worker
//! says it is ready, and hands each answer to the field that asked.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use nato_georgia_checks::context::context_words;
use nato_georgia_checks::strength::{EstimatorMessage, Strength, StrengthRequest};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use nato_georgia_web::paths::site_paths;

type Reply = Box<dyn FnOnce(Strength)>;

struct Estimator {
    worker: Worker,
    ready: bool,
    queued: Vec<String>,
    next_id: u32,
    /// The requests not answered yet, by id (a few at most: one per keystroke in flight).
    waiting: Vec<(u32, Reply)>,
}

thread_local! {
    static ESTIMATOR: RefCell<Option<Rc<RefCell<Estimator>>>> = const { RefCell::new(None) };
}

fn on_message(estimator: &Rc<RefCell<Estimator>>, event: MessageEvent) {
    let Some(json) = event.data().as_string() else { return };
    let Ok(message) = serde_json::from_str::<EstimatorMessage>(&json) else { return };
    match message {
        EstimatorMessage::Ready => {
            let mut state = estimator.borrow_mut();
            state.ready = true;
            for request in std::mem::take(&mut state.queued) {
                let _ = state.worker.post_message(&JsValue::from_str(&request));
            }
        }
        EstimatorMessage::Estimate { id, strength } => {
            let reply = {
                let mut state = estimator.borrow_mut();
                let index = state.waiting.iter().position(|(waiting_id, _)| *waiting_id == id);
                index.map(|index| state.waiting.swap_remove(index).1)
            };
            if let Some(reply) = reply {
                reply(strength);
            }
        }
    }
}

fn start(url: &str) -> Option<Rc<RefCell<Estimator>>> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Classic);
    let worker = Worker::new_with_options(url, &options).ok()?;
    let estimator = Rc::new(RefCell::new(Estimator {
        worker: worker.clone(),
        ready: false,
        queued: Vec::new(),
        next_id: 0,
        waiting: Vec::new(),
    }));
    let handler = {
        let estimator = estimator.clone();
        Closure::<dyn Fn(MessageEvent)>::new(move |event| on_message(&estimator, event))
    };
    worker.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    Some(estimator)
}

fn estimator(url: &str) -> Option<Rc<RefCell<Estimator>>> {
    ESTIMATOR.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            *slot = start(url);
        }
        slot.clone()
    })
}

/// Asks for an estimate; `reply` gets it when the worker answers.
fn request(url: &str, password: String, email: &str, reply: Reply) {
    let Some(estimator) = estimator(url) else { return };
    let mut state = estimator.borrow_mut();
    state.next_id = state.next_id.wrapping_add(1);
    let id = state.next_id;
    let request = StrengthRequest { id, password, user_inputs: context_words(email) };
    let Ok(json) = serde_json::to_string(&request) else { return };
    state.waiting.push((id, reply));
    if state.ready {
        let _ = state.worker.post_message(&JsValue::from_str(&json));
    } else {
        state.queued.push(json);
    }
}

/// The strength of `password` as the visitor types, `None` until the estimator has answered for
/// the current text. The worker starts when this first runs, after render.
pub fn use_strength(password: Signal<String>, email: Signal<String>) -> ReadSignal<Option<Strength>> {
    let url = site_paths().estimator_worker();
    let (strength, set_strength) = signal(None::<Strength>);
    let latest = Rc::new(RefCell::new(0u64));
    Effect::new(move |_| {
        let text = password.get();
        let email = email.get();
        set_strength.set(None);
        if text.is_empty() {
            return;
        }
        let ticket = {
            let mut latest = latest.borrow_mut();
            *latest += 1;
            *latest
        };
        let latest = latest.clone();
        request(
            &url,
            text,
            &email,
            Box::new(move |answer| {
                if *latest.borrow() == ticket {
                    set_strength.set(Some(answer));
                }
            }),
        );
    });
    strength
}
