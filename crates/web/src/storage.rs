//! The browser's storage (localStorage, sessionStorage), used only from effects and event
//! handlers: a storage the browser refuses (a private window, a setting) reads as empty.

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

pub fn local() -> Option<web_sys::Storage> {
    window().and_then(|window| window.local_storage().ok().flatten())
}

pub fn session() -> Option<web_sys::Storage> {
    window().and_then(|window| window.session_storage().ok().flatten())
}

pub fn get(storage: Option<web_sys::Storage>, key: &str) -> Option<String> {
    storage.and_then(|storage| storage.get_item(key).ok().flatten())
}

pub fn set(storage: Option<web_sys::Storage>, key: &str, value: &str) {
    if let Some(storage) = storage {
        let _ = storage.set_item(key, value);
    }
}

pub fn remove(storage: Option<web_sys::Storage>, key: &str) {
    if let Some(storage) = storage {
        let _ = storage.remove_item(key);
    }
}
