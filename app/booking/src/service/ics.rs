//! A booking as an iCalendar event (RFC 5545), attached to its emails so either side adds it
//! to their calendar in one tap.

use super::store::{Booking, ServiceDoc};
use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

fn utc(t: mongodb::bson::DateTime) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(t.timestamp_millis()).unwrap_or_default()
}

/// The event of booking `b` of service `s` (cancelled bookings as a cancelled event with the
/// same UID, so calendars that took it remove it).
pub fn event(s: &ServiceDoc, b: &Booking, host_name: &str) -> String {
    let c = &s.settings;
    let location = match c.location_detail.as_str() {
        "" => c.location_label().to_owned(),
        d => format!("{}: {d}", c.location_label()),
    };
    let status = match b.status {
        crate::model::BookingStatus::Cancelled => EventStatus::Cancelled,
        _ => EventStatus::Confirmed,
    };
    let event = Event::new()
        .uid(&format!(
            "{}@mewayz",
            if b.uid.is_empty() { &b.id } else { &b.uid }
        ))
        .add_property("SEQUENCE", b.sequence.to_string())
        .summary(&format!("{} — {} and {host_name}", c.name, b.name))
        .description(&c.description)
        .location(&location)
        .starts(utc(b.start))
        .ends(utc(b.end))
        .status(status)
        .done();
    Calendar::new().push(event).done().to_string()
}
