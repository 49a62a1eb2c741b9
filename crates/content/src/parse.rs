//! Reading the content file, with errors that say where in the file the problem is.

use std::fmt;

use crate::json_path::path_at;
use crate::model::{Content, CONTENT_VERSION};

/// Why the content file could not be read: the JSON path of the problem and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Where in the file, like `sections[2].subsections[0].heading`; `.` for the whole file.
    pub path: String,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at {}: {}", self.path, self.message)
    }
}

impl std::error::Error for ParseError {}

/// Parses the content file and refuses a format version this code does not know.
pub fn parse(json: &str) -> Result<Content, ParseError> {
    let content: Content = serde_json::from_str(json).map_err(|error| ParseError {
        path: path_at(json, error.line(), error.column()),
        message: error.to_string(),
    })?;
    if content.version != CONTENT_VERSION {
        return Err(ParseError {
            path: "version".into(),
            message: format!(
                "format version {} is not supported; this app reads version {CONTENT_VERSION}",
                content.version
            ),
        });
    }
    Ok(content)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{
        "version": 1, "title": "T", "updated": "2025-05-09",
        "site": {"announcement": "a", "newsletter": "n", "password_reset": "p",
                 "code_resend": "c", "password_rule": "r", "return_to_page": "b"},
        "intro": [{"type": "paragraph", "id": "i", "text": "Intro."}],
        "sections": [{"slug": "s", "heading": "S", "blocks": [], "subsections": []}],
        "place_kinds": [], "places": []
    }"#;

    #[test]
    fn reads_a_minimal_file() {
        let content = parse(MINIMAL).unwrap();
        assert_eq!(content.title, "T");
        assert_eq!(content.sections[0].slug, "s");
    }

    #[test]
    fn names_the_path_of_an_unknown_field() {
        let json = MINIMAL.replace(r#""heading": "S","#, r#""heading": "S", "colour": "red","#);
        let error = parse(&json).unwrap_err();
        assert_eq!(error.path, "sections[0].colour");
        assert!(error.message.contains("unknown field `colour`"), "{error}");
    }

    #[test]
    fn names_the_path_of_a_wrong_type() {
        let json = MINIMAL.replace(r#""title": "T""#, r#""title": 3"#);
        let error = parse(&json).unwrap_err();
        assert_eq!(error.path, "title");
    }

    #[test]
    fn names_the_block_with_a_missing_or_unknown_field() {
        let json = MINIMAL.replace(r#", "text": "Intro.""#, "");
        let error = parse(&json).unwrap_err();
        assert_eq!(error.path, "intro[0]");
        assert!(error.message.contains("missing field `text`"), "{error}");
        let json = MINIMAL.replace(r#""text": "Intro.""#, r#""text": "Intro.", "colour": "red""#);
        assert_eq!(parse(&json).unwrap_err().path, "intro[0].colour");
    }

    #[test]
    fn rejects_a_bad_date_and_an_unknown_version() {
        assert_eq!(parse(&MINIMAL.replace("2025-05-09", "09 May 2025")).unwrap_err().path, "updated");
        let error = parse(&MINIMAL.replace(r#""version": 1"#, r#""version": 2"#)).unwrap_err();
        assert_eq!(error.path, "version");
        assert!(error.message.contains("version 2 is not supported"));
    }

    #[test]
    fn reports_truncated_json() {
        let error = parse(&MINIMAL[..40]).unwrap_err();
        assert!(error.message.contains("EOF"), "{error}");
        assert_eq!(parse("{").unwrap_err().path, ".");
    }
}
