//! A text with some stretches in `<mark>`: the words a search found, the names of a place.

use std::ops::Range;

use leptos::prelude::*;
use nato_georgia_content::split_marked;

/// `text` with the byte ranges `marks` (in order, not overlapping) marked.
#[component]
pub fn MarkedText(text: String, marks: Vec<Range<usize>>) -> impl IntoView {
    split_marked(&text, &marks)
        .into_iter()
        .map(|(piece, marked)| {
            let piece = piece.to_owned();
            if marked {
                view! { <mark>{piece}</mark> }.into_any()
            } else {
                piece.into_any()
            }
        })
        .collect_view()
}
