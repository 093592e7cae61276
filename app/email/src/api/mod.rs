//! Email server functions.

pub mod lists;

pub use lists::*;
