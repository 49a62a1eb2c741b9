//! Places and their mentions, computed from the bundled content: the counts a reader of the
//! seed can check by hand.

use nato_georgia_content::region_index::{RegionIndex, RegionQuery, SortOrder};
use nato_georgia_content::{parse, PassageLocation};

const CONTENT: &str = include_str!("../../../public/content/georgia.json");

fn index() -> RegionIndex {
    RegionIndex::build(&parse(CONTENT).unwrap())
}

fn mention_count(index: &RegionIndex, slug: &str) -> usize {
    index.get(slug).unwrap().mentions.len()
}

#[test]
fn every_place_the_article_names_is_listed() {
    let index = index();
    let names: Vec<&str> = index.entries.iter().map(|e| e.place.name.as_str()).collect();
    for expected in
        ["Georgia", "Abkhazia", "South Ossetia", "Russia", "Caucasus", "Central Asia", "Australia", "Jordan", "Ukraine"]
    {
        assert!(names.contains(&expected), "{expected} is missing from {names:?}");
    }
}

#[test]
fn mentions_are_counted_per_passage_from_the_text() {
    let index = index();
    assert_eq!(mention_count(&index, "abkhazia"), 4);
    assert_eq!(mention_count(&index, "south-ossetia"), 4);
    assert_eq!(mention_count(&index, "jordan"), 1);
    assert_eq!(mention_count(&index, "australia"), 1);
    assert_eq!(mention_count(&index, "central-asia"), 1);
    // "Russia’s war on Ukraine" is a heading, not a passage: Ukraine is in two paragraphs.
    assert_eq!(mention_count(&index, "ukraine"), 2);
    assert_eq!(mention_count(&index, "caucasus"), 1);
}

#[test]
fn a_mention_knows_its_section_and_passage_and_where_the_name_stands() {
    let index = index();
    let jordan = &index.get("jordan").unwrap().mentions[0];
    assert_eq!(jordan.block_id, "enhanced-opportunity-partners");
    assert!(
        matches!(&jordan.location, PassageLocation::Section { slug, .. } if slug == "building-capabilities-and-interoperability")
    );
    assert_eq!(&jordan.text[jordan.ranges[0].clone()], "Jordan");
    let caucasus = &index.get("caucasus").unwrap().mentions[0];
    let names: Vec<&str> = caucasus.ranges.iter().map(|r| &caucasus.text[r.clone()]).collect();
    assert_eq!(names, ["Caucasus", "South Caucasus"]);
    let georgia = &index.get("georgia").unwrap().mentions[0];
    assert_eq!(georgia.location, PassageLocation::Intro);
}

#[test]
fn parents_and_children_are_linked_both_ways() {
    let index = index();
    assert_eq!(index.get("abkhazia").unwrap().parent, Some(("georgia".into(), "Georgia".into())));
    let children: Vec<&str> = index.get("georgia").unwrap().children.iter().map(|(_, name)| name.as_str()).collect();
    assert_eq!(children, ["Abkhazia", "South Ossetia"]);
}

#[test]
fn the_filter_ignores_case_and_accents_and_matches_alternative_names() {
    let index = index();
    let list = index.list();
    let names = |query: &RegionQuery| list.select(query).iter().map(|item| item.name.clone()).collect::<Vec<_>>();
    let filter = |text: &str| RegionQuery { filter: text.into(), ..Default::default() };
    assert_eq!(names(&filter("ossétia")), ["South Ossetia"]);
    assert_eq!(names(&filter("  OSS ")), ["South Ossetia"]);
    assert_eq!(names(&filter("south")), ["Caucasus", "South Ossetia"]);
    assert!(names(&filter("atlantis")).is_empty());
    assert_eq!(names(&filter("")).len(), index.entries.len());
}

#[test]
fn kinds_and_sorting_select_and_order_the_list() {
    let index = index();
    let query = RegionQuery { kinds: vec!["partners".into()], sort: SortOrder::Mentions, ..Default::default() };
    let list = index.list();
    let names: Vec<&str> = list.select(&query).iter().map(|item| item.name.as_str()).collect();
    assert_eq!(names, ["Ukraine", "Australia", "Jordan"]);
    let by_name: Vec<&str> = list.select(&RegionQuery::default()).iter().map(|item| item.name.as_str()).collect();
    assert_eq!(by_name.first(), Some(&"Abkhazia"));
    assert_eq!(by_name.last(), Some(&"Ukraine"));
}

#[test]
fn the_query_round_trips_through_the_url() {
    let index = index();
    let query =
        RegionQuery::from_params(Some("ossé tia"), Some("georgia,nowhere,partners"), Some("mentions"), &index.kinds);
    assert_eq!(query.kinds, ["georgia", "partners"]);
    assert_eq!(query.to_query_string(), "?q=oss%C3%A9%20tia&kind=georgia%2Cpartners&sort=mentions");
    assert_eq!(RegionQuery::default().to_query_string(), "");
    let mut toggled = RegionQuery::default();
    toggled.toggle_kind("partners");
    toggled.toggle_kind("georgia");
    toggled.toggle_kind("partners");
    assert_eq!(toggled.kinds, ["georgia"]);
}
