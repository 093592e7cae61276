//! Email server functions.

pub mod campaigns;
pub mod content;
pub mod domain;
pub mod lists;
pub mod segments;
pub mod sequences;
pub mod suppressions;

pub use campaigns::*;
pub use content::*;
pub use domain::*;
pub use lists::*;
pub use segments::*;
pub use sequences::*;
pub use suppressions::*;
