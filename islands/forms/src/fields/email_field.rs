//! "Email address", with a non-blocking hint for a likely mistyped domain ("Did you mean
//! name@gmail.com?") and a button that applies it. The hint is checked when the visitor leaves
//! the field (or had left it before the island ran) and on submit, never while typing.

use leptos::prelude::*;
use nato_georgia_checks::email::suggest_correction;
use nato_georgia_checks::requests::field::EMAIL as ID;
use nato_georgia_web::dom::{focus_soon, has_focus};
use nato_georgia_web::prefill::keep_typed;

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
    // An address typed and left before the island ran is checked once it runs.
    keep_typed(ID, move |typed| {
        if !has_focus(ID) {
            set_checked.set(typed);
        }
    });
    Effect::watch(move || submitted.get(), move |_, _, _| set_checked.set(value.get_untracked()), false);
    let suggestion = Memo::new(move |_| suggest_correction(&checked.get()));
    // The button goes with the hint: focus goes back to the field.
    let apply = move |_| {
        if let Some(corrected) = suggestion.get_untracked() {
            value.set(corrected.clone());
            set_checked.set(corrected);
            focus_soon(&format!("#{ID}"));
        }
    };
    view! {
        <TextField
            id=ID
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
