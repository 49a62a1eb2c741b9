//! A form's errors: per field, plus problems that belong to no field (a network failure). While
//! there are any, the document's title starts with "Error: ", as screen readers announce it.

use leptos::prelude::*;
use nato_georgia_checks::FieldError;

use nato_georgia_web::api::ApiError;
use nato_georgia_web::dom::{self, html_element};

pub const SUMMARY_ID: &str = "error-summary";

#[derive(Debug, Clone, Copy)]
pub struct FormErrors {
    fields: RwSignal<Vec<FieldError>>,
    problem: RwSignal<Option<String>>,
    /// Request fields whose input has another id on this form, as (field, id).
    ids: &'static [(&'static str, &'static str)],
}

/// Moves focus to the error summary once it is on the page.
fn focus_summary() {
    request_animation_frame(|| {
        if let Some(summary) = html_element(&format!("#{SUMMARY_ID}")) {
            let _ = summary.focus();
        }
    });
}

const ERROR_PREFIX: &str = "Error: ";

impl FormErrors {
    pub fn new() -> Self {
        let errors = Self { fields: RwSignal::new(Vec::new()), problem: RwSignal::new(None), ids: &[] };
        let has_any = errors.has_any();
        Effect::new(move |_| {
            let title = dom::title();
            let page = title.strip_prefix(ERROR_PREFIX).unwrap_or(&title);
            let wanted = if has_any.get() { format!("{ERROR_PREFIX}{page}") } else { page.to_owned() };
            if wanted != title {
                dom::set_title(&wanted);
            }
        });
        errors
    }

    /// Errors for a form whose inputs for some request fields have other ids, like
    /// `[("password", "new-password")]`: each error is shown at its input.
    pub fn with_ids(ids: &'static [(&'static str, &'static str)]) -> Self {
        Self { ids, ..Self::new() }
    }

    /// The errors, each named by the id of its input.
    fn at_inputs(&self, mut errors: Vec<FieldError>) -> Vec<FieldError> {
        for error in &mut errors {
            if let Some((_, id)) = self.ids.iter().find(|(field, _)| *field == error.field) {
                error.field = (*id).to_owned();
            }
        }
        errors
    }

    pub fn fields(&self) -> Signal<Vec<FieldError>> {
        self.fields.into()
    }

    pub fn problem(&self) -> Signal<Option<String>> {
        self.problem.into()
    }

    pub fn for_field(&self, field: &'static str) -> Signal<Option<String>> {
        let fields = self.fields;
        Signal::derive(move || fields.read().iter().find(|e| e.field == field).map(|e| e.message.clone()))
    }

    pub fn has_any(&self) -> Signal<bool> {
        let (fields, problem) = (self.fields, self.problem);
        Signal::derive(move || !fields.read().is_empty() || problem.read().is_some())
    }

    pub fn clear(&self) {
        self.fields.set(Vec::new());
        self.problem.set(None);
    }

    /// Shows the browser's own check results; `true` when there were none.
    pub fn check(&self, errors: Vec<FieldError>) -> bool {
        self.problem.set(None);
        let ok = errors.is_empty();
        self.fields.set(self.at_inputs(errors));
        if !ok {
            focus_summary();
        }
        ok
    }

    /// Shows a failed request: the server's field errors like the browser's, anything else as a
    /// problem at the top.
    pub fn show_api_error(&self, error: ApiError) {
        match error {
            ApiError::Fields(errors) => {
                self.problem.set(None);
                self.fields.set(self.at_inputs(errors));
            }
            other => {
                self.fields.set(Vec::new());
                self.problem.set(Some(other.message()));
            }
        }
        focus_summary();
    }
}

impl Default for FormErrors {
    fn default() -> Self {
        Self::new()
    }
}
