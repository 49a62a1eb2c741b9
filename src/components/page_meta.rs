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
    let title = move || match has_errors {
        Some(has_errors) if has_errors.get() => format!("Error: {title}"),
        _ => title.clone(),
    };
    view! {
        <Title text=title />
        <Meta name="description" content=description />
    }
}
