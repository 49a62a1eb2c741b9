//! The emailed code: "Code" (numeric keyboard, one-time-code autofill, spaces and hyphens
//! accepted), and "Didn't receive a code?" with "Send new code", disabled during a visible
//! 60-second countdown whose start and end are announced politely.

use std::time::Duration;

use leptos::prelude::*;

use nato_georgia_checks::requests::field;

use super::text_field::TextField;

pub const RESEND_COOLDOWN_SECONDS: u32 = 60;

#[component]
pub fn CodeField(value: RwSignal<String>, error: Signal<Option<String>>) -> impl IntoView {
    view! {
        <TextField
            id=field::CODE
            label="Code"
            value
            error
            hint="The code is 6 digits. It is valid for 15 minutes.".to_owned()
            inputmode="numeric"
            autocomplete="one-time-code"
            spellcheck=false
        />
    }
}

/// A countdown in seconds that ticks down to zero once started.
fn use_countdown() -> (ReadSignal<u32>, impl Fn(u32) + Copy) {
    let (remaining, set_remaining) = signal(0u32);
    let handle = StoredValue::new_local(None::<IntervalHandle>);
    let start = move |seconds: u32| {
        if let Some(old) = handle.get_value() {
            old.clear();
        }
        set_remaining.set(seconds);
        let interval = set_interval_with_handle(
            move || {
                let left = remaining.get_untracked().saturating_sub(1);
                set_remaining.set(left);
                if left == 0 {
                    if let Some(handle) = handle.get_value() {
                        handle.clear();
                    }
                }
            },
            Duration::from_secs(1),
        )
        .ok();
        handle.set_value(interval);
    };
    on_cleanup(move || {
        if let Some(handle) = handle.get_value() {
            handle.clear();
        }
    });
    (remaining, start)
}

/// "Didn't receive a code?" and "Send new code". `resend` sends it and answers how long to wait
/// before the next one (the countdown starts as soon as the code step shows).
#[component]
pub fn ResendCode(
    /// The seed's sentence: "Didn't receive a code? Send new Code".
    prompt: String,
    resend: Callback<(), ()>,
    /// Set by the page after each send, with the seconds to wait (60, or the server's Retry-After).
    cooldown: ReadSignal<u32>,
) -> impl IntoView {
    let (remaining, start) = use_countdown();
    Effect::new(move |_| {
        let seconds = cooldown.get();
        if seconds > 0 {
            start(seconds);
        }
    });
    let question = prompt.split_inclusive('?').next().unwrap_or("Didn't receive a code?").trim().to_owned();
    let waiting = move || remaining.get() > 0;
    view! {
        <div class="resend">
            <p>{question}</p>
            <button type="button" class="secondary" disabled=waiting on:click=move |_| resend.run(())>
                "Send new code"
            </button>
            <p class="countdown" aria-hidden="true">
                {move || waiting().then(|| format!("You can ask for a new code in {} seconds.", remaining.get()))}
            </p>
            <p class="visually-hidden" role="status" aria-live="polite">
                {move || if waiting() {
                    format!("A code has been sent. You can ask for a new one in {} seconds.", cooldown.get_untracked())
                } else {
                    "You can now ask for a new code.".to_owned()
                }}
            </p>
        </div>
    }
}
