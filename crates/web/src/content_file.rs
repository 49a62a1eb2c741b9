//! The content file, read as a whole by the prerenderer, which makes every page from it and
//! refuses a file with errors (a development build shows them on its pages instead). Every
//! failure says what is wrong, in words the site's editor can act on.

use std::fmt;

use nato_georgia_content::{parse, Content, Finding, ParseError};

/// Why the content cannot be used, in words the site's editor can act on.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    Malformed(ParseError),
    Invalid(Vec<Finding>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Malformed(error) => write!(f, "The content file is malformed {error}."),
            LoadError::Invalid(findings) => {
                write!(f, "The content file has errors: ")?;
                let list: Vec<String> = findings.iter().map(ToString::to_string).collect();
                write!(f, "{}.", list.join("; "))
            }
        }
    }
}

/// Parses a content file and refuses one with errors: the prerenderer's check, so that every
/// page is made from a usable file.
pub fn checked_content(json: &str) -> Result<Content, LoadError> {
    let content = parse(json).map_err(LoadError::Malformed)?;
    let report = nato_georgia_content::check_for_errors(&content);
    if !report.is_usable() {
        return Err(LoadError::Invalid(report.errors));
    }
    Ok(content)
}
