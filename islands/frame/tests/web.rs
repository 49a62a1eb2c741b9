//! The frame's islands mounted in a real browser (wasm-bindgen-test in headless Chromium): the
//! announcement's "Dismiss" is remembered, keyed by its text, and moves focus to the main
//! content; the account links follow a sign-in announced by another island.

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use nato_georgia_frame::{AccountLinks, Announcement};
use nato_georgia_web::account;
use nato_georgia_web::shared_names::{ids, storage::DISMISSED_ANNOUNCEMENT};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets effects and tasks run.
async fn settle() {
    for _ in 0..5 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

fn host() -> web_sys::HtmlElement {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    host
}

/// The announcement island with its text, which is its children: rendered by the server, so
/// put in place here as the prerendered page has it (before its effects run).
fn announcement(host: &web_sys::HtmlElement, text: &'static str) -> Mounted {
    let mounted = mount(host, || view! { <Announcement>""</Announcement> });
    let banner = host.query_selector(".announcement").unwrap().unwrap();
    let children = document().create_element("p").unwrap();
    children.set_inner_html(&format!(r#"<a href="/account/register">{text}</a>"#));
    banner.prepend_with_node_1(&children).unwrap();
    mounted
}

/// A view mounted as islands run: inside a root with the shared context hydration sets up. It
/// stays until dropped.
struct Mounted(#[allow(dead_code)] Box<dyn std::any::Any>, #[allow(dead_code)] Owner);

fn mount<V: IntoView + 'static>(host: &web_sys::HtmlElement, view: impl FnOnce() -> V + 'static) -> Mounted {
    let root = Owner::new_root(Some(std::sync::Arc::new(hydration_context::HydrateSharedContext::new())));
    let handle = root.with(|| leptos::mount::mount_to(host.clone(), view));
    Mounted(Box::new(handle), root)
}

#[wasm_bindgen_test]
async fn dismissing_the_announcement_is_remembered_for_its_text() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let main = document().create_element("main").unwrap();
    main.set_id(ids::MAIN);
    main.set_attribute("tabindex", "-1").unwrap();
    document().body().unwrap().append_child(&main).unwrap();

    let (first, place) = (host(), host());
    let handle = announcement(&first, "Videos can be downloaded");
    settle().await;
    let banner = first.query_selector(".announcement").unwrap().expect("the banner shows");
    assert!(!banner.has_attribute("hidden"));
    first.query_selector("button").unwrap().unwrap().unchecked_into::<web_sys::HtmlElement>().click();
    settle().await;
    assert!(banner.has_attribute("hidden"), "dismissed");
    assert_eq!(document().active_element().map(|e| e.id()).as_deref(), Some(ids::MAIN), "focus moved on");
    assert_eq!(storage.get_item(DISMISSED_ANNOUNCEMENT).unwrap().as_deref(), Some("Videos can be downloaded"));
    drop(handle);

    let _again = announcement(&place, "Videos can be downloaded");
    let _other = announcement(&first, "A new announcement");
    settle().await;
    assert!(place.query_selector(".announcement").unwrap().unwrap().has_attribute("hidden"), "remembered");
    assert!(first.query_selector(".announcement[hidden]").unwrap().is_none(), "a new text shows");
}

#[wasm_bindgen_test]
async fn the_account_links_follow_a_sign_in_and_out_on_the_page() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    let links = host();
    let _handle = mount(&links, || view! { <AccountLinks /> });
    settle().await;
    assert_eq!(links.query_selector("a").unwrap().unwrap().text_content().as_deref(), Some("Sign in"));
    account::signed_in("reader@example.org");
    settle().await;
    assert!(links.text_content().unwrap().contains("Signed in as reader@example.org"));
    account::signed_out();
    settle().await;
    assert!(links.query_selector("a").unwrap().is_some(), "Sign in again");
}
