//! A page's document title and meta description, in one place so every route sets both.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::content_store::use_content;

/// Sets the title to "`heading` — Relations with Georgia" (or the site title alone on the home
/// page, where `heading` is `None`) and the meta description.
#[component]
pub fn PageMeta(#[prop(optional, into)] heading: Option<String>, #[prop(into)] description: String) -> impl IntoView {
    let site_title = use_content().title.clone();
    let title = match heading {
        Some(heading) => format!("{heading} — {site_title}"),
        None => site_title,
    };
    view! {
        <Title text=title />
        <Meta name="description" content=description />
    }
}
