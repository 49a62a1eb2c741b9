//! Writes the names the app shares with its loader, its stylesheet and its tests
//! (`shared-names.json`, their one definition) as Rust constants: `shared_names::storage::ACCOUNT_EMAIL`.

use std::collections::BTreeMap;

const SOURCE: &str = "shared-names.json";

/// `accountEmail` as `ACCOUNT_EMAIL`.
fn constant_name(name: &str) -> String {
    name.chars().fold(String::new(), |mut out, c| {
        if c.is_uppercase() {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
        out
    })
}

fn main() {
    println!("cargo::rerun-if-changed={SOURCE}");
    let text = std::fs::read_to_string(SOURCE).unwrap_or_else(|e| panic!("cannot read {SOURCE}: {e}"));
    let groups: BTreeMap<String, BTreeMap<String, String>> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{SOURCE} is not groups of names: {e}"));
    let mut rust = String::new();
    for (group, names) in groups {
        rust.push_str(&format!("pub mod {group} {{\n"));
        for (name, value) in names {
            rust.push_str(&format!("    pub const {}: &str = {value:?};\n", constant_name(&name)));
        }
        rust.push_str("}\n");
    }
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("shared_names.rs");
    std::fs::write(&out, rust).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
