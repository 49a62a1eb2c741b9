//! Browser start-up: everything that reads the browser happens here, before the first render,
//! so rendering itself stays free of browser calls.

use leptos::prelude::*;

use crate::api::ApiConfig;
use crate::app::App;
use crate::content_store::ContentStore;
use crate::paths::SitePaths;

/// The deployment's base path, from `<base href>` (trunk writes the public URL there).
fn site_paths_from_document() -> SitePaths {
    let base_uri = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten());
    let pathname = base_uri
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    SitePaths::new(&pathname)
}

/// The API's base URL from `<meta name="api-base" content="/api">` in index.html, so a deployer
/// can point the forms elsewhere without rebuilding; `/api` when absent.
fn api_config_from_document() -> ApiConfig {
    let base = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector("meta[name='api-base']").ok().flatten())
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|base| !base.trim().is_empty())
        .unwrap_or_else(|| "/api".to_owned());
    ApiConfig { base }
}

/// Removes the static app shell that index.html paints while the wasm downloads.
fn remove_app_shell() {
    if let Some(shell) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("app-shell"))
    {
        shell.remove();
    }
}

/// Lets async tasks run in the browser; needed before anything is spawned, which loading the
/// content does before the app mounts. Calling it again is harmless.
pub fn init_executor() {
    let _ = any_spawner::Executor::init_wasm_bindgen();
}

/// Starts loading the content and mounts the app in place of the shell.
pub fn mount() {
    init_executor();
    let paths = site_paths_from_document();
    let api = api_config_from_document();
    let content = ContentStore::new(paths.content_url());
    content.load();
    remove_app_shell();
    leptos::mount::mount_to_body(move || view! { <App paths=paths.clone() content=content api=api.clone() /> });
}
