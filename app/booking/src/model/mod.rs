//! What the booking screens and the server exchange, and the rules both sides check.

pub mod availability;
pub mod booking;
pub mod service;
pub mod service_form;

pub use availability::{
    format_hours, parse_hours, AvailabilityView, DayHours, HoursForm, WEEKDAYS,
};
pub use booking::{
    BookingStatus, BookingView, BookingsView, CalendarDay, CalendarView, ManualForm,
};
pub use service::{Question, ServiceSettings, ServiceView, ServicesView, LOCATIONS};
pub use service_form::ServiceForm;
