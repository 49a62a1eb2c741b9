//! `prerender STAGING_DIR [PUBLIC_URL] [--development]`: writes every page of the site into the
//! build, run by the trunk post_build hook (scripts/post-build.mjs) on every build.
//!
//! It reads the build's shell (`index.html`) and content (`content/georgia.json`), and writes
//! `<route>/index.html` for each path of each route, `404.html` ("Page not found", which the
//! host serves for any other path), and `routes.json`, the routes and their paths, with
//! whether they are the article's (the benchmarks measure one page of
//! each, against the budget of its kind). A content file that cannot be
//! used fails a release build with the reason; a development build shows the reason on every
//! page instead, so an editor sees it in the browser.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use leptos::prelude::*;
use nato_georgia::pages::not_found::NotFoundPage;
use nato_georgia::render::{error_page, PageMarks, Site};
use nato_georgia::routes::{page, values};
use nato_georgia_content::region_index::RegionIndex;
use nato_georgia_web::content_file::checked_content;
use nato_georgia_web::paths::SitePaths;
use nato_georgia_web::routes::{Bundle, Route};
use nato_georgia_web::shared_names::files;

/// Where the list of routes is written, beside the pages.
const ROUTE_LIST: &str = "routes.json";
/// The page for any path the site does not have.
const NOT_FOUND: &str = "404.html";

fn output_path(dir: &Path, path: &str) -> PathBuf {
    dir.join(path.trim_start_matches('/')).join("index.html")
}

fn write(path: &Path, html: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(path, html).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn run(dir: &Path, public_url: &str, development: bool) -> Result<String, String> {
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).map_err(|e| format!("cannot read {name}: {e}"));
    let shell = read("index.html")?;
    let content = match checked_content(&read(files::CONTENT)?) {
        Ok(content) => Arc::new(content),
        Err(error) if development => {
            let message = error.to_string();
            let html = error_page(&shell, error)?;
            write(&dir.join("index.html"), &html)?;
            write(&dir.join(NOT_FOUND), &html)?;
            return Ok(format!("the content file cannot be used, and every page says so: {message}"));
        }
        Err(error) => return Err(error.to_string()),
    };
    let site =
        Site { index: Arc::new(RegionIndex::build(&content)), content, paths: SitePaths::new(public_url), shell };
    let mut list = Vec::new();
    for route in Route::ALL {
        let mut paths = Vec::new();
        for value in values(route, &site.content, &site.index) {
            let path = route.path(&value);
            let marks = PageMarks { bundle: route.bundle(), return_point: !route.is_account() };
            let html = site.render(Some(&path), marks, || page(route, &value)).map_err(|e| format!("{path}: {e}"))?;
            write(&output_path(dir, &path), &html)?;
            paths.push(path);
        }
        list.push(serde_json::json!({
            "pattern": route.pattern(),
            "paths": paths,
            "article": route.is_article(),
        }));
    }
    let marks = PageMarks { bundle: Bundle::Frame, return_point: false };
    let not_found = site.render(None, marks, || view! { <NotFoundPage /> }.into_any())?;
    write(&dir.join(NOT_FOUND), &not_found)?;
    let json = serde_json::to_string_pretty(&list).map_err(|e| e.to_string())?;
    write(&dir.join(ROUTE_LIST), &json)?;
    let count: usize = list.iter().filter_map(|route| route["paths"].as_array()).map(Vec::len).sum();
    Ok(format!("prerendered {count} pages and {NOT_FOUND} into {}", dir.display()))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let development = args.iter().any(|arg| arg == "--development");
    let mut positional = args.iter().filter(|arg| !arg.starts_with("--"));
    let Some(dir) = positional.next().map(PathBuf::from) else {
        eprintln!("usage: prerender STAGING_DIR [PUBLIC_URL] [--development]");
        return ExitCode::FAILURE;
    };
    let public_url = positional.next().cloned().unwrap_or_else(|| "/".into());
    let _ = any_spawner::Executor::init_futures_executor();
    match run(&dir, &public_url, development) {
        Ok(said) => {
            println!("{said}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("prerender failed: {error}");
            ExitCode::FAILURE
        }
    }
}
