//! The names the site shares with its loader (src/loader.js), its stylesheet and its tests:
//! storage keys, the marks on `<html>`, `<body>` and islands, ids, events. Defined once, in
//! `crates/web/shared-names.json`; the build script writes them here as constants, the
//! post-build hook gives them to the loader, and the tests read the file.

include!(concat!(env!("OUT_DIR"), "/shared_names.rs"));
