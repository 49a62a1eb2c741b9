//! `/timeline`: key dates — every dated statement of the article, taken from its text (the
//! content crate's `timeline`), under its year, each linked to its passage. The list is static,
//! each item naming its section (`data-section`); the section filter is the page's island
//! (`islands/timeline`), which shows one section's and keeps it in the URL.

use leptos::prelude::*;
use nato_georgia_content::timeline::{key_dates, When};
use nato_georgia_timeline::{SectionChoice, TimelineFilter};
use nato_georgia_web::paths::SitePaths;

use crate::components::page_meta::PageMeta;
use crate::context::use_content;

/// A dated statement as the page shows it.
struct Entry {
    when: When,
    sentence: String,
    href: String,
    /// The slug of its section; empty in the introduction.
    section: String,
    place: String,
}

/// The `datetime` of a date: `2008-08-19`, `2020-12`, or its first year.
fn machine_date(when: When) -> String {
    match when {
        When::Day(year, month, day) => format!("{year:04}-{month:02}-{day:02}"),
        When::Month(year, month) => format!("{year:04}-{month:02}"),
        other => other.year().to_string(),
    }
}

#[component]
pub fn TimelinePage() -> impl IntoView {
    let content = use_content();
    let paths = expect_context::<SitePaths>();
    let entries: Vec<Entry> = key_dates(&content)
        .into_iter()
        .map(|date| Entry {
            when: date.when,
            sentence: date.sentence.to_owned(),
            href: paths.passage(&date.passage.location, date.passage.block_id),
            section: date.passage.location.slug().unwrap_or_default().to_owned(),
            place: date.passage.location.title().to_owned(),
        })
        .collect();
    // The sections that have dated statements, for the filter.
    let sections: Vec<SectionChoice> = content
        .sections
        .iter()
        .filter(|section| entries.iter().any(|entry| entry.section == section.slug))
        .map(|section| SectionChoice { slug: section.slug.clone(), heading: section.heading.clone() })
        .collect();
    let mut years: Vec<u16> = entries.iter().map(|entry| entry.when.year()).collect();
    years.dedup();
    let total = entries.len();
    let years = years
        .into_iter()
        .map(|year| {
            let items = entries
                .iter()
                .filter(|entry| entry.when.year() == year)
                .map(|entry| {
                    view! {
                        <li data-section=entry.section.clone()>
                            <p class="when"><time datetime=machine_date(entry.when)>{entry.when.label()}</time></p>
                            <p>{entry.sentence.clone()}</p>
                            <p class="source"><a href=entry.href.clone()>"Read it in “" {entry.place.clone()} "”"</a></p>
                        </li>
                    }
                })
                .collect_view();
            let (id, labelled_by) = (format!("year-{year}"), format!("year-{year}"));
            view! {
                <section aria-labelledby=labelled_by>
                    <h2 id=id>{year}</h2>
                    <ol class="key-dates">{items}</ol>
                </section>
            }
        })
        .collect_view();
    view! {
        <PageMeta heading="Key dates" description="The dates NATO's page on relations with Georgia names, year by year." />
        <article class="timeline">
            <h1 tabindex="-1">"Key dates"</h1>
            <p>"Every date this page names, year by year, taken from its text. Each links to its passage."</p>
            <TimelineFilter sections total>{years}</TimelineFilter>
        </article>
    }
}
