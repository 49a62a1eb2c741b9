//! The submit button: disabled until the app runs (a prerendered form must not submit on its
//! own, least of all a password) and while the request is in flight (no double submit), with a
//! visible and announced busy state.

use leptos::prelude::*;

#[component]
pub fn SubmitButton(label: &'static str, busy: Signal<bool>) -> impl IntoView {
    // Effects run only in the browser, once the app has taken over the page.
    let (running, set_running) = signal(false);
    Effect::new(move |_| set_running.set(true));
    view! {
        <div class="submit">
            <button type="submit" disabled=move || busy.get() || !running.get() aria-busy=move || busy.get().then_some("true")>
                {label}
            </button>
            <span class="busy" role="status">{move || busy.get().then_some("Sending…")}</span>
        </div>
    }
}
