//! What a visitor typed into a prerendered form before the app took over. Hydration sets each
//! field from the app's state, which would erase it; so start-up reads the fields first (a
//! browser call, before rendering) and the form fields take their values from here.

use std::sync::{Arc, Mutex};

#[derive(Debug, Clone, Default)]
pub struct Prefill(Arc<Mutex<Vec<(String, String)>>>);

impl Prefill {
    pub fn new(values: Vec<(String, String)>) -> Self {
        Self(Arc::new(Mutex::new(values)))
    }

    /// The value typed into the field with this id, once.
    pub fn take(&self, id: &str) -> Option<String> {
        let mut values = self.0.lock().ok()?;
        let index = values.iter().position(|(field, _)| field == id)?;
        Some(values.swap_remove(index).1)
    }
}
