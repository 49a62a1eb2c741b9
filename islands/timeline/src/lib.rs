//! The key dates' section filter: "Section" shows one section's dated statements, kept in the
//! URL (`?section=<slug>`) so a view can be shared, reloaded, and moved through with Back and
//! Forward. The statements themselves are the island's children — static HTML, every one on
//! the page without JavaScript, each item naming its section (`data-section`) — and the island
//! hides the others, and the years left empty.

use leptos::html::Div;
use leptos::prelude::*;
use nato_georgia_web::navigation::{on_back_and_forward, query_param, write_address};
use nato_georgia_web::paths::site_paths;
use nato_georgia_web::prefill::typed_value;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

const FILTER_ID: &str = "timeline-section";

/// A section the filter offers: its slug and heading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionChoice {
    pub slug: String,
    pub heading: String,
}

/// "1 dated statement", "12 dated statements".
pub fn count_text(count: usize) -> String {
    match count {
        1 => "1 dated statement".to_owned(),
        count => format!("{count} dated statements"),
    }
}

/// The section the address names, `""` for all.
fn section_in_url() -> String {
    query_param("section")
}

/// Shows the statements of `section` (all for `""`) and hides the rest, and the years left with
/// none; answers how many are shown.
fn show_only(list: &web_sys::Element, section: &str) -> usize {
    let mut shown = 0;
    let Ok(years) = list.query_selector_all("section") else { return 0 };
    for year in (0..years.length()).filter_map(|i| years.item(i)?.dyn_into::<web_sys::HtmlElement>().ok()) {
        let Ok(items) = year.query_selector_all("li[data-section]") else { continue };
        let mut shown_in_year = 0;
        for item in (0..items.length()).filter_map(|i| items.item(i)?.dyn_into::<web_sys::HtmlElement>().ok()) {
            let visible = section.is_empty() || item.get_attribute("data-section").as_deref() == Some(section);
            item.set_hidden(!visible);
            shown_in_year += usize::from(visible);
        }
        year.set_hidden(shown_in_year == 0);
        shown += shown_in_year;
    }
    shown
}

#[island]
pub fn TimelineFilter(sections: Vec<SectionChoice>, total: usize, children: Children) -> impl IntoView {
    let list = NodeRef::<Div>::new();
    // A section chosen before the island ran counts as much as the address: read before
    // hydrating sets the field from the island's state.
    let chosen = typed_value(FILTER_ID);
    let (section, set_section) = signal(chosen.clone().unwrap_or_default());
    let (count, set_count) = signal(total);
    let timeline = move |slug: &str| site_paths().timeline(Some(slug).filter(|slug| !slug.is_empty()));
    let push = move |slug: &str| write_address(&timeline(slug), false);
    Effect::new(move |_| {
        match &chosen {
            Some(slug) if *slug != section_in_url() => push(slug),
            Some(_) => {}
            None => set_section.set(section_in_url()),
        }
        // Back and Forward between this page's own views; the island stops listening once the
        // router has replaced its page.
        on_back_and_forward(move || {
            if list.get_untracked().is_some_and(|list| list.is_connected()) {
                set_section.set(section_in_url());
            }
        });
    });
    Effect::new(move |_| {
        let section = section.get();
        if let Some(list) = list.get() {
            set_count.set(show_only(&list, &section));
        }
    });
    let choose = move |slug: String| {
        push(&slug);
        set_section.set(slug);
    };
    let options =
        sections.into_iter().map(|choice| view! { <option value=choice.slug>{choice.heading}</option> }).collect_view();
    view! {
        <div class="field">
            <label for=FILTER_ID>"Section"</label>
            <select id=FILTER_ID prop:value=move || section.get() on:change=move |event| choose(event_target_value(&event))>
                <option value="">"All sections"</option>
                {options}
            </select>
        </div>
        <p class="match-count" role="status" aria-live="polite">{move || count_text(count.get())}</p>
        <div class="key-dates-years" node_ref=list>{children()}</div>
    }
}
