//! The prerenderer, run as the post-build hook runs it, on a build folder of the test's own: a
//! usable content file makes every page, "Page not found" and the list of routes; one it cannot
//! use fails a release build with the reason, and makes every page of a development build say
//! what is wrong.

use std::path::Path;
use std::process::{Command, Output};

const CONTENT: &str = include_str!("../public/content/georgia.json");
const SHELL: &str =
    r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Shell</title></head><body></body></html>"#;

fn build_folder(content: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("index.html"), SHELL).unwrap();
    std::fs::create_dir(dir.path().join("content")).unwrap();
    std::fs::write(dir.path().join("content/georgia.json"), content).unwrap();
    dir
}

fn prerender(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_prerender")).arg(dir).args(args).output().unwrap()
}

fn page(dir: &Path, path: &str) -> String {
    std::fs::read_to_string(dir.join(path)).unwrap()
}

#[test]
fn a_usable_content_file_makes_every_page() {
    let dir = build_folder(CONTENT);
    let output = prerender(dir.path(), &["/x/"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let home = page(dir.path(), "index.html");
    assert!(home.contains("<title>Relations with Georgia</title>"), "{home}");
    assert!(home.contains(r#"<a href="/x/" aria-current="page">Overview</a>"#), "links carry the base");
    let section = page(dir.path(), "sections/wider-cooperation/index.html");
    assert!(section.contains("<title>Wider cooperation — Relations with Georgia</title>"));
    assert!(section.contains(r#"<body data-bundle="frame" data-return-point>"#));
    let not_found = page(dir.path(), "404.html");
    assert!(not_found.contains("Page not found") && not_found.contains(r##"href="#main""##), "{not_found}");
    let routes: serde_json::Value = serde_json::from_str(&page(dir.path(), "routes.json")).unwrap();
    assert_eq!(routes.as_array().unwrap().len(), 10);
    assert!(!home.contains("<!>"), "no bare hydration markers");
}

#[test]
fn a_release_build_refuses_a_content_file_with_errors_and_says_where() {
    let dir = build_folder(&CONTENT.replacen(r#""title": "#, r#""title": 42, "was": "#, 1));
    let output = prerender(dir.path(), &["/"]);
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("The content file is malformed at title: invalid type: integer `42`"), "{said}");
    assert_eq!(page(dir.path(), "index.html"), SHELL, "nothing is written");
}

#[test]
fn a_development_build_shows_what_is_wrong_on_every_page() {
    let duplicated = CONTENT.replace(r#""id": "calls-on-russia""#, r#""id": "liaison-office""#);
    let dir = build_folder(&duplicated);
    let output = prerender(dir.path(), &["/", "--development"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    for file in ["index.html", "404.html"] {
        let html = page(dir.path(), file);
        assert!(html.contains("Sorry, the page could not be made"), "{html}");
        assert!(html.contains("used more than once"), "{html}");
        assert!(html.contains("<title>Error: the content file cannot be used</title>"));
    }
}
