//! Writes the words a guesser of this site knows (`site_words.rs`): NATO, the page's title, and
//! the places of its region list with their alternative names, read from the bundled
//! content file so that they follow it. Each is lowercase letters; a name of several words gives
//! each word and the words run together ("south", "ossetia", "southossetia").
//!
//! The content file is read leniently: a file the content checks would refuse still builds (the
//! prerenderer then shows what is wrong), with the words it does hold.

use std::collections::BTreeSet;

const CONTENT: &str = "../../public/content/georgia.json";

/// A name's words shorter than this ("of") are not worth a guesser's try.
const SHORTEST: usize = 3;

fn letters(word: &str) -> String {
    word.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect()
}

/// A name's words, and all of them run together.
fn name_words(name: &str) -> Vec<String> {
    let words: Vec<String> = name.split_whitespace().map(letters).collect();
    let joined = words.concat();
    words.into_iter().chain([joined]).filter(|w| w.chars().count() >= SHORTEST).collect()
}

fn main() {
    println!("cargo::rerun-if-changed={CONTENT}");
    let content: serde_json::Value =
        std::fs::read_to_string(CONTENT).ok().and_then(|text| serde_json::from_str(&text).ok()).unwrap_or_else(|| {
            println!("cargo::warning={CONTENT} cannot be read as JSON: the site's words are only “nato”");
            serde_json::Value::Null
        });
    let mut words = BTreeSet::from(["nato".to_owned()]);
    if let Some(title) = content["title"].as_str() {
        words.extend(name_words(title));
    }
    for place in content["places"].as_array().into_iter().flatten() {
        let alternatives = place["alternative_names"].as_array().into_iter().flatten();
        for name in std::iter::once(&place["name"]).chain(alternatives).filter_map(serde_json::Value::as_str) {
            words.extend(name_words(name));
        }
    }
    let rust = format!("pub const SITE_WORDS: &[&str] = &{:?};\n", words.into_iter().collect::<Vec<_>>());
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("site_words.rs");
    std::fs::write(&out, rust).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
