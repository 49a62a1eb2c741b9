//! The submit button: disabled while the request is in flight (no double submit), with a
//! visible and announced busy state.

use leptos::prelude::*;

#[component]
pub fn SubmitButton(label: &'static str, busy: Signal<bool>) -> impl IntoView {
    view! {
        <div class="submit">
            <button type="submit" disabled=move || busy.get() aria-busy=move || busy.get().then_some("true")>
                {label}
            </button>
            <span class="busy" role="status">{move || busy.get().then_some("Sending…")}</span>
        </div>
    }
}
