//! A single checkbox with its label (and optional hint), unticked unless the visitor ticks it.

use leptos::prelude::*;

use super::text_field::{described_by, InlineError};
use nato_georgia_web::prefill::keep_typed;

#[component]
pub fn CheckboxField(
    id: &'static str,
    label: String,
    checked: RwSignal<bool>,
    #[prop(optional)] error: Option<Signal<Option<String>>>,
    #[prop(optional)] hint: Option<String>,
) -> impl IntoView {
    let error = error.unwrap_or_else(|| Signal::derive(|| None));
    let has_hint = hint.is_some();
    keep_typed(id, move |_| checked.set(true));
    view! {
        <div class="field checkbox-field" class:field-error=move || error.read().is_some()>
            <InlineError id=id.to_owned() error />
            <div class="checkbox">
                <input
                    id=id
                    name=id
                    type="checkbox"
                    aria-invalid=move || error.read().is_some().then_some("true")
                    aria-describedby=move || described_by(id, has_hint, &[], error.read().is_some())
                    prop:checked=move || checked.get()
                    on:change=move |event| checked.set(event_target_checked(&event))
                />
                <label for=id>{label}</label>
            </div>
            {hint.map(|hint| view! { <p class="hint" id=format!("{id}-hint")>{hint}</p> })}
        </div>
    }
}
