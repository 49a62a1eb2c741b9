//! The app mounted in a real browser (wasm-bindgen-test in headless Chromium): rendering from
//! the bundled content, the error page for a content file that cannot be loaded, and the
//! announcement's memory in localStorage.

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use nato_georgia::api::ApiConfig;
use nato_georgia::app::App;
use nato_georgia::content_store::{content_from_json, ContentStore, LoadError};
use nato_georgia::paths::SitePaths;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const CONTENT: &str = include_str!("../public/content/georgia.json");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets the app's effects and tasks run.
async fn settle() {
    for _ in 0..5 {
        let promise = js_sys_promise_after_ms(20);
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

fn js_sys_promise_after_ms(ms: i32) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    })
}

fn mount(store: ContentStore) -> (web_sys::HtmlElement, leptos::mount::UnmountHandle<impl Mountable>) {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(
        host.clone(),
        move || view! { <App paths=SitePaths::new("/") content=store api=ApiConfig { base: "/api".into() } /> },
    );
    (host, handle)
}

fn text_of(host: &web_sys::HtmlElement, selector: &str) -> Option<String> {
    host.query_selector(selector).unwrap().and_then(|element| element.text_content())
}

#[wasm_bindgen_test]
async fn renders_the_bundled_content() {
    let store = ContentStore::ready(content_from_json(CONTENT).unwrap());
    let (host, _handle) = mount(store);
    settle().await;
    assert_eq!(text_of(&host, "main h1").as_deref(), Some("Relations with Georgia"));
    assert_eq!(text_of(&host, "time[datetime='2025-05-09']").as_deref(), Some("09 May 2025"));
    // Overview, the three sections, regions and countries, key dates.
    assert_eq!(host.query_selector_all("nav[aria-label=Site] a").unwrap().length(), 6);
    host.remove();
}

#[wasm_bindgen_test]
async fn a_missing_content_file_shows_the_error_page_with_a_retry() {
    nato_georgia::start::init_executor();
    let store = ContentStore::new("/no-such-content.json".into());
    store.load();
    let (host, _handle) = mount(store);
    settle().await;
    assert_eq!(text_of(&host, "h1").as_deref(), Some("Sorry, the page could not be loaded"));
    let message = text_of(&host, ".what-failed").unwrap();
    assert!(message.starts_with("The server answered 404"), "{message}");
    assert!(host.query_selector("button").unwrap().unwrap().text_content().unwrap().contains("Try again"));
    host.remove();
}

#[wasm_bindgen_test]
fn a_content_file_with_errors_is_refused_with_the_reason() {
    let duplicated = CONTENT.replace("\"id\": \"calls-on-russia\"", "\"id\": \"liaison-office\"");
    match content_from_json(&duplicated) {
        Err(LoadError::Invalid(findings)) => assert!(findings[0].message.contains("used more than once")),
        other => panic!("expected the duplicate id to be refused, got {other:?}"),
    }
    let message = content_from_json("{").unwrap_err().to_string();
    assert!(message.starts_with("The content file is malformed at .: EOF"), "{message}");
}

#[wasm_bindgen_test]
async fn dismissing_the_announcement_is_remembered() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let content = content_from_json(CONTENT).unwrap();
    let (host, handle) = mount(ContentStore::ready(content.clone()));
    settle().await;
    let button: web_sys::HtmlElement =
        host.query_selector(".announcement button").unwrap().expect("the banner shows").unchecked_into();
    button.click();
    settle().await;
    assert!(host.query_selector(".announcement").unwrap().is_none());
    drop(handle);
    host.remove();

    let (host, _handle) = mount(ContentStore::ready(content));
    settle().await;
    assert!(host.query_selector(".announcement").unwrap().is_none(), "the dismissal was forgotten");
    host.remove();
}

#[wasm_bindgen_test]
fn links_carry_the_deployment_base_path() {
    let root = SitePaths::new("/");
    assert_eq!(root.home(), "/");
    assert_eq!(root.section("wider-cooperation"), "/sections/wider-cooperation");
    assert_eq!(root.content_url(), "/content/georgia.json");
    let nested = SitePaths::new("/x/");
    assert_eq!(nested.router_base(), "/x");
    assert_eq!(nested.home(), "/x/");
    assert_eq!(nested.section_anchor("a", "b"), "/x/sections/a#b");
    assert_eq!(nested.content_url(), "/x/content/georgia.json");
}
