//! A page's document title and meta description, in one place so every route sets both.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::content_store::use_content;

/// Sets the title to "`heading` — Relations with Georgia" (or the site title alone on the home
/// page, where `heading` is `None`) and the meta description.
#[component]
pub fn PageMeta(
    #[prop(optional, into)] heading: Option<String>,
    #[prop(into)] description: String,
    /// A form page's errors: the title then starts with "Error: ", as screen readers announce it.
    #[prop(optional)]
    has_errors: Option<Signal<bool>>,
) -> impl IntoView {
    let site_title = use_content().title.clone();
    let title = match heading {
        Some(heading) => format!("{heading} — {site_title}"),
        None => site_title,
    };
    // `try_get`: the server reads the title after rendering, when the form's signals are gone.
    let title = move || match has_errors.and_then(|has_errors| has_errors.try_get()) {
        Some(true) => format!("Error: {title}"),
        _ => title.clone(),
    };
    view! {
        <Title text=title />
        <Meta name="description" content=description />
    }
}
