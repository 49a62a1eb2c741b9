//! "Email address", with a non-blocking hint for a likely mistyped domain ("Did you mean
//! name@gmail.com?") and a button that applies it. The hint is checked when the visitor leaves
//! the field and on submit, never while typing.

use leptos::prelude::*;
use nato_georgia_checks::email::suggest_correction;

use super::text_field::TextField;

#[component]
pub fn EmailField(
    value: RwSignal<String>,
    error: Signal<Option<String>>,
    /// Bumped by the form on submit, so the hint is checked then too.
    #[prop(into)]
    submitted: Signal<u32>,
) -> impl IntoView {
    let (checked, set_checked) = signal(String::new());
    Effect::new(move |_| {
        submitted.track();
        set_checked.set(value.get_untracked());
    });
    let suggestion = Memo::new(move |_| suggest_correction(&checked.get()));
    let apply = move |_| {
        if let Some(corrected) = suggestion.get_untracked() {
            value.set(corrected.clone());
            set_checked.set(corrected);
        }
    };
    view! {
        <TextField
            id="email"
            label="Email address"
            value
            error
            input_type="email"
            autocomplete="email"
            spellcheck=false
            on_change=Callback::new(move |text| set_checked.set(text))
        />
        <div class="email-suggestion" aria-live="polite">
            {move || suggestion.get().map(|corrected| view! {
                <p>"Did you mean " <strong>{corrected.clone()}</strong> "?"</p>
                <button type="button" class="secondary" on:click=apply>{format!("Use {corrected}")}</button>
            })}
        </div>
    }
}
