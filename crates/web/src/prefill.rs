//! What a visitor typed into a prerendered form before its island hydrated. Hydrating sets each
//! field from the island's state, which starts as the prerendered page's (anything else would
//! not find the same DOM), and would erase it; so the island reads the field first and applies
//! the value once it runs. In the browser that is what the field holds; on the server, none.

use leptos::prelude::*;

/// Keeps what was typed into the field with this id: read now, before hydrating, and handed to
/// `apply` once the island runs, so that everything derived from it follows.
pub fn keep_typed(id: &str, apply: impl Fn(String) + 'static) {
    if let Some(typed) = typed_value(id) {
        Effect::new(move |_| apply(typed.clone()));
    }
}

/// The value in the field with this id (`"true"` for a ticked checkbox), if not empty.
#[cfg(feature = "hydrate")]
pub fn typed_value(id: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    let element = crate::dom::document()?.get_element_by_id(id)?;
    let value = if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        if input.type_() == "checkbox" {
            input.checked().then(|| "true".to_owned())?
        } else {
            input.value()
        }
    } else {
        element.dyn_ref::<web_sys::HtmlSelectElement>()?.value()
    };
    Some(value).filter(|value| !value.is_empty())
}

#[cfg(not(feature = "hydrate"))]
pub fn typed_value(_id: &str) -> Option<String> {
    None
}
