//! The bottom tier of the app: what every module shares and nothing depends on a module for.
//! It stays small and stable, because an edit here rebuilds every crate above it.

pub mod error;
pub mod home;
pub mod ids;
pub mod image;
pub mod link;
pub mod money;
pub mod stats;
pub mod text;
pub mod url;
