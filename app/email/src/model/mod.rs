//! What the email screens and the server exchange: lists, their subscribers and consent.

mod list;
mod subscriber;

pub use list::*;
pub use subscriber::*;
