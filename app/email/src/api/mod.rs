//! Email server functions.

pub mod campaigns;
pub mod lists;

pub use campaigns::*;
pub use lists::*;
