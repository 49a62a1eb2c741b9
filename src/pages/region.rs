//! `/regions/<slug>`: one place — its kind, parent or children, what the article says of it in
//! one line, and every passage that names it, with the name marked and a link to the passage.

use leptos::prelude::*;
use nato_georgia_content::region_index::{mention_count_text, RegionEntry};
use nato_georgia_content::Mention;
use nato_georgia_web::marked_text::MarkedText;
use nato_georgia_web::paths::SitePaths;

use crate::components::page_meta::PageMeta;

#[component]
pub fn RegionPage(entry: RegionEntry) -> impl IntoView {
    let paths = expect_context::<SitePaths>();
    let place = entry.place.clone();
    let link = |(slug, name): (String, String)| {
        let href = paths.region(&slug);
        view! { <a href=href>{name}</a> }
    };
    let parent = entry.parent.clone().map(|parent| {
        view! { <dt>"Region of"</dt><dd>{link(parent)}</dd> }
    });
    let children = (!entry.children.is_empty()).then(|| {
        let items = entry.children.clone().into_iter().map(|child| view! { <li>{link(child)}</li> }).collect_view();
        view! { <dt>"Regions"</dt><dd><ul class="inline-list">{items}</ul></dd> }
    });
    let iso = place.iso_code.clone().map(|code| view! { <dt>"ISO 3166 code"</dt><dd><code>{code}</code></dd> });
    let passages = entry
        .mentions
        .iter()
        .map(|mention| view! { <Passage mention=mention.clone() paths=paths.clone() /> })
        .collect_view();
    view! {
        <PageMeta heading=place.name.clone() description=place.description.clone() />
        <article class="region">
            <p class="eyebrow"><a href=paths.regions()>"Regions and countries"</a></p>
            <h1 tabindex="-1">{place.name.clone()}</h1>
            <dl class="region-facts">
                <dt>"Kind"</dt><dd>{entry.kind_name.clone()}</dd>
                {parent}
                {children}
                {iso}
            </dl>
            <figure class="region-description">
                <blockquote><p>{place.description.clone()}</p></blockquote>
                <figcaption>"From the article"</figcaption>
            </figure>
            <h2>"Where the article names " {place.name.clone()}</h2>
            <p>{mention_count_text(entry.mentions.len())}</p>
            <ol class="passages">{passages}</ol>
        </article>
    }
}

#[component]
fn Passage(mention: Mention, paths: SitePaths) -> impl IntoView {
    let href = paths.passage(&mention.location, &mention.block_id);
    let where_ = mention.location.heading().unwrap_or("the overview").to_owned();
    view! {
        <li>
            <p><MarkedText text=mention.text marks=mention.ranges /></p>
            <p class="passage-link"><a href=href>"Read it in context: " {where_}</a></p>
        </li>
    }
}
