//! A page's document title and meta description, in one place so every route sets both: the
//! prerenderer writes them into the page's head with leptos_meta, and the loader's router takes
//! them from the next page's head. A form's island adds "Error: " while it shows errors.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::context::use_content;

/// Sets the title to "`heading` — Relations with Georgia" (or the site title alone on the home
/// page, where `heading` is `None`) and the meta description. They are rendered on their own,
/// not into the page: leptos_meta collects them for the head.
#[component]
pub fn PageMeta(#[prop(optional, into)] heading: Option<String>, #[prop(into)] description: String) -> impl IntoView {
    let site_title = use_content().title.clone();
    let title = match heading {
        Some(heading) => format!("{heading} — {site_title}"),
        None => site_title,
    };
    let _ = view! {
        <Title text=title />
        <Meta name="description" content=description />
    }
    .to_html();
}
