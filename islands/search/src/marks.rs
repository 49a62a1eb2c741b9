//! Marks the words a search found in the passage's own page, once the router has shown it: the
//! passage is the block with its id, or (a list's item) the item after it with its text. The
//! marks go with the page.

use std::ops::Range;

use wasm_bindgen::JsCast;

use crate::Found;

/// The text nodes below `node`, in order.
fn text_nodes(node: &web_sys::Node, found: &mut Vec<web_sys::Text>) {
    let children = node.child_nodes();
    for index in 0..children.length() {
        match children.item(index).map(|child| child.dyn_into::<web_sys::Text>()) {
            Some(Ok(text)) => found.push(text),
            Some(Err(child)) => text_nodes(&child, found),
            None => {}
        }
    }
}

/// Wraps the marked stretches of `holder`'s text (`text`, byte ranges) in `<mark>`, across
/// the links inside it.
fn mark_words(holder: &web_sys::Element, text: &str, marks: &[Range<usize>]) {
    let Some(document) = holder.owner_document() else { return };
    // The DOM counts in UTF-16 units.
    let unit = |byte: usize| text[..byte].encode_utf16().count() as u32;
    for range in marks.iter().rev() {
        let (start, end) = (unit(range.start), unit(range.end));
        let mut nodes = Vec::new();
        text_nodes(holder, &mut nodes);
        let mut at = 0;
        for node in nodes {
            let length = node.length();
            let (from, to) = (start.max(at), end.min(at + length));
            if from < to {
                let _ = node.split_text(to - at);
                let part = node.split_text(from - at).ok();
                if let (Some(part), Ok(mark), Some(parent)) =
                    (part, document.create_element("mark"), node.parent_node())
                {
                    let _ = parent.insert_before(&mark, Some(&part));
                    let _ = mark.append_child(&part);
                }
            }
            at += length;
        }
    }
}

pub(crate) fn mark_passage(found: &Found) {
    let Some(block) =
        nato_georgia_web::dom::document().and_then(|document| document.get_element_by_id(&found.block_id))
    else {
        return;
    };
    let is_passage = |element: &web_sys::Element| element.text_content().as_deref() == Some(found.text.as_str());
    let item = || {
        let items = block.next_element_sibling()?.query_selector_all("li").ok()?;
        (0..items.length()).filter_map(|i| items.item(i)?.dyn_into::<web_sys::Element>().ok()).find(is_passage)
    };
    if let Some(holder) = if is_passage(&block) { Some(block.clone()) } else { item() } {
        mark_words(&holder, &found.text, &found.marks);
    }
}
