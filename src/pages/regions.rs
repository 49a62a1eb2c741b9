//! `/regions`: the map-free list of the places the article talks about. The list, its filter,
//! kinds and sort are the page's island (`islands/regions`), given the list made from the
//! content; the prerendered page shows every place.

use leptos::prelude::*;
use nato_georgia_regions::RegionExplorer;

use crate::components::page_meta::PageMeta;
use crate::context::use_region_index;

#[component]
pub fn RegionsPage() -> impl IntoView {
    let list = use_region_index().list();
    view! {
        <PageMeta
            heading="Regions and countries"
            description="The regions and countries NATO's page on relations with Georgia talks about, and what it says about each."
        />
        <article class="regions">
            <h1 tabindex="-1">"Regions and countries"</h1>
            <p>"The places this page talks about. Filter the list, then open a place to read every passage that names it."</p>
            <RegionExplorer list />
        </article>
    }
}
