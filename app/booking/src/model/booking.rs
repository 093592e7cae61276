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
    /// Local date on the workspace's clock, `YYYY-MM-DD`.
    pub day: String,
    /// Local start time, `09:30`.
    pub time: String,
    /// Length in minutes.
    pub minutes: u32,
    /// Status.
    pub status: BookingStatus,
    /// What was paid ("EUR 25.00"), given back ("EUR 25.00 refunded") or owed back ("… to
    /// refund"); empty for free bookings.
    pub paid: String,
    /// Who booked.
    pub name: String,
    /// Their address.
    pub email: String,
    /// Their answers: (question, answer).
    pub answers: Vec<(String, String)>,
}

/// The owner's form for a booking they make themselves.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManualForm {
    /// The service.
    #[serde(default)]
    pub service_id: String,
    /// Start on the workspace's clock, `YYYY-MM-DDTHH:MM` (a date and time field).
    #[serde(default)]
    pub start: String,
    /// Who.
    #[serde(default)]
    pub name: String,
    /// Their address.
    #[serde(default)]
    pub email: String,
}

/// One day of the owner's calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarDay {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// "Mon".
    pub weekday: String,
    /// "7".
    pub number: String,
    /// Whether it belongs to the month shown (month view).
    pub in_range: bool,
    /// Whether it is today on the workspace's clock.
    pub today: bool,
    /// Its bookings (not holds, cancelled ones included), in time order.
    pub bookings: Vec<BookingView>,
}

/// The owner's calendar around a date: a day, a week (Monday first) or a month's weeks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarView {
    /// `day`, `week` or `month`.
    pub view: String,
    /// "December 2026", "7–13 December 2026", "Monday 7 December 2026".
    pub title: String,
    /// The days shown.
    pub days: Vec<CalendarDay>,
    /// The date shown (`YYYY-MM-DD`): another view keeps it.
    pub date: String,
    /// The date a step back and forward shows, and today.
    pub prev: String,
    /// See `prev`.
    pub next: String,
    /// See `prev`.
    pub today: String,
    /// Whether the caller may change bookings.
    pub can_edit: bool,
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
