//! The owner's bookings.

use crate::model::{BookingsView, CalendarView, ManualForm};
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use workspaces::api::ctx;

/// Bookings from now on (`when` empty or `upcoming`) or of the last 90 days (`past`), of one
/// `service` and in one `status` when given.
#[server(endpoint = "get_bookings")]
pub async fn get_bookings(
    workspace_id: String,
    #[server(default)] when: String,
    #[server(default)] service: String,
    #[server(default)] status: String,
) -> Result<BookingsView, AppError> {
    use mongodb::bson::DateTime;
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        let now = c.state.clock.now().timestamp_millis();
        let day = 24 * 3600 * 1000;
        let (span, past) = match when.as_str() {
            "past" => ((now - 90 * day, now), true),
            "" | "upcoming" => ((now, now + 400 * day), false),
            _ => return Err(AppError::invalid("when", "Choose upcoming or past.")),
        };
        use crate::model::BookingStatus;
        let status = match status.as_str() {
            "" => None,
            "confirmed" => Some(BookingStatus::Confirmed),
            "cancelled" => Some(BookingStatus::Cancelled),
            "no_show" => Some(BookingStatus::NoShow),
            _ => {
                return Err(AppError::invalid(
                    "status",
                    "Choose confirmed, cancelled or no-show.",
                ))
            }
        };
        let filter = crate::service::bookings::Filter {
            service_id: (!service.is_empty()).then_some(service),
            status,
        };
        let span = (DateTime::from_millis(span.0), DateTime::from_millis(span.1));
        crate::service::bookings::list(&c.state, &scope, span, (past, &filter)).await
    })
    .await
}

/// Books someone on a member's behalf: the service's first length at `start` (the workspace's
/// clock), confirmed at once.
#[server(endpoint = "book_manually")]
pub async fn book_manually(
    workspace_id: String,
    #[server(flatten)] form: ManualForm,
) -> Result<(), AppError> {
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let b = crate::service::bookings::manual(&c.state, &scope, &form).await?;
            c.audit(
                &scope,
                "booking.created",
                format!("Booked {} for {}", b.name, form.start),
            )
            .await
        },
    )
    .await
}

/// The calendar `view` (`day`, `week` or `month`) around `date` (`YYYY-MM-DD`, today when
/// empty) on the workspace's clock.
#[server(endpoint = "get_booking_calendar")]
pub async fn get_booking_calendar(
    workspace_id: String,
    #[server(default)] view: String,
    #[server(default)] date: String,
) -> Result<CalendarView, AppError> {
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        crate::service::calendar::calendar(&c.state, &scope, &view, &date).await
    })
    .await
}

/// Cancels a booking (`status` `cancelled`) or marks it a no-show (`no_show`).
#[server(endpoint = "set_booking_status")]
pub async fn set_booking_status(
    workspace_id: String,
    id: String,
    status: String,
) -> Result<(), AppError> {
    use crate::model::BookingStatus;
    use workspaces::model::Permission;
    ctx::in_workspace(
        &workspace_id,
        Permission::EditContent,
        |c, scope| async move {
            let to = match status.as_str() {
                "cancelled" => BookingStatus::Cancelled,
                "no_show" => BookingStatus::NoShow,
                _ => return Err(AppError::invalid("status", "Choose cancelled or no_show.")),
            };
            let b = crate::service::bookings::set_status(&c.state, &scope, &id, to).await?;
            let what = format!(
                "Marked the booking of {} {}",
                b.name,
                to.label().to_lowercase()
            );
            c.audit(&scope, "booking.status_changed", what).await
        },
    )
    .await
}
