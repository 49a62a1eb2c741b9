//! The content of the "Relations with Georgia" site, as plain Rust with no DOM.
//!
//! The browser app, the tests and the command-line checker all read the bundled JSON through this
//! crate, so they agree on what the content is and on what makes it valid.

mod block_format;
mod check;
mod date;
mod folding;
mod json_path;
mod model;
mod parse;
mod passages;
mod places;
pub mod region_index;
pub mod search;
mod sentences;
mod summary;
pub mod timeline;

pub use check::{check, check_for_errors, Finding, Report};
pub use date::IsoDate;
pub use folding::{fold, folding_table};
pub use model::{Block, Content, Section, SiteTexts, Subsection, CONTENT_VERSION};
pub use parse::{parse, ParseError};
pub use passages::{passages, Passage};
pub use places::{link_first_mentions, split_marked, Mention, PassageLocation, Place, PlaceKind, Segment};
pub use sentences::{article_lines, differences, sentences, site_lines};
