//! Says, on a prerendered page read without JavaScript, that a form needs it. Plain text only:
//! with JavaScript on, a <noscript> holds its content as text, and hydration must find the same.

use leptos::prelude::*;

#[component]
pub fn NeedsJavaScript() -> impl IntoView {
    view! {
        <noscript class="needs-js">
            "This form needs JavaScript. Turn JavaScript on in your browser to use it."
        </noscript>
    }
}
