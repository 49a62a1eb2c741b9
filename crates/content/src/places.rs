//! The places the article talks about, and where it mentions each of them.
//!
//! Places and their kinds are content (in the JSON); mentions are computed from the article's
//! text when it loads, never written by hand, so they follow every edit of the text.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::folding::{fold, FoldedText};
use crate::model::Content;

/// A group of places, shown as a filter toggle: "Partner countries".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceKind {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// The slug in `/regions/<slug>`.
    pub slug: String,
    pub name: String,
    /// The id of its [`PlaceKind`].
    pub kind: String,
    /// The slug of the place it belongs to: Abkhazia belongs to Georgia.
    pub parent: Option<String>,
    /// ISO 3166 code where the place has one (`GE`, `GE-AB`).
    pub iso_code: Option<String>,
    /// Other names the text uses for it, also used for matching ("Georgian").
    pub alternative_names: Vec<String>,
    /// One line about the place, made only from what the content says.
    pub description: String,
}

/// Whether the filter text is part of one of `names`, ignoring case and accents. An empty
/// filter matches every place.
pub fn names_match<'a>(mut names: impl Iterator<Item = &'a str>, filter: &str) -> bool {
    let filter = fold(filter.trim());
    filter.is_empty() || names.any(|name| fold(name).contains(&filter))
}

impl Place {
    /// The name first, then the alternative names.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.alternative_names.iter().map(String::as_str))
    }

    /// Where the place's names stand in `text` as whole words, longest names first, without
    /// overlaps, in text order. The text is folded once by the caller, to search it for many places.
    pub(crate) fn find_in(&self, text: &FoldedText) -> Vec<Range<usize>> {
        let mut names: Vec<&str> = self.names().collect();
        names.sort_by_key(|name| std::cmp::Reverse(name.chars().count()));
        let mut found: Vec<Range<usize>> = Vec::new();
        for name in names {
            for range in text.find_whole_word(name) {
                if !found.iter().any(|taken| taken.start < range.end && range.start < taken.end) {
                    found.push(range);
                }
            }
        }
        found.sort_by_key(|range| range.start);
        found
    }
}

/// Where a passage stands: the overview's introduction, or a section page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PassageLocation {
    Intro,
    Section { slug: String, heading: String },
}

impl PassageLocation {
    /// Its section's heading; the introduction has none.
    pub fn heading(&self) -> Option<&str> {
        match self {
            PassageLocation::Intro => None,
            PassageLocation::Section { heading, .. } => Some(heading),
        }
    }

    /// Its section's slug; the introduction has none.
    pub fn slug(&self) -> Option<&str> {
        match self {
            PassageLocation::Intro => None,
            PassageLocation::Section { slug, .. } => Some(slug),
        }
    }

    /// What a list of passages calls where one stands: its section's heading, or "Introduction".
    pub fn title(&self) -> &str {
        self.heading().unwrap_or("Introduction")
    }
}

/// A paragraph or list text that names a place, with where the names stand in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub location: PassageLocation,
    /// The id of the block the text belongs to, the `#anchor` of the passage.
    pub block_id: String,
    pub text: String,
    pub ranges: Vec<Range<usize>>,
}

/// Every passage that names each of the content's places, in the article's order: one list per
/// place, in the order of `content.places`. Each text is folded once for all the places.
pub fn mentions_by_place(content: &Content) -> Vec<Vec<Mention>> {
    let places = &content.places;
    let mut mentions = vec![Vec::new(); places.len()];
    for (location, _, block) in crate::passages::blocks(content) {
        for text in block.texts() {
            let folded = FoldedText::new(text);
            for (place, found) in places.iter().zip(mentions.iter_mut()) {
                let ranges = place.find_in(&folded);
                if !ranges.is_empty() {
                    let (block_id, text) = (block.id().to_owned(), text.to_owned());
                    found.push(Mention { location: location.clone(), block_id, text, ranges });
                }
            }
        }
    }
    mentions
}

/// A piece of a text, linked to a place or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment<'a> {
    pub text: &'a str,
    pub place: Option<&'a str>,
}

/// Splits a text so that the first mention of each place becomes a segment of its own, for
/// linking place names in the article to their region page.
pub fn link_first_mentions<'a>(text: &'a str, places: &'a [Place]) -> Vec<Segment<'a>> {
    let folded = FoldedText::new(text);
    let mut links: Vec<(Range<usize>, &str)> = Vec::new();
    for place in places {
        let first = place
            .find_in(&folded)
            .into_iter()
            .find(|range| !links.iter().any(|(taken, _)| taken.start < range.end && range.start < taken.end));
        if let Some(range) = first {
            links.push((range, &place.slug));
        }
    }
    links.sort_by_key(|(range, _)| range.start);
    let mut segments = Vec::new();
    let mut at = 0;
    for (range, slug) in links {
        if range.start > at {
            segments.push(Segment { text: &text[at..range.start], place: None });
        }
        segments.push(Segment { text: &text[range.clone()], place: Some(slug) });
        at = range.end;
    }
    if at < text.len() || segments.is_empty() {
        segments.push(Segment { text: &text[at..], place: None });
    }
    segments
}

/// Splits a text into pieces, marking those inside `ranges` (sorted, not overlapping).
pub fn split_marked<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<(&'a str, bool)> {
    let mut pieces = Vec::new();
    let mut at = 0;
    for range in ranges {
        if range.start > at {
            pieces.push((&text[at..range.start], false));
        }
        pieces.push((&text[range.clone()], true));
        at = range.end;
    }
    if at < text.len() {
        pieces.push((&text[at..], false));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(slug: &str, name: &str, alternatives: &[&str]) -> Place {
        Place {
            slug: slug.into(),
            name: name.into(),
            kind: "k".into(),
            parent: None,
            iso_code: None,
            alternative_names: alternatives.iter().map(|a| a.to_string()).collect(),
            description: String::new(),
        }
    }

    #[test]
    fn longer_names_win_over_the_shorter_names_inside_them() {
        let caucasus = place("caucasus", "Caucasus", &["South Caucasus"]);
        let text = "the Caucasus and the South Caucasus";
        let found: Vec<&str> = caucasus.find_in(&FoldedText::new(text)).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["Caucasus", "South Caucasus"]);
    }

    #[test]
    fn links_the_first_mention_of_each_place_once() {
        let places = [place("georgia", "Georgia", &["Georgian"]), place("russia", "Russia", &[])];
        let text = "Georgian forces, Georgia and Russia; Russia again.";
        let segments = link_first_mentions(text, &places);
        let linked: Vec<(&str, &str)> = segments.iter().filter_map(|s| s.place.map(|p| (s.text, p))).collect();
        assert_eq!(linked, [("Georgian", "georgia"), ("Russia", "russia")]);
        assert_eq!(segments.iter().map(|s| s.text).collect::<String>(), text);
    }

    #[test]
    fn a_text_without_places_is_one_plain_segment() {
        let segments = link_first_mentions("Nothing here.", &[]);
        assert_eq!(segments, [Segment { text: "Nothing here.", place: None }]);
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)] // one marked range, not a range to collect
    fn splits_marked_ranges() {
        assert_eq!(split_marked("a Jordan b", &[2..8]), [("a ", false), ("Jordan", true), (" b", false)]);
        assert_eq!(split_marked("Jordan", &[0..6]), [("Jordan", true)]);
    }
}
