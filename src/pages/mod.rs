//! One module per page. The forms' pages are their islands (`islands/forms`), with the page's
//! head written here.

pub mod forms;
pub mod home;
pub mod not_found;
pub mod region;
pub mod regions;
pub mod search;
pub mod section;
pub mod timeline;
