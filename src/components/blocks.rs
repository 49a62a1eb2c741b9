//! The article's paragraphs and lists, with place names linked to their region pages. A list
//! whose items the source does not carry shows its lead-in alone, never an empty bullet list.

use leptos::prelude::*;
use nato_georgia_content::Block;

use crate::components::place_links::PlaceLinks;

#[component]
pub fn Blocks(blocks: Vec<Block>) -> impl IntoView {
    blocks.into_iter().map(|block| view! { <BlockView block /> }).collect_view()
}

#[component]
fn BlockView(block: Block) -> impl IntoView {
    match block {
        Block::Paragraph { id, text } => view! { <p id=id><PlaceLinks text /></p> }.into_any(),
        Block::List { id, lead, items } if items.is_empty() => {
            view! { <p id=id><PlaceLinks text=lead /></p> }.into_any()
        }
        Block::List { id, lead, items } => view! {
            <p id=id><PlaceLinks text=lead /></p>
            <ul>{items.into_iter().map(|item| view! { <li><PlaceLinks text=item /></li> }).collect_view()}</ul>
        }
        .into_any(),
    }
}
