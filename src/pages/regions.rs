//! `/regions`: the map-free list of the places the article talks about — filter as you type,
//! kind toggles, sorting, all kept in the URL query so a view can be shared and survives reload,
//! back and forward. "/" comes back to the filter (the site's rule: `site_search`).

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use nato_georgia_content::region_index::{match_count_text, mention_count_text, RegionEntry, RegionQuery, SortOrder};

use crate::components::page_meta::PageMeta;
use crate::content_store::use_region_index;
use crate::dom::html_element;
use crate::paths::SitePaths;

const FILTER_ID: &str = "region-filter";

fn filter_box() -> Option<web_sys::HtmlElement> {
    html_element(&format!("#{FILTER_ID}"))
}

#[component]
pub fn RegionsPage() -> impl IntoView {
    let index = use_region_index();
    let paths = expect_context::<SitePaths>();
    let query_map = use_query_map();
    let navigate = use_navigate();
    let (query, set_query) = signal(RegionQuery::default());

    // The URL is browser state: apply it after rendering, and again on back and forward.
    let url_index = index.clone();
    Effect::new(move |_| {
        let map = query_map.read();
        set_query.set(RegionQuery::from_params(map.get_str("q"), map.get_str("kind"), map.get_str("sort"), &url_index));
    });

    // Every change goes to the URL: typing replaces the entry, other changes add one.
    let regions_path = paths.regions();
    let update = move |change: &dyn Fn(&mut RegionQuery), replace: bool| {
        let mut next = query.get_untracked();
        change(&mut next);
        set_query.set(next.clone());
        let url = format!("{regions_path}{}", next.to_query_string());
        navigate(&url, NavigateOptions { resolve: false, replace, scroll: false, ..Default::default() });
    };
    let update = StoredValue::new_local(update);
    let change = move |f: &dyn Fn(&mut RegionQuery), replace: bool| update.with_value(|update| update(f, replace));

    let selected_index = index.clone();
    let selected =
        Memo::new(move |_| selected_index.select(&query.read()).into_iter().cloned().collect::<Vec<RegionEntry>>());

    let no_match = Memo::new(move |_| selected.read().is_empty());

    let clear = move || {
        change(
            &|q| {
                q.filter.clear();
                q.kinds.clear();
            },
            false,
        );
        if let Some(filter) = filter_box() {
            let _ = filter.focus();
        }
    };

    let kind_toggles = index
        .kinds
        .iter()
        .map(|kind| {
            let id = kind.id.clone();
            let pressed_id = id.clone();
            view! {
                <button
                    type="button"
                    class="toggle"
                    aria-pressed=move || query.read().kinds.contains(&pressed_id).to_string()
                    on:click=move |_| change(&|q| q.toggle_kind(&id), false)
                >
                    {kind.name.clone()}
                </button>
            }
        })
        .collect_view();

    let region_paths = paths.clone();
    let list = move || {
        selected
            .get()
            .into_iter()
            .map(|entry| view! { <RegionListItem entry paths=region_paths.clone() /> })
            .collect_view()
    };

    view! {
        <PageMeta
            heading="Regions and countries"
            description="The regions and countries NATO's page on relations with Georgia talks about, and what it says about each."
        />
        <article class="regions">
            <h1 tabindex="-1">"Regions and countries"</h1>
            <p>"The places this page talks about. Filter the list, then open a place to read every passage that names it."</p>
            <div class="region-controls">
                <div class="field">
                    <label for=FILTER_ID>"Filter regions"</label>
                    <p class="hint" id="region-filter-hint">"Type part of a name. Press / to come back here, Escape to clear."</p>
                    <input
                        id=FILTER_ID
                        data-slash-focus
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        aria-describedby="region-filter-hint"
                        prop:value=move || query.read().filter.clone()
                        on:input=move |event| {
                            let text = event_target_value(&event);
                            change(&|q| q.filter = text.clone(), true);
                        }
                        on:keydown=move |event| {
                            if event.key() == "Escape" && !query.read_untracked().filter.is_empty() {
                                event.prevent_default();
                                change(&|q| q.filter.clear(), true);
                            }
                        }
                    />
                </div>
                <div class="field" role="group" aria-labelledby="region-kinds-label">
                    <p id="region-kinds-label" class="label">"Show only"</p>
                    <div class="toggles">{kind_toggles}</div>
                </div>
                <div class="field">
                    <label for="region-sort">"Sort by"</label>
                    <select
                        id="region-sort"
                        prop:value=move || query.read().sort.as_param()
                        on:change=move |event| {
                            let sort = SortOrder::from_param(&event_target_value(&event));
                            change(&|q| q.sort = sort, false);
                        }
                    >
                        <option value="name">"Name"</option>
                        <option value="mentions">"Number of mentions"</option>
                    </select>
                </div>
            </div>
            <p class="match-count" role="status" aria-live="polite">{move || match_count_text(selected.read().len())}</p>
            {move || no_match.get().then(|| view! {
                <div class="no-match">
                    <p>"No region matches this filter. Check the spelling, or clear the filter to see every place."</p>
                    <button type="button" on:click=move |_| clear()>"Clear filter"</button>
                </div>
            })}
            <ul class="region-list">{list}</ul>
        </article>
    }
}

#[component]
fn RegionListItem(entry: RegionEntry, paths: SitePaths) -> impl IntoView {
    let name = entry.place.name.clone();
    view! {
        <li>
            <a href=paths.region(&entry.place.slug) class="region-name">{name}</a>
            <span class="region-kind">{entry.kind_name.clone()}</span>
            {entry.parent.map(|(_, parent)| view! { <span class="region-parent">"Region of " {parent}</span> })}
            <span class="region-mentions">{mention_count_text(entry.mentions.len())}</span>
        </li>
    }
}
