//! Sending later: the time a member picks is read in the workspace's time zone, and shown back
//! in it, named, so nobody schedules for 9 in the morning somewhere else.

use super::campaigns::coll;
use super::subscriptions::SUBSCRIPTIONS;
use app_core::error::AppError;
use jiff::tz::TimeZone;
use mongodb::bson::{doc, DateTime, Document};
use platform::AppState;

/// The time zone of workspace `workspace_id`, by name and rules (UTC when unknown).
pub async fn zone(state: &AppState, workspace_id: &str) -> Result<(String, TimeZone), AppError> {
    let ws = workspaces::service::store::workspaces(&state.db)
        .find_one(doc! { "_id": workspace_id })
        .await?;
    let name = ws.map(|w| w.time_zone).unwrap_or_else(|| "UTC".into());
    Ok(match TimeZone::get(&name) {
        Ok(tz) => (name, tz),
        Err(_) => ("UTC".into(), TimeZone::UTC),
    })
}

/// `local` (`YYYY-MM-DDTHH:MM[:SS]`, as a browser's date and time field gives it) in `tz`;
/// `None` when it is not such a time. A time the clocks skip goes forward, like most calendars.
pub fn parse_local(local: &str, tz: &TimeZone) -> Option<DateTime> {
    let civil: jiff::civil::DateTime = local.trim().parse().ok()?;
    let at = civil.to_zoned_datetime(tz.clone()).ok()?;
    Some(DateTime::from_millis(at.timestamp().as_millisecond()))
}

/// `at` as people in `tz` (named `name`) read it: "Sat 5 Dec 2026, 09:30 (Europe/Paris)".
pub fn show_local(at: DateTime, name: &str, tz: &TimeZone) -> String {
    let Ok(ts) = jiff::Timestamp::from_millisecond(at.timestamp_millis()) else {
        return String::new();
    };
    format!(
        "{} ({name})",
        ts.to_zoned_datetime(tz.clone())
            .strftime("%a %-d %b %Y, %H:%M")
    )
}

/// Starts campaign `id` if it is scheduled as run `run` (its time has come): counts the list
/// and marks it sending, once, however many jobs arrive.
pub async fn begin(state: &AppState, id: &str, run: i32) -> Result<(), AppError> {
    let waiting = doc! { "_id": id, "status": "scheduled", "run": run };
    let Some(c) = coll(state).find_one(waiting.clone()).await? else {
        return Ok(());
    };
    let total = state
        .db
        .collection::<Document>(SUBSCRIPTIONS)
        .count_documents(super::segments::audience(state, &c).await?)
        .await?;
    let now = state.clock.now();
    coll(state)
        .update_one(
            waiting,
            doc! { "$set": {
                "status": "sending",
                "total": total as i64,
                "started_at": now,
                "updated_at": now,
            } },
        )
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_are_read_and_shown_in_the_zone() {
        let paris = TimeZone::get("Europe/Paris").unwrap();
        let at = parse_local("2026-12-05T09:30", &paris).unwrap();
        assert_eq!(at.try_to_rfc3339_string().unwrap(), "2026-12-05T08:30:00Z");
        assert_eq!(
            show_local(at, "Europe/Paris", &paris),
            "Sat 5 Dec 2026, 09:30 (Europe/Paris)"
        );
        assert!(parse_local("2026-12-05T09:30:15", &paris).is_some());
        assert!(parse_local("tomorrow", &paris).is_none());
    }
}
