//! What the search page carries for its search, made from the content file at build time: every
//! passage with its link, place, anchor and headings, the status line's texts, and the folding
//! of accented letters. The island searches it, and so does the script that shows a direct
//! visit's first results (src/search-first.js), so the page needs nothing more to search.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Serialize, Deserialize)]
pub struct SearchData {
    /// Every passage, in reading order.
    pub passages: Vec<PassageData>,
    /// The status line for each number of results (`counts[0]`: none matches).
    pub counts: Vec<String>,
    /// What folding does beyond lowercasing: the script's (the island folds with the content
    /// crate, so it does not read it).
    #[serde(skip_deserializing)]
    pub fold: BTreeMap<char, char>,
}

#[derive(Serialize, Deserialize)]
pub struct PassageData {
    pub href: String,
    /// "Section › Subsection".
    pub place: String,
    /// The id of its block, where its words are marked once it is opened.
    pub id: String,
    pub text: String,
    /// The headings it stands under, which a search's words may match too.
    pub headings: String,
}

/// Where a passage stands, as its result names it: "Section › Subsection".
#[cfg(feature = "ssr")]
fn place(passage: &nato_georgia_content::Passage) -> String {
    let section = passage.location.title();
    match passage.subsection {
        Some(subsection) => format!("{section} › {subsection}"),
        None => section.to_owned(),
    }
}

#[cfg(feature = "ssr")]
impl SearchData {
    pub fn new(content: &nato_georgia_content::Content, paths: &nato_georgia_web::paths::SitePaths) -> Self {
        use nato_georgia_content::search::{headings, result_count_text, NO_RESULTS};
        let passages = nato_georgia_content::passages(content);
        SearchData {
            passages: passages
                .iter()
                .map(|passage| PassageData {
                    href: paths.passage(&passage.location, passage.block_id),
                    place: place(passage),
                    id: passage.block_id.to_owned(),
                    text: passage.text.to_owned(),
                    headings: headings(passage),
                })
                .collect(),
            counts: (0..=passages.len())
                .map(|count| if count == 0 { NO_RESULTS.to_owned() } else { result_count_text(count) })
                .collect(),
            fold: nato_georgia_content::folding_table().into_iter().collect(),
        }
    }

    /// As the page carries it: JSON with no "<" in its text, so that no "</script>" ends it.
    pub fn to_script_text(&self) -> String {
        serde_json::to_string(self).expect("strings and maps serialize").replace('<', "\\u003c")
    }
}

impl SearchData {
    /// Reads it from the page's block with the id `id`.
    pub fn read(id: &str) -> Result<Self, String> {
        let block = nato_georgia_web::dom::document()
            .and_then(|document| document.get_element_by_id(id))
            .ok_or_else(|| format!("the page has no #{id}"))?;
        serde_json::from_str(&block.text_content().unwrap_or_default())
            .map_err(|error| format!("#{id} is not readable: {error}"))
    }
}
