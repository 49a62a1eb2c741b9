//! The typed shape of `public/content/georgia.json`.
//!
//! Every struct rejects unknown fields, so a typo in the file is reported instead of silently
//! dropped. `version` lets the format evolve: the app refuses a version it does not know.

use serde::{Deserialize, Serialize};

use crate::date::IsoDate;
use crate::places::{Place, PlaceKind};

/// The format version this code reads and writes.
pub const CONTENT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Content {
    pub version: u32,
    pub title: String,
    pub updated: IsoDate,
    pub site: SiteTexts,
    pub intro: Vec<Block>,
    pub sections: Vec<Section>,
    /// The groups the places fall into, in the order the region list shows them.
    pub place_kinds: Vec<PlaceKind>,
    /// The places the article talks about; their mentions are computed from the text.
    pub places: Vec<Place>,
}

/// Texts of the site around the article, used by the banner and the forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteTexts {
    pub announcement: String,
    pub newsletter: String,
    pub password_reset: String,
    pub code_resend: String,
    pub password_rule: String,
    pub return_to_page: String,
}

/// A top-level section of the article: one page of the site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub slug: String,
    pub heading: String,
    pub blocks: Vec<Block>,
    pub subsections: Vec<Subsection>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subsection {
    pub id: String,
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// A paragraph, or a list with the sentence that introduces it.
///
/// The source sometimes announces a list without carrying its items; such a list keeps its
/// lead-in and has no items, and the content check warns about it. It reads from JSON by hand
/// (`block_format.rs`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph { id: String, text: String },
    List { id: String, lead: String, items: Vec<String> },
}

impl Block {
    pub fn id(&self) -> &str {
        match self {
            Block::Paragraph { id, .. } | Block::List { id, .. } => id,
        }
    }

    /// The block's texts in reading order: the paragraph, or the lead-in and then each item.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Block::Paragraph { text, .. } => vec![text],
            Block::List { lead, items, .. } => {
                std::iter::once(lead.as_str()).chain(items.iter().map(String::as_str)).collect()
            }
        }
    }
}

impl Content {
    pub fn section(&self, slug: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.slug == slug)
    }

    pub fn place(&self, slug: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.slug == slug)
    }

    pub fn place_kind(&self, id: &str) -> Option<&PlaceKind> {
        self.place_kinds.iter().find(|k| k.id == id)
    }

    /// The sections before and after the one with `slug`, for previous/next links.
    pub fn neighbours(&self, slug: &str) -> (Option<&Section>, Option<&Section>) {
        let Some(at) = self.sections.iter().position(|s| s.slug == slug) else {
            return (None, None);
        };
        let previous = at.checked_sub(1).and_then(|i| self.sections.get(i));
        (previous, self.sections.get(at + 1))
    }
}

impl Section {
    /// Every block of the section, its own first and then its subsections' in order.
    pub fn all_blocks(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().chain(self.subsections.iter().flat_map(|s| s.blocks.iter()))
    }
}
