//! Booking server functions.

pub mod bookings;
pub mod hours;
pub mod services;

pub use bookings::*;
pub use hours::*;
pub use services::*;
