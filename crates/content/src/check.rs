//! The editors' check of the content: errors make the file unusable, warnings point at gaps.
//!
//! The app refuses content with errors (and shows what is wrong); `check-content` prints both
//! kinds for editors, and the test suite fails on errors. The app runs the check without the
//! warnings ([`check_for_errors`]): finding every place's mentions for them is most of the work,
//! and only editors read warnings.

use std::collections::BTreeSet;
use std::fmt;

use crate::model::{Block, Content};
use crate::places::mentions_by_place;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Where, in words an editor can find: `section "Wider cooperation", block "liaison-tasks"`.
    pub place: String,
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub errors: Vec<Finding>,
    pub warnings: Vec<Finding>,
}

impl Report {
    pub fn is_usable(&self) -> bool {
        self.errors.is_empty()
    }
}

/// A slug or id that is safe in a URL and as an HTML id: lowercase ASCII words joined by `-`.
fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text
            .split('-')
            .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

struct Checker<'a> {
    report: Report,
    ids: BTreeSet<&'a str>,
    with_warnings: bool,
}

impl<'a> Checker<'a> {
    fn error(&mut self, place: &str, message: impl Into<String>) {
        self.report.errors.push(Finding { place: place.into(), message: message.into() });
    }

    fn warning(&mut self, place: &str, message: impl Into<String>) {
        if self.with_warnings {
            self.report.warnings.push(Finding { place: place.into(), message: message.into() });
        }
    }

    fn text(&mut self, place: &str, what: &str, text: &str) {
        if text.trim().is_empty() {
            self.error(place, format!("{what} is empty"));
        } else if text.trim() != text {
            self.error(place, format!("{what} starts or ends with white space"));
        }
    }

    fn id(&mut self, place: &str, id: &'a str) {
        if !is_slug(id) {
            self.error(place, format!("id {id:?} must be lowercase letters, digits and single hyphens"));
        } else if !self.ids.insert(id) {
            self.error(place, format!("id {id:?} is used more than once"));
        }
    }

    fn blocks(&mut self, place: &str, blocks: &'a [Block]) {
        for block in blocks {
            let place = format!("{place}, block \"{}\"", block.id());
            self.id(&place, block.id());
            match block {
                Block::Paragraph { text, .. } => self.text(&place, "the paragraph", text),
                Block::List { lead, items, .. } => {
                    self.text(&place, "the list's lead-in", lead);
                    for item in items {
                        self.text(&place, "a list item", item);
                    }
                    if items.is_empty() {
                        self.warning(
                            &place,
                            format!("the list introduced by {lead:?} has no items; the page shows the lead-in only"),
                        );
                    }
                }
            }
        }
    }
}

/// Errors and warnings, for editors. The warnings that search the whole article (places it
/// never names, years the timeline cannot attach) are made here only, so the browser's check
/// (`check_for_errors`) does not carry their code.
pub fn check(content: &Content) -> Report {
    let mut report = run_check(content, true);
    let mentions = mentions_by_place(content);
    for (place, mentions) in content.places.iter().zip(&mentions) {
        if mentions.is_empty() {
            report.warnings.push(Finding {
                place: format!("place \"{}\"", place.name),
                message: "the article never names this place (check its name and alternative names)".into(),
            });
        }
    }
    for (heading, year) in crate::timeline::unattached_years(content) {
        report.warnings.push(Finding {
            place: format!("heading \"{heading}\""),
            message: format!("names {year}, but no sentence does: the timeline cannot list it"),
        });
    }
    report
}

/// Errors only (the report has no warnings): what decides whether the app can use the content.
pub fn check_for_errors(content: &Content) -> Report {
    run_check(content, false)
}

fn run_check(content: &Content, with_warnings: bool) -> Report {
    let mut checker = Checker { report: Report::default(), ids: BTreeSet::new(), with_warnings };
    checker.text("title", "the title", &content.title);
    let site = &content.site;
    for (name, text) in [
        ("announcement", &site.announcement),
        ("newsletter", &site.newsletter),
        ("password_reset", &site.password_reset),
        ("code_resend", &site.code_resend),
        ("password_rule", &site.password_rule),
        ("return_to_page", &site.return_to_page),
    ] {
        checker.text(&format!("site.{name}"), "the text", text);
    }
    if content.intro.is_empty() {
        checker.error("intro", "the introduction has no text");
    }
    checker.blocks("intro", &content.intro);
    if content.sections.is_empty() {
        checker.error("sections", "there are no sections");
    }
    for section in &content.sections {
        let place = format!("section \"{}\"", section.heading);
        checker.text(&place, "the heading", &section.heading);
        checker.id(&place, &section.slug);
        checker.blocks(&place, &section.blocks);
        for subsection in &section.subsections {
            let place = format!("{place}, subsection \"{}\"", subsection.heading);
            checker.text(&place, "the heading", &subsection.heading);
            checker.id(&place, &subsection.id);
            checker.blocks(&place, &subsection.blocks);
            if subsection.blocks.is_empty() {
                checker.warning(&place, "the subsection has a heading and no text");
            }
        }
        if section.all_blocks().next().is_none() {
            checker.warning(&place, "the section has a heading and no text; its page says so");
        }
    }
    check_places(&mut checker, content);
    checker.report
}

