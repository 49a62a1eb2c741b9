//! The region list's bundle: its filter and the frame's islands, started as soon as the page
//! has painted (the list is what the page is for).

extern crate nato_georgia_frame;
extern crate nato_georgia_regions;

fn main() {
    nato_georgia_web::start();
}
