//! The key dates' bundle: the section filter and the frame's islands. The loader starts it when
//! the visitor reaches for the filter, or at once for a link that names a section.

extern crate nato_georgia_frame;
extern crate nato_georgia_timeline;

fn main() {
    nato_georgia_web::start();
}
