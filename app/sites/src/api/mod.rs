//! The sites module's server functions.

mod sites;

pub use sites::*;
