//! What the email screens and the server exchange: lists, their subscribers and consent,
//! campaigns and their merge fields.

mod block;
mod campaign;
mod domain;
mod list;
mod merge;
mod segment;
mod subscriber;

pub use block::*;
pub use campaign::*;
pub use domain::*;
pub use list::*;
pub use merge::*;
pub use segment::*;
pub use subscriber::*;
