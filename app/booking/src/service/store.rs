//! The booking module's documents and collections.

use crate::model::{BookingStatus, DayHours, ServiceSettings};
use app_core::error::AppError;
use jiff::Timestamp;
use mongodb::bson::DateTime;
use mongodb::Collection;
use platform::AppState;
use serde::{Deserialize, Serialize};

/// Services.
pub const SERVICES: &str = "booking_services";
/// Members' hours.
pub const HOURS: &str = "booking_hours";
/// Bookings and holds.
pub const BOOKINGS: &str = "bookings";
/// One document per host and per service that every booking transaction writes, so two
/// transactions deciding about one calendar conflict and one of them starts again.
pub const LOCKS: &str = "booking_locks";

/// A stored service.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ServiceDoc {
    /// Id.
    #[serde(rename = "_id")]
    pub id: String,
    /// Owner.
    pub workspace_id: String,
    /// Settings.
    #[serde(flatten)]
    pub settings: ServiceSettings,
    /// Created.
    pub created_at: DateTime,
}

/// A member's stored hours (`_id` is `<workspace>:<user>`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct HoursDoc {
    /// `<workspace>:<user>`.
    #[serde(rename = "_id")]
    pub id: String,
    /// Owner.
    pub workspace_id: String,
    /// The member.
    pub user_id: String,
    /// IANA zone.
    pub time_zone: String,
    /// Monday first.
    pub weekly: Vec<Vec<[u16; 2]>>,
    /// Dates that differ.
    #[serde(default)]
    pub overrides: Vec<DayHours>,
}

/// A stored booking.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Booking {
    /// Id.
    #[serde(rename = "_id")]
    pub id: String,
    /// Owner.
    pub workspace_id: String,
    /// Service.
    pub service_id: String,
    /// Host.
    pub host_id: String,
    /// Its session (see `slots::slot_key`).
    pub slot: String,
    /// Start.
    pub start: DateTime,
    /// End.
    pub end: DateTime,
    /// Start less the buffer before.
    pub busy_from: DateTime,
    /// End plus the buffer after.
    pub busy_until: DateTime,
    /// Status.
    pub status: BookingStatus,
    /// Until when a hold keeps the seat.
    #[serde(default)]
    pub hold_until: Option<DateTime>,
    /// Who booked (empty while held).
    #[serde(default)]
    pub name: String,
    /// Their address (empty while held).
    #[serde(default)]
    pub email: String,
    /// (question, answer).
    #[serde(default)]
    pub answers: Vec<(String, String)>,
    /// The event's id in calendars: the first booking's id, kept when it moves.
    #[serde(default)]
    pub uid: String,
    /// How many times it moved (the event's SEQUENCE).
    #[serde(default)]
    pub sequence: u32,
    /// The Stripe Checkout Session paying for it (paid services).
    #[serde(default)]
    pub checkout_id: Option<String>,
    /// Its event in the host's Google Calendar.
    #[serde(default)]
    pub google_event_id: Option<String>,
    /// The package it took a session from.
    #[serde(default)]
    pub package_id: Option<String>,
    /// What was paid, in minor units.
    #[serde(default)]
    pub paid_cents: i64,
    /// What was given back (a payment that came too late for a taken time).
    #[serde(default)]
    pub refunded_cents: i64,
    /// What is still owed back, when the automatic refund failed.
    #[serde(default)]
    pub refund_due: i64,
    /// The zone the visitor read the time in.
    #[serde(default)]
    pub visitor_tz: String,
    /// Created.
    pub created_at: DateTime,
}

/// Typed collections.
pub fn services(state: &AppState) -> Collection<ServiceDoc> {
    state.db.collection(SERVICES)
}

/// Typed collections.
pub fn hours(state: &AppState) -> Collection<HoursDoc> {
    state.db.collection(HOURS)
}

/// Typed collections.
pub fn bookings(state: &AppState) -> Collection<Booking> {
    state.db.collection(BOOKINGS)
}

impl Booking {
    /// Its length in minutes.
    pub fn minutes(&self) -> u32 {
        ((self.end.timestamp_millis() - self.start.timestamp_millis()) / 60_000) as u32
    }
}

/// Workspace `id` (its handle, zone and currency for pages and emails).
pub async fn workspace(
    state: &AppState,
    id: &str,
) -> Result<workspaces::service::store::Workspace, AppError> {
    workspaces::service::store::workspaces(&state.db)
        .find_one(mongodb::bson::doc! { "_id": id })
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: "That workspace".into(),
        })
}

/// The zone named `name`, or UTC when it is not one (names are checked when saved).
pub fn zone(name: &str) -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::get(name).unwrap_or(jiff::tz::TimeZone::UTC)
}

/// A database time as a jiff timestamp.
pub fn ts(t: DateTime) -> Timestamp {
    Timestamp::from_millisecond(t.timestamp_millis()).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// A jiff timestamp as a database time.
pub fn dt(t: Timestamp) -> DateTime {
    DateTime::from_millis(t.as_millisecond())
}
