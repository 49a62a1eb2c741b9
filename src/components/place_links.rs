//! A text of the article with the first mention of each place linked to its region page, so
//! the article and the region list lead to each other.

use leptos::prelude::*;
use nato_georgia_content::link_first_mentions;

use nato_georgia_web::paths::SitePaths;

use crate::context::use_content;

#[component]
pub fn PlaceLinks(text: String) -> impl IntoView {
    let content = use_content();
    let paths = expect_context::<SitePaths>();
    link_first_mentions(&text, &content.places)
        .into_iter()
        .map(|segment| {
            let piece = segment.text.to_owned();
            match segment.place {
                Some(slug) => view! { <a href=paths.region(slug) class="place-link">{piece}</a> }.into_any(),
                None => piece.into_any(),
            }
        })
        .collect_view()
}
