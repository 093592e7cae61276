//! What the email screens and the server exchange: lists, their subscribers and consent,
//! campaigns and their merge fields, sequences.

mod block;
mod campaign;
mod domain;
mod list;
mod merge;
mod segment;
mod sequence;
mod sequence_view;
mod subscriber;

pub use block::*;
pub use campaign::*;
pub use domain::*;
pub use list::*;
pub use merge::*;
pub use segment::*;
pub use sequence::*;
pub use sequence_view::*;
pub use subscriber::*;
