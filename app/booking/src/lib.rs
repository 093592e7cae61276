//! Bookings: services (event types) with their rules, members' weekly hours in their own zone,
//! a public booking page that works without WebAssembly, and bookings that never share a seat
//! (a database transaction decides each one).
#![recursion_limit = "256"]

pub mod api;
pub mod booking_filters;
pub mod booking_routes;
pub mod booking_tabs;
pub mod bookings_page;
pub mod calendar_card;
pub mod calendar_page;
pub mod hours_page;
pub mod manual_booking;
pub mod model;
#[cfg(feature = "ssr")]
pub mod service;
pub mod service_form;
pub mod service_page;
pub mod services_page;

pub use booking_routes::BookingRoutes;
pub use bookings_page::BookingsPage;
pub use calendar_page::CalendarPage;
pub use hours_page::HoursPage;
pub use service_page::ServicePage;
pub use services_page::ServicesPage;

use ui::{IconName, NavItem, Section};

/// Where bookings sit in the navigation.
pub const NAV: &[NavItem] = &[NavItem::new(
    Section::Sell,
    "Bookings",
    Some("/app/{ws}/booking"),
    IconName::Calendar,
)];

/// What the Create sheet offers from bookings: a new service.
pub const CREATE: &[NavItem] = &[NavItem::new(
    Section::Sell,
    "Bookable service",
    Some("/app/{ws}/booking/services?new"),
    IconName::Calendar,
)];
