//! A booking as the owner's screens show it.

use serde::{Deserialize, Serialize};

/// Where a booking stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    /// A visitor chose the time and is filling in the form; it keeps the seat for a few
    /// minutes.
    Held,
    /// Booked.
    Confirmed,
    /// Cancelled by the visitor or a member.
    Cancelled,
    /// The visitor did not come.
    NoShow,
}

impl BookingStatus {
    /// Stable key, as stored.
    pub fn key(self) -> &'static str {
        match self {
            BookingStatus::Held => "held",
            BookingStatus::Confirmed => "confirmed",
            BookingStatus::Cancelled => "cancelled",
            BookingStatus::NoShow => "no_show",
        }
    }

    /// Label shown to people.
    pub fn label(self) -> &'static str {
        match self {
            BookingStatus::Held => "Being booked",
            BookingStatus::Confirmed => "Confirmed",
            BookingStatus::Cancelled => "Cancelled",
            BookingStatus::NoShow => "No-show",
        }
    }
}

/// One booking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingView {
    /// Id.
    pub id: String,
    /// Its service.
    pub service_id: String,
    /// The service's name.
    pub service_name: String,
    /// The member hosting it.
    pub host_id: String,
    /// Start, RFC 3339 UTC.
    pub start: String,
    /// End, RFC 3339 UTC.
    pub end: String,
    /// Start as the workspace's clock reads it: `Mon 7 Dec, 09:30`.
    pub when: String,
    /// Length in minutes.
    pub minutes: u32,
    /// Status.
    pub status: BookingStatus,
    /// Who booked.
    pub name: String,
    /// Their address.
    pub email: String,
    /// Their answers: (question, answer).
    pub answers: Vec<(String, String)>,
}

/// A page of bookings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingsView {
    /// Bookings in time order.
    pub bookings: Vec<BookingView>,
    /// Whether the caller may change them.
    pub can_edit: bool,
    /// The workspace's time zone, in which `when` is written.
    pub time_zone: String,
}
