//! "There is a problem": the list of a form's errors at its top, focused after a failed submit,
//! each linking to its field: following a link focuses the field and shows its label.

use leptos::prelude::*;
use nato_georgia_web::dom::html_element;

use super::errors::{FormErrors, SUMMARY_ID};

/// Focuses a field by id and scrolls its label into view, as GOV.UK's error summary does: the
/// browser would scroll only the input into view, often leaving above the screen the label that
/// says what the field is for. (A link's own `#id` would resolve against `<base href>`: the
/// links name the page's own path, and the click handler keeps the address as it is.)
fn focus_field(id: &str) {
    let Some(field) = html_element(&format!("#{id}")) else { return };
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = field.focus_with_options(&options);
    html_element(&format!("label[for='{id}']")).unwrap_or(field).scroll_into_view();
}

#[component]
pub fn ErrorSummary(errors: FormErrors) -> impl IntoView {
    // Errors show only in the browser, after a submit.
    let pathname = move || web_sys::window().and_then(|window| window.location().pathname().ok()).unwrap_or_default();
    let items = move || {
        let problem = errors.problem().get().map(|message| view! { <li>{message}</li> });
        let fields = errors
            .fields()
            .get()
            .into_iter()
            .map(|error| {
                let id = error.field.clone();
                let href = format!("{}#{id}", pathname());
                view! {
                    <li>
                        <a href=href on:click=move |event| {
                            event.prevent_default();
                            focus_field(&id);
                        }>{error.message}</a>
                    </li>
                }
            })
            .collect_view();
        (problem, fields)
    };
    // Kept while there are errors, not rebuilt each time they change (its list updates itself).
    let shown = Memo::new(move |_| errors.has_any().get());
    view! {
        {move || shown.get().then(|| view! {
            <div id=SUMMARY_ID class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                <h2 id="error-summary-title">"There is a problem"</h2>
                <ul>{items}</ul>
            </div>
        })}
    }
}
