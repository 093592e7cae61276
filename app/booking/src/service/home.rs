//! Booking's part of a workspace's home: bookings made this week against last, the sessions
//! of the coming week with the next one named, and the "create a service" step.

use super::public_html::local;
use super::store::{bookings, services, ts};
use app_core::error::AppError;
use app_core::home::{Home, HomeFigure, HomeStep, DAY_MS, WEEK_DAYS};
use futures_util::future::BoxFuture;
use mongodb::bson::{doc, DateTime};
use platform::AppState;

/// [`home`] as a module's home part.
pub fn part<'a>(
    state: &'a AppState,
    workspace_id: &'a str,
) -> BoxFuture<'a, Result<Home, AppError>> {
    Box::pin(home(state, workspace_id))
}

/// Bookings made in the last seven days and the seven before, confirmed sessions of the next
/// seven days (the next one in the detail), and whether a service exists.
pub async fn home(state: &AppState, workspace_id: &str) -> Result<Home, AppError> {
    let now = state.clock.now().timestamp_millis();
    let week = WEEK_DAYS as i64 * DAY_MS;
    let at = DateTime::from_millis;
    let made = |from: i64, to: i64| {
        doc! { "workspace_id": workspace_id, "status": { "$ne": "held" },
        "created_at": { "$gte": at(now - from), "$lt": at(now - to) } }
    };
    let this_week = bookings(state).count_documents(made(week, -DAY_MS)).await?;
    let last_week = bookings(state)
        .count_documents(made(2 * week, week))
        .await?;
    let coming = doc! { "workspace_id": workspace_id, "status": "confirmed",
    "start": { "$gte": at(now), "$lt": at(now + week) } };
    let upcoming = bookings(state).count_documents(coming.clone()).await?;
    let next = bookings(state)
        .find_one(coming)
        .sort(doc! { "start": 1 })
        .await?;
    let detail = match next {
        Some(b) => {
            let zone = super::store::zone(
                &super::store::workspace(state, workspace_id)
                    .await?
                    .time_zone,
            );
            format!(
                "Next: {} with {}",
                local(ts(b.start), &zone, "%a %-d %b, %H:%M"),
                b.name
            )
        }
        None => String::new(),
    };
    let any = services(state)
        .count_documents(doc! { "workspace_id": workspace_id })
        .limit(1)
        .await?;
    Ok(Home {
        figures: vec![
            HomeFigure {
                rank: 60,
                label: "Bookings made".into(),
                value: this_week,
                detail: String::new(),
                days: Vec::new(),
                previous: Some(last_week),
                href: "booking".into(),
            },
            HomeFigure {
                rank: 61,
                label: "Sessions this coming week".into(),
                value: upcoming,
                detail,
                days: Vec::new(),
                previous: None,
                href: "booking".into(),
            },
        ],
        steps: vec![HomeStep {
            rank: 25,
            label: "Create a bookable service".into(),
            done: any > 0,
            href: "booking/services".into(),
        }],
        ..Home::default()
    })
}
