//! The article's passages — each paragraph, and each list's lead-in and items — with where they
//! stand: what the region index and the search look through.

use crate::model::{Block, Content};
use crate::places::PassageLocation;

/// One passage of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage<'a> {
    pub location: PassageLocation,
    /// The heading of the subsection it is in, if any.
    pub subsection: Option<&'a str>,
    /// The id of its block: the `#anchor` it is linked to.
    pub block_id: &'a str,
    pub text: &'a str,
}

/// Every block of the article in reading order, with where it stands and its subsection.
pub fn blocks(content: &Content) -> Vec<(PassageLocation, Option<&str>, &Block)> {
    let intro = content.intro.iter().map(|block| (PassageLocation::Intro, None, block));
    let sections = content.sections.iter().flat_map(|section| {
        let location = || PassageLocation::Section { slug: section.slug.clone(), heading: section.heading.clone() };
        let own = section.blocks.iter().map(move |block| (location(), None, block));
        let nested = section.subsections.iter().flat_map(move |subsection| {
            subsection.blocks.iter().map(move |block| (location(), Some(subsection.heading.as_str()), block))
        });
        own.chain(nested)
    });
    intro.chain(sections).collect()
}

/// Every passage of the article, in reading order.
pub fn passages(content: &Content) -> Vec<Passage<'_>> {
    blocks(content)
        .into_iter()
        .flat_map(|(location, subsection, block)| {
            block.texts().into_iter().map(move |text| Passage {
                location: location.clone(),
                subsection,
                block_id: block.id(),
                text,
            })
        })
        .collect()
}
