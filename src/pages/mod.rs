//! One module per route.

pub mod account;
pub mod home;
pub mod newsletter;
pub mod not_found;
pub mod region;
pub mod regions;
pub mod search;
pub mod section;
pub mod timeline;
