//! The forms' bundle: the newsletter and account forms and the frame's islands, started as soon
//! as the page has painted.

extern crate nato_georgia_forms;
extern crate nato_georgia_frame;

fn main() {
    nato_georgia_web::start();
}
