//! Who may call each server function of the booking module: its rows of the isolation matrix
//! (see [`IsolationRow`]).

use platform::{Access::Workspace, IsolationRow};

/// Every server function of the module, its access rule and arguments that succeed for an
/// allowed caller.
pub const ISOLATION: &[IsolationRow] = &[
    (
        "get_booking_services",
        Workspace("viewer"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "get_booking_service",
        Workspace("viewer"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "save_booking_service",
        Workspace("editor"),
        &[
            ("workspace_id", "{ws}"),
            ("name", "Mallory's call"),
            ("durations", "30"),
        ],
    ),
    (
        "delete_booking_service",
        Workspace("editor"),
        &[("workspace_id", "{ws}"), ("id", "x")],
    ),
    (
        "get_booking_hours",
        Workspace("viewer"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "save_booking_hours",
        Workspace("viewer"),
        &[("workspace_id", "{ws}"), ("time_zone", "Europe/Paris")],
    ),
    (
        "get_booking_calendar_link",
        Workspace("viewer"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "disconnect_booking_calendar",
        Workspace("viewer"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "get_bookings",
        Workspace("viewer"),
        &[("workspace_id", "{ws}")],
    ),
    (
        "get_booking_calendar",
        Workspace("viewer"),
        &[("workspace_id", "{ws}"), ("view", "month")],
    ),
    (
        "book_manually",
        Workspace("editor"),
        &[
            ("workspace_id", "{ws}"),
            ("service_id", "x"),
            ("start", "2030-01-07T09:00"),
            ("name", "M"),
            ("email", "m@example.com"),
        ],
    ),
    (
        "set_booking_status",
        Workspace("editor"),
        &[
            ("workspace_id", "{ws}"),
            ("id", "x"),
            ("status", "cancelled"),
        ],
    ),
];
