//! `prerender STAGING_DIR [PUBLIC_URL]`: renders every known route of the built site to static
//! HTML, with the same components the browser then hydrates. Run by the trunk post_build hook
//! in release builds (scripts/post-build.mjs).
//!
//! It reads the build's own shell (`404.html`, which stays the page for unknown paths) and
//! content (`content/georgia.json`), and writes `<route>/index.html` for each route, with the
//! route's title and description in the head, then the list of routes and their paths in
//! `routes.json` (the benchmarks measure one page of each). A content file that cannot be used
//! fails the build with the reason.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use futures::StreamExt;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use nato_georgia::api::ApiConfig;
use nato_georgia::app::App;
use nato_georgia::content_store::{content_from_json, ContentStore};
use nato_georgia::paths::SitePaths;
use nato_georgia::routes::prerendered;
use nato_georgia::shared_names::{files, marks};
use nato_georgia_content::Content;

/// Where the list of routes is written, beside the pages.
const ROUTE_LIST: &str = "routes.json";

/// The shell with its `<body>` replaced by the rendered app and its own `<title>` removed (the
/// route's comes with the meta tags).
fn page_template(shell: &str, body_html: &str) -> Result<String, String> {
    let body_start = shell.find("<body").ok_or("the shell has no <body>")?;
    let body_open_end = body_start + shell[body_start..].find('>').ok_or("the shell's <body> is not closed")? + 1;
    let body_end = shell.rfind("</body>").ok_or("the shell has no </body>")?;
    let head = &shell[..body_start];
    let title_start = head.find("<title>").ok_or("the shell has no <title>")?;
    let title_end = head.find("</title>").ok_or("the shell's <title> is not closed")? + "</title>".len();
    Ok(format!(
        "{}{}<body {}>{body_html}{}",
        &head[..title_start],
        &head[title_end..],
        marks::PRERENDERED,
        &shell[body_open_end.max(body_end)..]
    ))
}

fn render(path: &str, paths: &SitePaths, content: &Content, shell: &str) -> Result<String, String> {
    let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new())));
    owner.with(|| {
        provide_context(RequestUrl::new(&format!("{}{path}", paths.router_base())));
        let (meta, meta_output) = ServerMetaContext::new();
        provide_context(meta);
        let app = view! {
            <App paths=paths.clone() content=ContentStore::ready(content.clone()) api=ApiConfig { base: "/api".into() } />
        };
        let page = page_template(shell, &app.to_html())?;
        Ok(futures::executor::block_on(async move {
            meta_output.inject_meta_context(futures::stream::iter([page])).await.collect::<String>().await
        }))
    })
}

fn output_path(dir: &Path, route: &str) -> PathBuf {
    dir.join(route.trim_start_matches('/')).join("index.html")
}

fn run(dir: &Path, public_url: &str) -> Result<usize, String> {
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).map_err(|e| format!("cannot read {name}: {e}"));
    let shell = read("404.html")?;
    let content = content_from_json(&read(files::CONTENT)?).map_err(|e| e.to_string())?;
    let paths = SitePaths::new(public_url);
    let routes = prerendered(&content);
    for route in routes.iter().flat_map(|(_, paths)| paths) {
        let html = render(route, &paths, &content, &shell).map_err(|e| format!("{route}: {e}"))?;
        let target = output_path(dir, route);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&target, html).map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    }
    // The routes and their paths, for the benchmarks (bench/measure.mjs).
    let list: Vec<_> =
        routes.iter().map(|(pattern, paths)| serde_json::json!({ "pattern": pattern, "paths": paths })).collect();
    let json = serde_json::to_string_pretty(&list).map_err(|e| e.to_string())?;
    std::fs::write(dir.join(ROUTE_LIST), json).map_err(|e| format!("cannot write {ROUTE_LIST}: {e}"))?;
    Ok(routes.iter().map(|(_, paths)| paths.len()).sum())
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: prerender STAGING_DIR [PUBLIC_URL]");
        return ExitCode::FAILURE;
    };
    let public_url = args.next().unwrap_or_else(|| "/".into());
    let _ = any_spawner::Executor::init_futures_executor();
    match run(&dir, &public_url) {
        Ok(count) => {
            println!("prerendered {count} routes into {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("prerender failed: {error}");
            ExitCode::FAILURE
        }
    }
}
