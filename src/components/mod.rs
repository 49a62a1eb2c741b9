//! The static pieces the pages share (the interactive ones are islands, in `islands/`).

pub mod blocks;
pub mod error_page;
pub mod nav_link;
pub mod page_meta;
pub mod place_links;
pub mod site_footer;
pub mod site_header;
pub mod site_search;
pub mod skip_link;
