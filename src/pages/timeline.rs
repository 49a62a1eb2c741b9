//! `/timeline`: key dates — every dated statement of the article, taken from its text (the
//! content crate's `timeline`), under its year, each linked to its passage. A filter shows one
//! section's, kept in the URL (`?section=<slug>`) like the region list's filters.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use nato_georgia_content::timeline::{key_dates, When};

use crate::components::page_meta::PageMeta;
use crate::content_store::use_content;
use crate::paths::SitePaths;

const FILTER_ID: &str = "timeline-section";

/// A dated statement as the page shows it.
#[derive(Clone, PartialEq)]
struct Entry {
    when: When,
    sentence: String,
    href: String,
    /// The slug of its section; `None` in the introduction.
    section: Option<String>,
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
    let query_map = use_query_map();
    let navigate = use_navigate();
    let entries: Vec<Entry> = key_dates(&content)
        .into_iter()
        .map(|date| Entry {
            when: date.when,
            sentence: date.sentence.to_owned(),
            href: paths.passage(&date.passage.location, date.passage.block_id),
            section: date.passage.location.slug().map(str::to_owned),
            place: date.passage.location.title().to_owned(),
        })
        .collect();
    // The sections that have dated statements, for the filter.
    let sections: Vec<(String, String)> = content
        .sections
        .iter()
        .filter(|section| entries.iter().any(|entry| entry.section.as_deref() == Some(section.slug.as_str())))
        .map(|section| (section.slug.clone(), section.heading.clone()))
        .collect();
    // The URL is browser state: read after rendering (the prerendered page shows every section).
    let (section, set_section) = signal(String::new());
    Effect::new(move |_| set_section.set(query_map.read().get("section").unwrap_or_default()));
    let choose = move |slug: String| {
        let url = paths.timeline(Some(slug.as_str()).filter(|slug| !slug.is_empty()));
        navigate(&url, NavigateOptions { resolve: false, scroll: false, ..Default::default() });
    };
    let shown = Memo::new(move |_| {
        let section = section.read();
        entries
            .iter()
            .filter(|entry| section.is_empty() || entry.section.as_deref() == Some(section.as_str()))
            .cloned()
            .collect::<Vec<_>>()
    });
    let years = move || {
        let shown = shown.get();
        let mut years: Vec<u16> = shown.iter().map(|entry| entry.when.year()).collect();
        years.dedup();
        years
            .into_iter()
            .map(|year| {
                let items = shown
                    .iter()
                    .filter(|entry| entry.when.year() == year)
                    .map(|entry| {
                        view! {
                            <li>
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
            .collect_view()
    };
    let options =
        sections.into_iter().map(|(slug, heading)| view! { <option value=slug>{heading}</option> }).collect_view();
    let count = move || match shown.read().len() {
        1 => "1 dated statement".to_owned(),
        count => format!("{count} dated statements"),
    };
    view! {
        <PageMeta heading="Key dates" description="The dates NATO's page on relations with Georgia names, year by year." />
        <article class="timeline">
            <h1 tabindex="-1">"Key dates"</h1>
            <p>"Every date this page names, year by year, taken from its text. Each links to its passage."</p>
            <div class="field">
                <label for=FILTER_ID>"Section"</label>
                <select
                    id=FILTER_ID
                    prop:value=move || section.get()
                    on:change=move |event| choose(event_target_value(&event))
                >
                    <option value="">"All sections"</option>
                    {options}
                </select>
            </div>
            <p class="match-count" role="status" aria-live="polite">{count}</p>
            {years}
        </article>
    }
}
