//! `/sections/<slug>`: one top-level section with its subsections, and links to the sections
//! before and after it. Subsection headings and paragraphs carry stable ids for `#anchors`.

use leptos::prelude::*;
use nato_georgia_content::Section;
use nato_georgia_web::paths::SitePaths;

use crate::components::blocks::Blocks;
use crate::components::page_meta::PageMeta;
use crate::context::use_content;

#[component]
pub fn SectionPage(section: Section) -> impl IntoView {
    let content = use_content();
    let paths = expect_context::<SitePaths>();
    let (previous, next) = content.neighbours(&section.slug);
    let previous = previous.map(|s| (paths.section(&s.slug), s.heading.clone()));
    let next = next.map(|s| (paths.section(&s.slug), s.heading.clone()));
    let has_text = section.all_blocks().next().is_some();
    let subsections = section
        .subsections
        .iter()
        .map(|sub| {
            view! {
                <section aria-labelledby=sub.id.clone()>
                    <h2 id=sub.id.clone()>{sub.heading.clone()}</h2>
                    <Blocks blocks=sub.blocks.clone() />
                </section>
            }
        })
        .collect_view();
    view! {
        <PageMeta heading=section.heading.clone() description=section.description(&content.title) />
        <article class="section">
            <p class="eyebrow">{content.title.clone()}</p>
            <h1 tabindex="-1">{section.heading.clone()}</h1>
            {(!has_text).then(|| view! {
                <p class="gap-note">"The source page has this heading but no text under it yet."</p>
            })}
            <Blocks blocks=section.blocks.clone() />
            {subsections}
        </article>
        <nav class="pager" aria-label="Previous and next sections">
            {previous.map(|(href, heading)| view! {
                <a href=href rel="prev"><span class="pager-label">"Previous: "</span>{heading}</a>
            })}
            {next.map(|(href, heading)| view! {
                <a href=href rel="next"><span class="pager-label">"Next: "</span>{heading}</a>
            })}
        </nav>
    }
}
