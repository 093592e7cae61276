//! The owner's view of bookings: a period's bookings in time order, and what members change
//! (cancel, mark no-show).

use super::public_html::local;
use super::store::{bookings, services, ts, Booking};
use crate::model::{BookingStatus, BookingView, BookingsView, ManualForm};
use app_core::error::AppError;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, DateTime};
use platform::AppState;
use std::collections::HashMap;
use workspaces::model::Permission;
use workspaces::WorkspaceScope;

/// Booking `b` as screens show it, with its service's name from `names`, on the clock of `tz`,
/// amounts in `currency`.
pub fn view(
    b: Booking,
    names: &HashMap<String, String>,
    (tz, currency): (&jiff::tz::TimeZone, &str),
) -> BookingView {
    BookingView {
        service_name: names
            .get(&b.service_id)
            .cloned()
            .unwrap_or_else(|| "Deleted service".into()),
        when: local(ts(b.start), tz, "%a %-d %b, %H:%M"),
        day: local(ts(b.start), tz, "%Y-%m-%d"),
        time: local(ts(b.start), tz, "%H:%M"),
        minutes: b.minutes(),
        start: platform::clock::rfc3339(b.start),
        end: platform::clock::rfc3339(b.end),
        id: b.id,
        service_id: b.service_id,
        host_id: b.host_id,
        status: b.status,
        paid: match (b.paid_cents, b.refunded_cents, b.refund_due) {
            (_, r, _) if r > 0 => format!("{} refunded", app_core::money::money(r, currency)),
            (_, _, d) if d > 0 => format!("{} to refund", app_core::money::money(d, currency)),
            (0, _, _) => String::new(),
            (c, _, _) => app_core::money::money(c, currency),
        },
        name: b.name,
        email: b.email,
        answers: b.answers,
    }
}

/// Which bookings a list shows besides their period.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only this service's.
    pub service_id: Option<String>,
    /// Only those in this state.
    pub status: Option<BookingStatus>,
}

/// The workspace's bookings (not holds) starting from `from` until `until` that pass `filter`,
/// in time order; `past` lists the most recent first instead.
pub async fn list(
    state: &AppState,
    scope: &WorkspaceScope,
    (from, until): (DateTime, DateTime),
    (past, filter): (bool, &Filter),
) -> Result<BookingsView, AppError> {
    let ws = super::store::workspace(state, scope.workspace_id()).await?;
    let tz = super::store::zone(&ws.time_zone);
    let names: HashMap<String, String> = services(state)
        .find(scope.filter())
        .await?
        .map_ok(|s| (s.id, s.settings.name))
        .try_collect()
        .await?;
    let mut query = doc! { "start": { "$gte": from, "$lt": until }, "status": { "$ne": "held" } };
    if let Some(id) = &filter.service_id {
        query.insert("service_id", id);
    }
    if let Some(s) = filter.status {
        query.insert("status", s.key());
    }
    let list: Vec<Booking> = bookings(state)
        .find(scope.filter_with(query))
        .sort(doc! { "start": if past { -1 } else { 1 } })
        .limit(500)
        .await?
        .try_collect()
        .await?;
    Ok(BookingsView {
        bookings: list
            .into_iter()
            .map(|b| view(b, &names, (&tz, &ws.currency)))
            .collect(),
        can_edit: scope.role().can(Permission::EditContent),
        time_zone: ws.time_zone,
    })
}

/// Books `f` on a member's behalf (see [`super::book::manual`]), telling both sides.
pub async fn manual(
    state: &AppState,
    scope: &WorkspaceScope,
    f: &ManualForm,
) -> Result<Booking, AppError> {
    let s = super::services::find(state, scope, &f.service_id).await?;
    let ws = super::store::workspace(state, scope.workspace_id()).await?;
    let tz = super::store::zone(&ws.time_zone);
    let start = f
        .start
        .trim()
        .parse::<jiff::civil::DateTime>()
        .ok()
        .and_then(|t| t.to_zoned_datetime(tz).ok())
        .map(|z| z.timestamp())
        .ok_or_else(|| AppError::invalid("start", "Choose a date and time."))?;
    let details = super::book::Details {
        name: f.name.clone(),
        email: f.email.clone(),
        answers: Vec::new(),
    };
    let minutes = super::book::length(&s, None);
    match super::book::manual(state, &s, (minutes, start), &details, &ws.time_zone).await? {
        Ok(b) => {
            super::manage::booked(state, &s, &b).await;
            Ok(b)
        }
        Err(refusal) => Err(AppError::invalid("start", refusal.message())),
    }
}

/// Moves booking `id` to `to` (cancelled or no-show); a cancelled booking frees its time and
/// both sides hear of it.
pub async fn set_status(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
    to: BookingStatus,
) -> Result<Booking, AppError> {
    let from = match to {
        BookingStatus::Cancelled => vec!["confirmed", "no_show"],
        BookingStatus::NoShow => vec!["confirmed"],
        _ => {
            return Err(AppError::invalid(
                "status",
                "Bookings can only be cancelled or marked no-show.",
            ))
        }
    };
    let b = bookings(state)
        .find_one_and_update(
            scope.filter_with(doc! { "_id": id, "status": { "$in": from } }),
            doc! { "$set": { "status": to.key() } },
        )
        .return_document(mongodb::options::ReturnDocument::After)
        .await?
        .ok_or_else(|| AppError::Conflict {
            field: None,
            message: "This booking has already changed. Reload to see it.".into(),
        })?;
    if to == BookingStatus::Cancelled {
        let service = services(state)
            .find_one(doc! { "_id": &b.service_id })
            .await?;
        if let Some(s) = service {
            super::packages::give_back(state, &b).await?;
            super::notify::tell(state, &s, &b, super::notify::Change::Cancelled).await?;
            super::waitlist::freed(state, &s, &b).await;
        }
    }
    Ok(b)
}
