//! `/`: the overview — title, updated date, introduction and a table of contents.

use leptos::prelude::*;

use nato_georgia_web::paths::SitePaths;

use crate::components::blocks::Blocks;
use crate::components::page_meta::PageMeta;
use crate::context::use_content;

#[component]
pub fn HomePage() -> impl IntoView {
    let content = use_content();
    let paths = expect_context::<SitePaths>();
    let contents = content
        .sections
        .iter()
        .map(|section| {
            let subsections = section
                .subsections
                .iter()
                .map(|sub| {
                    let (href, heading) = (paths.section_anchor(&section.slug, &sub.id), sub.heading.clone());
                    view! { <li><a href=href>{heading}</a></li> }
                })
                .collect_view();
            let has_subsections = !section.subsections.is_empty();
            let (href, heading) = (paths.section(&section.slug), section.heading.clone());
            view! {
                <li>
                    <a href=href>{heading}</a>
                    {has_subsections.then(|| view! { <ul>{subsections}</ul> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <PageMeta description=content.description() />
        <article class="overview">
            <h1 tabindex="-1">{content.title.clone()}</h1>
            <p class="updated">
                "Updated: " <time datetime=content.updated.to_string()>{content.updated.long_form()}</time>
            </p>
            <Blocks blocks=content.intro.clone() />
            <nav class="toc" aria-labelledby="toc-heading">
                <h2 id="toc-heading">"Contents"</h2>
                <ol>{contents}</ol>
            </nav>
            <p class="see-also">
                <a href=paths.timeline(None)>"Key dates"</a>": every date this page names, year by year."
            </p>
        </article>
    }
}
