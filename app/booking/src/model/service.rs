//! A service (an event type): what a visitor books, for how long, where, and the rules that
//! decide which times are open.

use super::service_form::ServiceForm;
use serde::{Deserialize, Serialize};

/// Where a session takes place: key and label.
pub const LOCATIONS: &[(&str, &str)] = &[
    ("video", "Video call"),
    ("phone", "Phone call"),
    ("in_person", "In person"),
];

/// A question the booking form asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// What is asked.
    pub label: String,
    /// Whether the visitor must answer.
    pub required: bool,
}

/// A service's settings, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceSettings {
    /// Name shown to visitors.
    pub name: String,
    /// Its address on the booking page: `/@handle/book/<slug>`.
    pub slug: String,
    /// A few lines for visitors.
    pub description: String,
    /// Lengths a visitor can choose, in minutes; the first is the default.
    pub durations: Vec<u32>,
    /// Price in minor units; 0 is free.
    pub price_cents: i64,
    /// A key of [`LOCATIONS`].
    pub location: String,
    /// The address, phone number or video link.
    pub location_detail: String,
    /// Minutes kept free before a session.
    pub buffer_before: u32,
    /// Minutes kept free after a session.
    pub buffer_after: u32,
    /// How long before its start a session can still be booked, in minutes.
    pub notice_minutes: u32,
    /// How many days ahead visitors can book.
    pub window_days: u32,
    /// Sessions a day at most (0: no limit).
    pub per_day: u32,
    /// Sessions a week at most (0: no limit).
    pub per_week: u32,
    /// People per session (more than 1: a group session).
    pub seats: u32,
    /// Questions the booking form asks besides name and email.
    pub questions: Vec<Question>,
    /// Until how many hours before its start a visitor can cancel or move a session by the
    /// link in their email.
    #[serde(default = "default_cancel_hours")]
    pub cancel_hours: u32,
    /// Sessions in the package visitors can buy at once (0: no package).
    #[serde(default)]
    pub package_sessions: u32,
    /// The package's price in minor units.
    #[serde(default)]
    pub package_price_cents: i64,
    /// Members who host it (user ids); several take turns (round robin).
    pub hosts: Vec<String>,
    /// Whether visitors can book it.
    pub active: bool,
}

fn default_cancel_hours() -> u32 {
    24
}

/// A service as screens show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceView {
    /// Id.
    pub id: String,
    /// Its settings.
    pub settings: ServiceSettings,
    /// The workspace's currency, for the price.
    pub currency: String,
    /// The public booking page's address.
    pub public_url: String,
}

/// The workspace's services and what the caller may do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServicesView {
    /// Services, oldest first.
    pub services: Vec<ServiceView>,
    /// Members who can host: (user id, name).
    pub members: Vec<(String, String)>,
    /// Whether the caller may change them.
    pub can_edit: bool,
    /// The workspace's list of services for visitors.
    pub public_url: String,
    /// Whether this server takes payments (paid services need it).
    pub payments_ready: bool,
}

impl ServiceSettings {
    /// The form's fields showing these settings.
    pub fn form(&self, id: &str) -> ServiceForm {
        let n = |v: u32| v.to_string();
        ServiceForm {
            id: id.to_owned(),
            name: self.name.clone(),
            slug: self.slug.clone(),
            description: self.description.clone(),
            durations: self
                .durations
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            price: app_core::money::decimal(self.price_cents),
            location: self.location.clone(),
            location_detail: self.location_detail.clone(),
            buffer_before: n(self.buffer_before),
            buffer_after: n(self.buffer_after),
            notice_hours: n(self.notice_minutes / 60),
            window_days: n(self.window_days),
            per_day: n(self.per_day),
            per_week: n(self.per_week),
            seats: n(self.seats),
            cancel_hours: n(self.cancel_hours),
            package_sessions: n(self.package_sessions),
            package_price: app_core::money::decimal(self.package_price_cents),
            questions: self
                .questions
                .iter()
                .map(|q| {
                    if q.required {
                        format!("{} *", q.label)
                    } else {
                        q.label.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n"),
            active: if self.active {
                "on".into()
            } else {
                String::new()
            },
        }
    }

    /// The location's label.
    pub fn location_label(&self) -> &'static str {
        LOCATIONS
            .iter()
            .find(|(k, _)| *k == self.location)
            .map(|(_, l)| *l)
            .unwrap_or("Video call")
    }
}
