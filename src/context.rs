//! What every page renders from, provided by the prerenderer for each page: the content, its
//! region index (built once for the whole build), the site's paths and the page's own path.

use std::sync::Arc;

use leptos::prelude::*;
use nato_georgia_content::region_index::RegionIndex;
use nato_georgia_content::Content;

/// The path of the page being rendered, base included: `/x/regions/georgia`; none for "Page not
/// found", which the host serves at any path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentPath(pub Option<String>);

pub fn use_content() -> Arc<Content> {
    expect_context::<Arc<Content>>()
}

pub fn use_region_index() -> Arc<RegionIndex> {
    expect_context::<Arc<RegionIndex>>()
}

pub fn current_path() -> Option<String> {
    expect_context::<CurrentPath>().0
}
