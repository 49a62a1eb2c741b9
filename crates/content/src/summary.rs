//! Short descriptions for `<meta name="description">`, taken from the content's own sentences
//! so nothing is invented.

use crate::model::{Block, Content, Section};
use crate::sentences::sentences;

/// Whole sentences from the first paragraph of `blocks`, as many as fit in `max_chars`
/// (always at least one).
fn leading_sentences<'a>(blocks: impl IntoIterator<Item = &'a Block>, max_chars: usize) -> Option<String> {
    let text = blocks.into_iter().find_map(|block| match block {
        Block::Paragraph { text, .. } => Some(text.as_str()),
        Block::List { .. } => None,
    })?;
    let mut summary = String::new();
    for sentence in sentences(text) {
        let joined = if summary.is_empty() {
            sentence.chars().count()
        } else {
            summary.chars().count() + 1 + sentence.chars().count()
        };
        if !summary.is_empty() && joined > max_chars {
            break;
        }
        if !summary.is_empty() {
            summary.push(' ');
        }
        summary.push_str(sentence);
    }
    Some(summary)
}

/// A description search engines show in full: whole sentences, about 160 characters.
const DESCRIPTION_LENGTH: usize = 160;

impl Content {
    pub fn description(&self) -> String {
        leading_sentences(&self.intro, DESCRIPTION_LENGTH).unwrap_or_else(|| self.title.clone())
    }
}

impl Section {
    /// The section's first sentences, or its heading and the page title where it has no text.
    pub fn description(&self, page_title: &str) -> String {
        leading_sentences(self.all_blocks(), DESCRIPTION_LENGTH)
            .unwrap_or_else(|| format!("{} — {page_title}", self.heading))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Block {
        Block::Paragraph { id: "p".into(), text: text.into() }
    }

    #[test]
    fn takes_whole_sentences_that_fit() {
        let blocks = [paragraph("One two. Three four. ".repeat(20).trim())];
        let summary = leading_sentences(&blocks, 30).unwrap();
        assert_eq!(summary, "One two. Three four. One two.");
    }

    #[test]
    fn keeps_one_long_sentence_whole_and_skips_lists() {
        let long = "a".repeat(200) + ".";
        let blocks = [Block::List { id: "l".into(), lead: "Lead:".into(), items: vec![] }, paragraph(&long)];
        assert_eq!(leading_sentences(&blocks, 30).unwrap(), long);
        assert_eq!(leading_sentences(&blocks[..1], 30), None);
    }
}
