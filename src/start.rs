//! Browser start-up: everything that reads the browser happens here, before the first render,
//! so rendering itself stays free of browser calls.

use leptos::prelude::*;

use crate::api::ApiConfig;
use crate::app::App;
use crate::content_store::ContentStore;
use crate::paths::SitePaths;
use crate::prefill::Prefill;
use crate::shared_names::marks;
use wasm_bindgen::JsCast;

/// The deployment's base path, from `<base href>` (trunk writes the public URL there).
fn site_paths_from_document() -> SitePaths {
    let base_uri =
        web_sys::window().and_then(|window| window.document()).and_then(|document| document.base_uri().ok().flatten());
    let pathname = base_uri.and_then(|uri| web_sys::Url::new(&uri).ok()).map(|url| url.pathname()).unwrap_or_default();
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

fn body() -> Option<web_sys::HtmlElement> {
    web_sys::window().and_then(|window| window.document()).and_then(|document| document.body())
}

/// Removes what the page shows before the app runs — the static shell that index.html paints
/// while the wasm downloads, or a prerendered page that cannot be hydrated — and the mark of a
/// prerendered page, which the app now renders itself (the loader stops holding clicks for it).
fn clear_body() {
    if let Some(body) = body() {
        while let Some(child) = body.first_element_child() {
            child.remove();
        }
        let _ = body.remove_attribute(marks::PRERENDERED);
    }
}

/// Whether this page was prerendered at build time (`<body data-prerendered>`), so the app
/// hydrates it instead of rendering from scratch.
fn is_prerendered() -> bool {
    body().is_some_and(|body| body.has_attribute(marks::PRERENDERED))
}

/// The values already typed into the prerendered page's fields, by field id.
fn typed_values() -> Prefill {
    let mut values = Vec::new();
    let fields = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector_all("input[id]").ok());
    for index in 0..fields.as_ref().map_or(0, |f| f.length()) {
        let Some(input) =
            fields.as_ref().and_then(|f| f.item(index)).and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            continue;
        };
        let value =
            if input.type_() == "checkbox" { input.checked().then(|| "true".to_owned()) } else { Some(input.value()) };
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            values.push((input.id(), value));
        }
    }
    Prefill::new(values)
}

/// Marks the page as live, for tests and for styles that need the app running.
fn mark_hydrated() {
    if let Some(body) = body() {
        let _ = body.set_attribute(marks::HYDRATED, "");
    }
}

/// Lets async tasks run in the browser; needed before anything is spawned, which loading the
/// content does before the app mounts. Calling it again is harmless.
pub fn init_executor() {
    let _ = any_spawner::Executor::init_wasm_bindgen();
}

/// Lets the browser handle input between reading the content and hydrating: two shorter tasks
/// instead of one long one that would block the page.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window().is_some_and(|window| window.set_timeout_with_callback(&resolve).is_ok());
        if !scheduled {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Starts the app: hydrates a prerendered page once its content is loaded, or renders the page
/// from scratch in place of the shell.
pub fn mount() {
    init_executor();
    let paths = site_paths_from_document();
    let api = api_config_from_document();
    let content = ContentStore::new(paths.content_url());
    let app = move |prefill: Prefill| move || view! { <App paths=paths.clone() content=content api=api.clone() prefill=prefill.clone() /> };
    if !is_prerendered() {
        content.load();
        clear_body();
        leptos::mount::mount_to_body(app(Prefill::default()));
        return;
    }
    // The prerendered page already shows the content; hydrate it once the app has the same
    // content. If it cannot be loaded, the error page replaces the page, as without prerendering.
    leptos::task::spawn_local(async move {
        if content.fetch().await {
            next_task().await;
            // Asynchronous: a route whose page is a chunk of its own loads it first.
            if let Some(body) = body() {
                leptos::mount::hydrate_from_async(body, app(typed_values())).await.forget();
            }
            mark_hydrated();
        } else {
            clear_body();
            leptos::mount::mount_to_body(app(Prefill::default()));
        }
    });
}
