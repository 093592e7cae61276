//! What the email screens and the server exchange: lists, their subscribers and consent,
//! campaigns and their merge fields.

mod block;
mod campaign;
mod list;
mod merge;
mod subscriber;

pub use block::*;
pub use campaign::*;
pub use list::*;
pub use merge::*;
pub use subscriber::*;
