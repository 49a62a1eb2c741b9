//! The bundled content file against the seed it was made from: every sentence, word for word,
//! in the seed's order, and nothing else; and the file passes the editors' check.

use nato_georgia_content::{article_lines, check, differences, parse, sentences, site_lines};

const CONTENT: &str = include_str!("../../../public/content/georgia.json");
const SEED: &str = include_str!("../../../tests/seed/georgia.txt");

#[test]
fn every_seed_sentence_is_in_the_content_in_order_and_unchanged() {
    let content = parse(CONTENT).expect("the bundled content parses");
    let lines: Vec<String> = site_lines(&content).into_iter().chain(article_lines(&content)).collect();
    let actual: Vec<&str> = lines.iter().flat_map(|line| sentences(line)).collect();
    let expected: Vec<&str> = SEED.lines().flat_map(sentences).collect();
    let found = differences(&expected, &actual);
    assert!(found.is_empty(), "the content differs from the seed:\n{}", found.join("\n"));
    assert_eq!(lines, SEED.lines().collect::<Vec<_>>(), "same sentences, but split into other lines");
}

#[test]
fn the_bundled_content_has_no_errors_and_warns_about_each_gap() {
    let report = check(&parse(CONTENT).unwrap());
    assert!(report.is_usable(), "{:#?}", report.errors);
    let warned: Vec<&str> = report.warnings.iter().map(|w| w.place.as_str()).collect();
    assert_eq!(
        warned,
        [
            "intro, block \"cooperation-includes\"",
            "section \"Building capabilities and interoperability\", subsection \"Substantial NATO-Georgia Package (SNGP)\", block \"sngp-objectives\"",
            "section \"Support for NATO-led operations\"",
            "section \"Wider cooperation\", block \"liaison-office-tasks\"",
        ]
    );
}

#[test]
fn the_content_describes_the_page_as_published() {
    let content = parse(CONTENT).unwrap();
    assert_eq!(content.title, "Relations with Georgia");
    assert_eq!(content.updated.to_string(), "2025-05-09");
    let headings: Vec<&str> = content.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        ["Building capabilities and interoperability", "Support for NATO-led operations", "Wider cooperation"]
    );
}
