//! Email server functions.

pub mod campaigns;
pub mod content;
pub mod lists;

pub use campaigns::*;
pub use content::*;
pub use lists::*;
