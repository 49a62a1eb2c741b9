//! A page's document title and meta description, in one place so every route sets both.
//!
//! The prerenderer writes them into the page's head with leptos_meta; in the browser an effect
//! sets them on the document, which keeps leptos_meta out of the wasm (≈ 4 KB Brotli).

use leptos::prelude::*;

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
    write_head(title, description);
}

/// The prerenderer: leptos_meta collects the head's tags as they render. They are rendered on
/// their own, not into the page, so the page's body is the same as the one the browser hydrates.
#[cfg(feature = "ssr")]
fn write_head(title: impl Fn() -> String + Send + Sync + 'static, description: String) {
    use leptos_meta::{Meta, Title};
    let _ = view! {
        <Title text=title />
        <Meta name="description" content=description />
    }
    .to_html();
}

/// The browser: sets them on the document, and again when the title changes.
#[cfg(not(feature = "ssr"))]
fn write_head(title: impl Fn() -> String + 'static, description: String) {
    Effect::new(move |_| crate::dom::set_title_and_description(&title(), Some(&description)));
}
