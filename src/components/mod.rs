//! Pieces shared by the pages.

pub mod announcement;
pub mod blocks;
pub mod code_step;
pub mod content_error;
pub mod focus_on_navigate;
pub mod form;
pub mod loading;
pub mod marked_text;
pub mod nav_link;
pub mod needs_javascript;
pub mod page_meta;
#[cfg(split)]
pub mod page_not_loaded;
pub mod passage_target;
pub mod place_links;
pub mod site_footer;
pub mod site_header;
pub mod site_search;
pub mod skip_link;
