//! The owner's calendar: the days of a day, week or month view around a date on the
//! workspace's clock, each with its bookings.

use super::bookings::list;
use crate::model::{CalendarDay, CalendarView};
use app_core::error::AppError;
use jiff::civil::Date;
use jiff::{Span, ToSpan};
use mongodb::bson::DateTime;
use platform::AppState;
use workspaces::WorkspaceScope;

fn monday(d: Date) -> Date {
    d.checked_sub(Span::new().days(d.weekday().to_monday_zero_offset()))
        .unwrap_or(d)
}

/// The calendar `view` (`day`, `week`, `month`) around `date` (`YYYY-MM-DD`, today when empty).
pub async fn calendar(
    state: &AppState,
    scope: &WorkspaceScope,
    view: &str,
    date: &str,
) -> Result<CalendarView, AppError> {
    let ws = super::store::workspace(state, scope.workspace_id()).await?;
    let tz = super::store::zone(&ws.time_zone);
    let now = super::store::ts(state.clock.now())
        .to_zoned_datetime(tz.clone())
        .date();
    let anchor = match date {
        "" => now,
        d => d
            .parse::<Date>()
            .map_err(|_| AppError::invalid("date", "Choose a date."))?,
    };
    let fmt = |d: Date, f: &str| d.strftime(f).to_string();
    let (first, count, in_range, title, step): (Date, i64, Option<i8>, String, Span) = match view {
        "day" => (anchor, 1, None, fmt(anchor, "%A %-d %B %Y"), 1.day()),
        "" | "week" => {
            let m = monday(anchor);
            let end = m.checked_add(6.days()).unwrap_or(m);
            (
                m,
                7,
                None,
                format!("{} – {}", fmt(m, "%-d %b"), fmt(end, "%-d %b %Y")),
                1.week(),
            )
        }
        "month" => {
            let start = anchor.first_of_month();
            let m = monday(start);
            let cells = i64::from(start.days_in_month())
                + i64::from(start.weekday().to_monday_zero_offset());
            let weeks = (cells + 6) / 7;
            let month = anchor.month();
            (m, weeks * 7, Some(month), fmt(anchor, "%B %Y"), 1.month())
        }
        _ => return Err(AppError::invalid("view", "Choose day, week or month.")),
    };
    let midnight = |d: Date| {
        d.to_zoned_datetime(tz.clone())
            .map(|z| z.timestamp().as_millisecond())
            .unwrap_or(0)
    };
    let last = first.checked_add(count.days()).unwrap_or(first);
    let span = (
        DateTime::from_millis(midnight(first)),
        DateTime::from_millis(midnight(last)),
    );
    let found = list(state, scope, span, (false, &Default::default())).await?;
    let mut days = Vec::new();
    for i in 0..count {
        let d = first.checked_add(i.days()).unwrap_or(first);
        let key = d.to_string();
        days.push(CalendarDay {
            weekday: fmt(d, "%a"),
            number: fmt(d, "%-d"),
            in_range: in_range.is_none_or(|m| d.month() == m),
            today: d == now,
            bookings: found
                .bookings
                .iter()
                .filter(|b| b.day == key)
                .cloned()
                .collect(),
            date: key,
        });
    }
    let shift = |sign: i64| {
        anchor
            .checked_add(step * sign)
            .unwrap_or(anchor)
            .to_string()
    };
    Ok(CalendarView {
        view: if view.is_empty() {
            "week".into()
        } else {
            view.to_owned()
        },
        title,
        days,
        date: anchor.to_string(),
        prev: shift(-1),
        next: shift(1),
        today: now.to_string(),
        can_edit: found.can_edit,
    })
}
