//! Where in a JSON text a position is, as a path like `sections[2].heading`.
//!
//! serde_json says on which line and column it stopped; an editor of the content file needs to
//! know which field that is. Tracking the path while deserializing (serde_path_to_error) doubles
//! the deserializer's code in the browser build; reading the text up to the error is enough.

/// One open object or array on the way to the position.
enum Frame {
    /// An object and the key whose value is being read, once its key has been read.
    Object { key: Option<String>, expects_key: bool },
    /// An array and the index of the element being read.
    Array { index: usize },
}

/// The path of the value being read at `line`/`column` (1-based, as serde_json reports them);
/// `.` at the top level.
pub fn path_at(json: &str, line: usize, column: usize) -> String {
    let line_start: usize = json.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    let mut end = (line_start + column).min(json.len());
    while !json.is_char_boundary(end) {
        end -= 1;
    }
    let mut frames: Vec<Frame> = Vec::new();
    let mut chars = json[..end].chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                let text = read_string(&mut chars);
                if let Some(Frame::Object { key, expects_key: expects_key @ true }) = frames.last_mut() {
                    *key = Some(text);
                    *expects_key = false;
                }
            }
            '{' => frames.push(Frame::Object { key: None, expects_key: true }),
            '[' => frames.push(Frame::Array { index: 0 }),
            '}' | ']' => {
                frames.pop();
            }
            ',' => match frames.last_mut() {
                Some(Frame::Object { key, expects_key }) => {
                    *key = None;
                    *expects_key = true;
                }
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
    }
    let mut path = String::new();
    for frame in &frames {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

/// Reads a string's text after its opening quote, up to its closing quote or the end.
fn read_string(chars: &mut std::str::Chars) -> String {
    let mut text = String::new();
    while let Some(c) = chars.next() {
        match c {
            '"' => break,
            '\\' => {
                if let Some(escaped) = chars.next() {
                    text.push(escaped);
                }
            }
            c => text.push(c),
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The path at the end of `json`, on its last line.
    fn path_at_end(json: &str) -> String {
        let line = json.lines().count().max(1);
        let column = json.lines().last().map_or(0, str::len);
        path_at(json, line, column)
    }

    #[test]
    fn names_keys_and_indexes_on_the_way() {
        assert_eq!(path_at_end(r#"{"sections": [{"a": 1}, {"heading": 42"#), "sections[1].heading");
        assert_eq!(path_at_end(r#"{"title": 3"#), "title");
        assert_eq!(path_at_end(r#"{"intro": [1, 2, ["#), "intro[2][0]");
    }

    #[test]
    fn names_a_key_as_soon_as_it_is_read() {
        assert_eq!(path_at_end(r#"{"sections": [{"heading": "S", "colour""#), "sections[0].colour");
    }

    #[test]
    fn names_the_object_after_it_closes() {
        assert_eq!(path_at_end(r#"{"sections": [{"heading": "S"}"#), "sections[0]");
    }

    #[test]
    fn the_top_level_is_a_dot() {
        assert_eq!(path_at_end("{"), ".");
        assert_eq!(path_at_end(""), ".");
        assert_eq!(path_at_end(r#"{"a": 1,"#), ".");
    }

    #[test]
    fn reads_strings_with_escapes_and_brackets_as_text() {
        assert_eq!(path_at_end(r#"{"t\"x": "a}]{[,\\", "b": "#), "b");
        assert_eq!(path_at_end(r#"{"t\"x": 1"#), "t\"x");
    }

    #[test]
    fn never_cuts_a_character_in_two() {
        let json = r#"{"Tbilisi": "თბილისი", "b": 1"#;
        for column in 0..=json.len() + 2 {
            path_at(json, 1, column);
        }
        assert_eq!(path_at(json, 1, 20), "Tbilisi");
    }

    #[test]
    fn counts_lines_and_columns_like_serde_json() {
        let json = "{\n  \"title\": \"T\",\n  \"version\": true\n}";
        let error = serde_json::from_str::<std::collections::BTreeMap<String, String>>(json).unwrap_err();
        assert_eq!(path_at(json, error.line(), error.column()), "version");
    }
}
