//! How a [`Block`] reads from JSON: `{"type": "paragraph", "id", "text"}` or
//! `{"type": "list", "id", "lead", "items"}`.
//!
//! Written by hand rather than derived as an internally tagged enum: serde buffers such an enum
//! before it reads it, so a mistake inside a block was reported after the whole list (the wrong
//! place in the file), and the buffering code weighed on the browser build.

use std::fmt;

use serde::de::{Deserialize, Deserializer, Error, MapAccess, Visitor};

use crate::model::Block;

const FIELDS: &[&str] = &["type", "id", "text", "lead", "items"];
const PARAGRAPH_FIELDS: &[&str] = &["type", "id", "text"];
const LIST_FIELDS: &[&str] = &["type", "id", "lead", "items"];
const TYPES: &[&str] = &["paragraph", "list"];

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(BlockVisitor)
    }
}

struct BlockVisitor;

impl<'de> Visitor<'de> for BlockVisitor {
    type Value = Block;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a paragraph or a list")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Block, A::Error> {
        let (mut kind, mut id, mut text, mut lead, mut items) = (None::<String>, None, None, None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "type" => read_once(&mut map, &mut kind, "type")?,
                "id" => read_once(&mut map, &mut id, "id")?,
                "text" => read_once(&mut map, &mut text, "text")?,
                "lead" => read_once(&mut map, &mut lead, "lead")?,
                "items" => read_once(&mut map, &mut items, "items")?,
                other => return Err(A::Error::unknown_field(other, FIELDS)),
            }
        }
        let id = id.ok_or_else(|| A::Error::missing_field("id"))?;
        match kind.as_deref() {
            Some("paragraph") => {
                refuse(lead.is_some(), "lead", PARAGRAPH_FIELDS)?;
                refuse(items.is_some(), "items", PARAGRAPH_FIELDS)?;
                Ok(Block::Paragraph { id, text: text.ok_or_else(|| A::Error::missing_field("text"))? })
            }
            Some("list") => {
                refuse(text.is_some(), "text", LIST_FIELDS)?;
                Ok(Block::List {
                    id,
                    lead: lead.ok_or_else(|| A::Error::missing_field("lead"))?,
                    items: items.ok_or_else(|| A::Error::missing_field("items"))?,
                })
            }
            Some(other) => Err(A::Error::unknown_variant(other, TYPES)),
            None => Err(A::Error::missing_field("type")),
        }
    }
}

/// Reads a field's value, refusing a field given twice (as the derived readers do).
fn read_once<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    field: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(A::Error::duplicate_field(field));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

/// A field that belongs to the other kind of block is as wrong as an unknown one.
fn refuse<E: Error>(present: bool, field: &str, expected: &'static [&'static str]) -> Result<(), E> {
    if present {
        Err(E::unknown_field(field, expected))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<Block, String> {
        serde_json::from_str(json).map_err(|error| error.to_string())
    }

    #[test]
    fn reads_both_kinds_in_any_field_order() {
        assert_eq!(
            read(r#"{"id": "p", "type": "paragraph", "text": "T."}"#),
            Ok(Block::Paragraph { id: "p".into(), text: "T.".into() })
        );
        assert_eq!(
            read(r#"{"type": "list", "id": "l", "lead": "L:", "items": ["a", "b"]}"#),
            Ok(Block::List { id: "l".into(), lead: "L:".into(), items: vec!["a".into(), "b".into()] })
        );
    }

    #[test]
    fn round_trips_with_the_derived_serializer() {
        let block = Block::List { id: "l".into(), lead: "L:".into(), items: vec![] };
        assert_eq!(read(&serde_json::to_string(&block).unwrap()), Ok(block));
    }

    #[test]
    fn names_what_is_wrong() {
        let error = read(r#"{"type": "paragraph", "id": "p"}"#).unwrap_err();
        assert!(error.starts_with("missing field `text`"), "{error}");
        let error = read(r#"{"type": "table", "id": "t"}"#).unwrap_err();
        assert!(error.starts_with("unknown variant `table`, expected `paragraph` or `list`"), "{error}");
        let error = read(r#"{"type": "paragraph", "id": "p", "text": "T.", "colour": "red"}"#).unwrap_err();
        assert!(error.starts_with("unknown field `colour`"), "{error}");
        let error = read(r#"{"type": "paragraph", "id": "p", "text": "T.", "items": []}"#).unwrap_err();
        assert!(error.starts_with("unknown field `items`"), "{error}");
        assert!(read(r#"{"id": "p", "text": "T."}"#).unwrap_err().starts_with("missing field `type`"));
        let error = read(r#"{"type": "paragraph", "id": "p", "text": "T.", "text": "U."}"#).unwrap_err();
        assert!(error.starts_with("duplicate field `text`"), "{error}");
        assert!(read(r#"{"type": "list", "id": "l", "lead": 3, "items": []}"#)
            .unwrap_err()
            .starts_with("invalid type"));
    }
}
