//! One way to submit a form. A page says how its request is built from what was typed, and what
//! happens once the API accepts it; [`Form`] does the rest: no page load and no second request
//! while one is on its way, the request's own checks (the same as the server's) with the error
//! summary focused, the API's refusal shown the same way, and "Sending…" in between.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use nato_georgia_checks::requests::ApiRequest;
use nato_georgia_checks::strength::Strength;

use super::errors::FormErrors;
use nato_georgia_web::api::ApiConfig;

#[derive(Clone, Copy)]
pub struct Form {
    pub errors: FormErrors,
    /// A request is on its way.
    pub busy: RwSignal<bool>,
    /// How often the form was submitted: some hints speak only after a first try.
    pub submitted: RwSignal<u32>,
    /// The estimate of the new password the form chooses, from its password field.
    pub strength: RwSignal<Option<Strength>>,
}

/// A form with errors of its own.
pub fn use_form() -> Form {
    use_form_with(FormErrors::new())
}

/// A form that shows its errors in `errors` (one step of a page that shares them).
pub fn use_form_with(errors: FormErrors) -> Form {
    Form { errors, busy: RwSignal::new(false), submitted: RwSignal::new(0), strength: RwSignal::new(None) }
}

impl Form {
    /// The form's submit handler: builds the request, checks it, sends it, and hands it to
    /// `done` once the API has accepted it.
    pub fn on_submit<R: ApiRequest + 'static>(
        self,
        build: impl Fn() -> R + Clone + 'static,
        done: impl Fn(R) + Clone + 'static,
    ) -> impl Fn(SubmitEvent) + Clone + 'static {
        move |event: SubmitEvent| {
            event.prevent_default();
            if self.busy.get_untracked() {
                return;
            }
            self.submitted.update(|count| *count += 1);
            let request = build();
            if !self.errors.check(request.validate(self.strength.get_untracked().as_ref())) {
                return;
            }
            self.busy.set(true);
            let (api, done) = (ApiConfig::from_document(), done.clone());
            leptos::task::spawn_local(async move {
                let result = api.send(&request).await;
                self.busy.set(false);
                match result {
                    Ok(()) => done(request),
                    Err(error) => self.errors.show_api_error(error),
                }
            });
        }
    }
}