/// Places: unique slugs, known kinds and parents, a description quoted from the article, and
/// at least one mention (a place the text never names is probably misspelt).
fn check_places(checker: &mut Checker<'_>, content: &Content) {
    let article: Vec<&str> = crate::sentences::article_lines_of(content);
    let mut slugs = BTreeSet::new();
    for kind in &content.place_kinds {
        checker.text(&format!("place kind \"{}\"", kind.id), "the name", &kind.name);
    }
    for place in &content.places {
        let where_ = format!("place \"{}\"", place.name);
        if !is_slug(&place.slug) {
            checker
                .error(&where_, format!("slug {:?} must be lowercase letters, digits and single hyphens", place.slug));
        } else if !slugs.insert(place.slug.as_str()) {
            checker.error(&where_, format!("slug {:?} is used more than once", place.slug));
        }
        checker.text(&where_, "the name", &place.name);
        if content.place_kind(&place.kind).is_none() {
            checker.error(&where_, format!("kind {:?} is not one of place_kinds", place.kind));
        }
        if let Some(parent) = &place.parent {
            if parent == &place.slug || content.place(parent).is_none() {
                checker.error(&where_, format!("parent {parent:?} is not another place's slug"));
            }
        }
        if !article.iter().any(|text| text.contains(place.description.as_str())) || place.description.is_empty() {
            checker.error(&where_, "the description must be quoted word for word from the article");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse;

    fn sample() -> Content {
        parse(
            r#"{
            "version": 1, "title": "T", "updated": "2025-05-09",
            "site": {"announcement": "a", "newsletter": "n", "password_reset": "p",
                     "code_resend": "c", "password_rule": "r", "return_to_page": "b"},
            "intro": [{"type": "paragraph", "id": "intro", "text": "Intro."}],
            "sections": [{"slug": "one", "heading": "One", "subsections": [], "blocks": [
                {"type": "paragraph", "id": "one-a", "text": "A."},
                {"type": "list", "id": "one-b", "lead": "It includes:", "items": []}
            ]}],
            "place_kinds": [], "places": []
        }"#,
        )
        .unwrap()
    }

    #[test]
    fn an_empty_list_is_a_warning_not_an_error() {
        let report = check(&sample());
        assert!(report.is_usable(), "{:?}", report.errors);
        assert_eq!(report.warnings.len(), 1);
        assert!(report.warnings[0].message.contains("\"It includes:\" has no items"));
    }

    #[test]
    fn duplicate_and_malformed_ids_are_errors() {
        let mut content = sample();
        content.sections[0].slug = "intro".into();
        content.intro[0] = Block::Paragraph { id: "Bad Id".into(), text: "x".into() };
        let messages: Vec<String> = check(&content).errors.iter().map(|e| e.message.clone()).collect();
        assert!(messages.iter().any(|m| m.contains("\"Bad Id\" must be lowercase")), "{messages:?}");
        content.intro[0] = Block::Paragraph { id: "intro".into(), text: "x".into() };
        let messages: Vec<String> = check(&content).errors.iter().map(|e| e.message.clone()).collect();
        assert!(messages.iter().any(|m| m.contains("used more than once")), "{messages:?}");
    }

    #[test]
    fn empty_texts_and_sections_are_reported() {
        let mut content = sample();
        content.title = " ".into();
        content.sections[0].blocks.clear();
        let report = check(&content);
        assert!(report.errors.iter().any(|e| e.place == "title"));
        assert!(report.warnings.iter().any(|w| w.message.contains("heading and no text")));
    }

    #[test]
    fn a_place_the_article_never_names_is_a_warning() {
        let mut content = sample();
        content.place_kinds.push(crate::PlaceKind { id: "k".into(), name: "Kind".into() });
        content.sections[0].blocks[0] = Block::Paragraph { id: "one-a".into(), text: "In Abkhazia.".into() };
        let place = |slug: &str, name: &str, description: &str| crate::Place {
            slug: slug.into(),
            name: name.into(),
            kind: "k".into(),
            parent: None,
            iso_code: None,
            alternative_names: vec![],
            description: description.into(),
        };
        content.places = vec![place("abkhazia", "Abkhazia", "In Abkhazia."), place("ossetia", "Ossetia", "Intro.")];
        let report = check(&content);
        assert!(report.is_usable(), "{:?}", report.errors);
        let unnamed: Vec<&str> = report
            .warnings
            .iter()
            .filter(|w| w.message.contains("never names this place"))
            .map(|w| w.place.as_str())
            .collect();
        assert_eq!(unnamed, ["place \"Ossetia\""]);
        assert!(check_for_errors(&content).warnings.is_empty());
    }

    #[test]
    fn the_apps_check_finds_the_same_errors_and_no_warnings() {
        let mut content = sample();
        assert_eq!(check_for_errors(&content), Report::default());
        content.title = " ".into();
        let full = check(&content);
        let errors_only = check_for_errors(&content);
        assert_eq!(errors_only.errors, full.errors);
        assert!(errors_only.warnings.is_empty() && !full.warnings.is_empty());
    }
}
