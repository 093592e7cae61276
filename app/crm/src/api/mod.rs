//! CRM server functions.

pub mod contacts;
pub mod deals;
pub mod imports;
pub mod setup;
pub mod work;

pub use contacts::*;
pub use deals::*;
pub use imports::*;
pub use setup::*;
pub use work::*;
