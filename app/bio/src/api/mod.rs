//! Bio server functions.

pub mod pages;
pub mod stats;

pub use pages::*;
pub use stats::*;
