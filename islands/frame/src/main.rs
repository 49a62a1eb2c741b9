//! The bundle of the pages whose only islands are the frame's: the article, the region pages,
//! "Page not found". The loader starts it when the visitor first reaches for one of them.

extern crate nato_georgia_frame;

fn main() {
    nato_georgia_web::start();
}
