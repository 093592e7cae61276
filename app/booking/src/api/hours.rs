//! The caller's own hours.

use crate::model::{AvailabilityView, HoursForm};
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use workspaces::api::ctx;

/// The caller's hours in the workspace (weekdays 09:00–17:00 until they set theirs).
#[server(endpoint = "get_booking_hours")]
pub async fn get_booking_hours(workspace_id: String) -> Result<AvailabilityView, AppError> {
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        crate::service::hours::mine(&c.state, &scope).await
    })
    .await
}

/// Saves the caller's hours: a zone, `day0`…`day6` (Monday first) as `09:00-17:00` ranges,
/// and override lines (`2026-12-24 closed`). Any member sets their own.
#[server(endpoint = "save_booking_hours")]
pub async fn save_booking_hours(
    workspace_id: String,
    #[server(flatten)] form: HoursForm,
) -> Result<AvailabilityView, AppError> {
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        crate::service::hours::save(&c.state, &scope, &form).await
    })
    .await
}

/// Whether this server can connect Google Calendars, and whether the caller's is connected.
#[server(endpoint = "get_booking_calendar_link")]
pub async fn get_booking_calendar_link(workspace_id: String) -> Result<(bool, bool), AppError> {
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        crate::service::gcal::status(&c.state, &scope).await
    })
    .await
}

/// Disconnects the caller's Google Calendar.
#[server(endpoint = "disconnect_booking_calendar")]
pub async fn disconnect_booking_calendar(workspace_id: String) -> Result<(), AppError> {
    use workspaces::model::Permission;
    ctx::in_workspace(&workspace_id, Permission::View, |c, scope| async move {
        crate::service::gcal::disconnect(&c.state, &scope).await?;
        c.audit(
            &scope,
            "booking.calendar_disconnected",
            "Disconnected a Google Calendar".into(),
        )
        .await
    })
    .await
}
