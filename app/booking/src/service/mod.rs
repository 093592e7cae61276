//! Booking services (server only): services, members' hours, the slot rules, the transaction
//! that takes a seat, and the public pages.

pub mod book;
pub mod bookings;
pub mod calendar;
pub mod calendar_link;
pub mod claim;
pub mod gcal;
pub mod home;
pub mod hours;
pub mod ics;
pub mod isolation;
pub mod manage;
pub mod module;
pub mod notify;
pub mod packages;
pub mod payment;
pub mod public;
pub mod public_details;
pub mod public_form;
pub mod public_html;
pub mod public_manage;
pub mod public_packages;
pub mod public_waitlist;
pub mod services;
pub mod slots;
#[cfg(test)]
mod slots_tests;
pub mod store;
pub mod waitlist;

pub use module::MODULE;

use mongodb::bson::doc;
use platform::indexes::{index, CollectionIndexes};

/// The booking module's indexes.
pub fn indexes() -> Vec<CollectionIndexes> {
    vec![
        CollectionIndexes {
            collection: store::SERVICES,
            indexes: vec![index(
                doc! { "workspace_id": 1, "slug": 1 },
                "workspace_slug",
                true,
            )],
        },
        CollectionIndexes {
            collection: store::BOOKINGS,
            indexes: vec![
                index(doc! { "host_id": 1, "busy_from": 1 }, "host_busy", false),
                index(
                    doc! { "service_id": 1, "busy_from": 1 },
                    "service_busy",
                    false,
                ),
                index(
                    doc! { "workspace_id": 1, "start": 1 },
                    "workspace_start",
                    false,
                ),
            ],
        },
    ]
}
