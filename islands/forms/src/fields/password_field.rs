//! A password field: the live checklist of the site's rule (instant, pure Rust), a strength
//! meter from the zxcvbn worker (loaded only when this field appears), and "Show password" /
//! "Hide password".
//! Paste is allowed and nothing typed is trimmed or changed.

use leptos::prelude::*;
use nato_georgia_checks::password::checklist;
use nato_georgia_checks::strength::Strength;

use super::text_field::{described_by, InlineError};
use crate::strength_estimator::use_strength;
use nato_georgia_web::prefill::keep_typed;

#[component]
fn Checklist(id: String, password: RwSignal<String>) -> impl IntoView {
    let items = move || {
        checklist(&password.read())
            .into_iter()
            .map(|(rule, met)| {
                view! {
                    <li data-rule=rule.id() data-met=met.to_string() class:met=met>
                        <span class="check-icon" aria-hidden="true">{if met { "✓" } else { "✗" }}</span>
                        {rule.label()}
                        <span class="visually-hidden">{if met { ": met" } else { ": not met" }}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! { <ul id=id class="checklist" aria-label="Password rules">{items}</ul> }
}

#[component]
fn StrengthMeter(id: String, password: RwSignal<String>, strength: ReadSignal<Option<Strength>>) -> impl IntoView {
    let text = move || match (password.read().is_empty(), strength.get()) {
        (true, _) => "Strength: type a password to see how hard it is to guess.".to_owned(),
        (false, None) => "Strength: checking…".to_owned(),
        (false, Some(strength)) => {
            let mut text = format!("Strength: {}.", strength.label());
            for advice in strength.warning.iter().chain(strength.suggestions.iter()) {
                text.push(' ');
                text.push_str(advice);
            }
            text
        }
    };
    let score = move || strength.get().map(|s| s.score.to_string());
    view! {
        <div class="strength" id=id>
            <meter min="0" max="4" low="2" high="3" optimum="4" data-score=score
                value=move || strength.get().map_or(0, |s| s.score) aria-hidden="true"></meter>
            <p aria-live="polite">{text}</p>
        </div>
    }
}

#[component]
pub fn PasswordField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
    /// "new-password" shows the checklist and strength; "current-password" does not.
    autocomplete: &'static str,
    #[prop(optional)] hint: Option<String>,
    /// The account's email, a guesser's first try ("alice.smith1990" for alice.smith@…).
    #[prop(optional, into)]
    email: Option<Signal<String>>,
    /// Receives the latest strength estimate, for refusing a weak password on submit.
    #[prop(optional)]
    strength_out: Option<WriteSignal<Option<Strength>>>,
) -> impl IntoView {
    // The button's name says what it will do ("Show password", "Hide password"), as GOV.UK's
    // password input does, with no aria-pressed besides: a toggle button's name stays the same.
    // Once it is used, the new state is announced.
    let (shown, set_shown) = signal(false);
    let (toggled, set_toggled) = signal(false);
    keep_typed(id, move |typed| value.set(typed));
    let choosing = autocomplete == "new-password";
    let has_hint = hint.is_some();
    let extra: Vec<String> = if choosing { vec![format!("{id}-checklist"), format!("{id}-strength")] } else { vec![] };
    let strength_view = choosing.then(|| {
        let email = email.unwrap_or_else(|| Signal::derive(String::new));
        let strength = use_strength(value.into(), email);
        if let Some(out) = strength_out {
            Effect::new(move |_| out.set(strength.get()));
        }
        view! {
            <Checklist id=format!("{id}-checklist") password=value />
            <StrengthMeter id=format!("{id}-strength") password=value strength />
        }
    });
    view! {
        <div class="field password-field" class:field-error=move || error.read().is_some()>
            <label for=id>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=format!("{id}-hint")>{hint}</p> })}
            <InlineError id=id.to_owned() error />
            <div class="password-input">
                <input
                    id=id
                    name=id
                    type=move || if shown.get() { "text" } else { "password" }
                    autocomplete=autocomplete
                    autocapitalize="none"
                    spellcheck="false"
                    aria-invalid=move || error.read().is_some().then_some("true")
                    aria-describedby=move || described_by(id, has_hint, &extra, error.read().is_some())
                    prop:value=move || value.get()
                    on:input=move |event| value.set(event_target_value(&event))
                />
                <button
                    type="button"
                    class="secondary"
                    aria-controls=id
                    on:click=move |_| {
                        set_shown.update(|shown| *shown = !*shown);
                        set_toggled.set(true);
                    }
                >
                    {move || if shown.get() { "Hide password" } else { "Show password" }}
                </button>
            </div>
            <p class="visually-hidden" aria-live="polite">
                {move || toggled.get().then(|| if shown.get() { "Your password is visible" } else { "Your password is hidden" })}
            </p>
            {strength_view}
        </div>
    }
}
