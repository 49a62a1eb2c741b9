//! The search page's bundle: its results and the frame's islands, started as soon as the page
//! has painted.

extern crate nato_georgia_frame;
extern crate nato_georgia_search;

fn main() {
    nato_georgia_web::start();
}
