//! Entry point of the browser app: starts it (hydrate or mount). Everything else lives in the
//! library.

fn main() {
    console_error_panic_hook::set_once();
    nato_georgia::start::mount();
}
