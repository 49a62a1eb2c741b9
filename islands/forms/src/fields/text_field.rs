//! A labelled text input with an optional hint and an inline error tied to it.

use leptos::prelude::*;

use nato_georgia_web::prefill::keep_typed;

/// The `aria-describedby` of a field: its hint, extra descriptions, and its error when shown.
pub fn described_by(id: &str, has_hint: bool, extra: &[String], has_error: bool) -> Option<String> {
    let mut ids: Vec<String> = Vec::new();
    if has_hint {
        ids.push(format!("{id}-hint"));
    }
    ids.extend(extra.iter().cloned());
    if has_error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The inline error above the input, as the GOV.UK pattern places it.
#[component]
pub fn InlineError(id: String, error: Signal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|message| {
            view! {
                <p id=format!("{id}-error") class="error-message">
                    <span class="visually-hidden">"Error: "</span>
                    {message}
                </p>
            }
        })
    }
}

#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
    #[prop(optional)] hint: Option<String>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(default = true)] spellcheck: bool,
    #[prop(optional)] on_change: Option<Callback<String>>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    keep_typed(id, move |typed| value.set(typed));
    view! {
        <div class="field" class:field-error=move || error.read().is_some()>
            <label for=id>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=format!("{id}-hint")>{hint}</p> })}
            <InlineError id=id.to_owned() error />
            <input
                id=id
                name=id
                type=input_type
                autocomplete=autocomplete
                inputmode=inputmode
                spellcheck=spellcheck.to_string()
                aria-invalid=move || error.read().is_some().then_some("true")
                aria-describedby=move || described_by(id, has_hint, &[], error.read().is_some())
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
                on:change=move |event| {
                    if let Some(on_change) = on_change {
                        on_change.run(event_target_value(&event));
                    }
                }
            />
        </div>
    }
}
