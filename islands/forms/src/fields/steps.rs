//! Forms in steps on one route (creating an account, resetting a password): moving to the next
//! step clears the errors of the last one and moves focus to the page heading, which names the
//! new step, so screen reader users hear where they are.

use leptos::prelude::*;

use super::errors::FormErrors;
use nato_georgia_web::dom::focus_page_heading;

/// A function that moves `step` to the step it is given.
pub fn step_changer<S: Send + Sync + 'static>(step: RwSignal<S>, errors: FormErrors) -> impl Fn(S) + Copy {
    move |next| {
        errors.clear();
        step.set(next);
        request_animation_frame(focus_page_heading);
    }
}
