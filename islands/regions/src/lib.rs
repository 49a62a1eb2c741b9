//! `/regions`' island: filter as you type, kind toggles and sorting over the list of places,
//! all kept in the URL query so a view can be shared, survives a reload, and moves with Back
//! and Forward. The list travels with the page as the island's data (`RegionList`, made at
//! build time from the content); "/" comes back to the filter (the loader's key).

use leptos::prelude::*;
use nato_georgia_content::region_index::{
    match_count_text, mention_count_text, RegionList, RegionListItem, RegionQuery, SortOrder,
};
use nato_georgia_web::dom::html_element;
use nato_georgia_web::navigation::{on_back_and_forward, query_param, write_address};
use nato_georgia_web::paths::{site_paths, SitePaths};
use nato_georgia_web::prefill::typed_value;

const FILTER_ID: &str = "region-filter";
const SORT_ID: &str = "region-sort";

/// The query in the address, kinds checked against the list's.
fn query_in_url(list: &RegionList) -> RegionQuery {
    let (filter, kinds, sort) = (query_param("q"), query_param("kind"), query_param("sort"));
    RegionQuery::from_params(Some(&filter), Some(&kinds), Some(&sort), &list.kinds)
}

/// Puts the query in the address: typing replaces the entry, other changes add one.
fn write_url(paths: &SitePaths, query: &RegionQuery, replace: bool) {
    write_address(&format!("{}{}", paths.regions(), query.to_query_string()), replace);
}

#[island]
pub fn RegionExplorer(list: RegionList) -> impl IntoView {
    let paths = site_paths();
    // What was typed or chosen before the island ran is kept: read before hydrating sets the
    // fields from the island's state, which starts as the prerendered page's.
    // (The sort always has a value: only another than the prerendered one was chosen.)
    let default_sort = SortOrder::default().as_param();
    let (typed, chosen) = (typed_value(FILTER_ID), typed_value(SORT_ID).filter(|sort| sort != default_sort));
    let (query, set_query) = signal(RegionQuery::default());
    let list = StoredValue::new(list);

    // The address and the fields are browser state: applied after hydrating, and the address
    // again on Back and Forward.
    let url_paths = paths.clone();
    Effect::new(move |_| {
        let mut start = list.with_value(query_in_url);
        if let Some(typed) = &typed {
            start.filter = typed.clone();
        }
        if let Some(chosen) = &chosen {
            start.sort = SortOrder::from_param(chosen);
        }
        if typed.is_some() || chosen.is_some() {
            write_url(&url_paths, &start, true);
        }
        set_query.set(start);
        on_back_and_forward(move || {
            if html_element(&format!("#{FILTER_ID}")).is_some() {
                set_query.set(list.with_value(query_in_url));
            }
        });
    });

    let change_paths = paths.clone();
    let change = move |change: &dyn Fn(&mut RegionQuery), replace: bool| {
        let mut next = query.get_untracked();
        change(&mut next);
        write_url(&change_paths, &next, replace);
        set_query.set(next);
    };
    let change = StoredValue::new_local(change);
    let change = move |f: &dyn Fn(&mut RegionQuery), replace: bool| change.with_value(|change| change(f, replace));

    let selected = Memo::new(move |_| {
        list.with_value(|list| list.select(&query.read()).into_iter().cloned().collect::<Vec<RegionListItem>>())
    });
    let no_match = Memo::new(move |_| selected.read().is_empty());
    let clear = move || {
        change(
            &|q| {
                q.filter.clear();
                q.kinds.clear();
            },
            false,
        );
        if let Some(filter) = html_element(&format!("#{FILTER_ID}")) {
            let _ = filter.focus();
        }
    };

    let kind_toggles = list.with_value(|list| {
        list.kinds
            .iter()
            .map(|kind| {
                let (id, pressed_id) = (kind.id.clone(), kind.id.clone());
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
            .collect_view()
    });
    let items = move || {
        selected.get().into_iter().map(|item| view! { <RegionListEntry item paths=paths.clone() /> }).collect_view()
    };

    view! {
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
                <label for=SORT_ID>"Sort by"</label>
                <select
                    id=SORT_ID
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
        <ul class="region-list">{items}</ul>
    }
}

#[component]
fn RegionListEntry(item: RegionListItem, paths: SitePaths) -> impl IntoView {
    view! {
        <li>
            <a href=paths.region(&item.slug) class="region-name">{item.name.clone()}</a>
            <span class="region-kind">{item.kind_name.clone()}</span>
            {item.parent.clone().map(|parent| view! { <span class="region-parent">"Region of " {parent}</span> })}
            <span class="region-mentions">{mention_count_text(item.mentions)}</span>
        </li>
    }
}
