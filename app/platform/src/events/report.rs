//! What every analytics screen reads from the daily rollups the same way: the date range asked
//! for, each day in it, and where visitors came from and on what.

use super::model::{decode_key, rollups, Rollup, VIEW};
use super::visitors::day_of;
use crate::state::AppState;
use app_core::error::AppError;
use app_core::home::DAY_MS;
use app_core::stats::{DayCount, NamedCount};
use futures_util::TryStreamExt;
use mongodb::bson::{doc, DateTime, Document};
use std::collections::BTreeMap;

/// The longest range one request may ask for.
const MAX_DAYS: i64 = 366;

fn parse_day(field: &str, s: &str) -> Result<DateTime, AppError> {
    DateTime::parse_rfc3339_str(format!("{s}T00:00:00Z"))
        .map_err(|_| AppError::invalid(field, "Choose a date."))
}

/// The range `from..=to` (`YYYY-MM-DD`), defaulting to the last 30 days.
pub fn range(state: &AppState, from: &str, to: &str) -> Result<(DateTime, DateTime), AppError> {
    let today = parse_day("to", &day_of(state.clock.now()))?;
    let to = if to.is_empty() {
        today
    } else {
        parse_day("to", to)?
    };
    let from = if from.is_empty() {
        DateTime::from_millis(to.timestamp_millis() - 29 * DAY_MS)
    } else {
        parse_day("from", from)?
    };
    let days = (to.timestamp_millis() - from.timestamp_millis()) / DAY_MS + 1;
    if days < 1 {
        return Err(AppError::invalid("to", "End on or after the start."));
    }
    if days > MAX_DAYS {
        return Err(AppError::invalid("from", "Choose at most a year."));
    }
    Ok((from, to))
}

/// Every day of `from..=to`, `YYYY-MM-DD`.
pub fn days(from: DateTime, to: DateTime) -> Vec<String> {
    (0..=(to.timestamp_millis() - from.timestamp_millis()) / DAY_MS)
        .map(|i| day_of(DateTime::from_millis(from.timestamp_millis() + i * DAY_MS)))
        .collect()
}

/// `counts` as a list, largest first, at most `top`.
pub fn named(counts: BTreeMap<String, u64>, top: usize) -> Vec<NamedCount> {
    let mut out: Vec<NamedCount> = counts
        .into_iter()
        .map(|(name, count)| NamedCount { name, count })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    out.truncate(top);
    out
}

/// The top ten referrers and the devices of `daily`'s visits.
pub fn audience(daily: &[Rollup]) -> (Vec<NamedCount>, Vec<NamedCount>) {
    let (mut referrers, mut devices) = (BTreeMap::new(), BTreeMap::new());
    for r in daily {
        for (k, n) in &r.referrers {
            *referrers.entry(decode_key(k)).or_default() += (*n).max(0) as u64;
        }
        for (k, n) in &r.devices {
            let name = match decode_key(k).as_str() {
                "mobile" => "Phone",
                "tablet" => "Tablet",
                _ => "Desktop",
            };
            *devices.entry(name.to_owned()).or_default() += (*n).max(0) as u64;
        }
    }
    (named(referrers, 10), named(devices, 3))
}

/// The daily rollups of `item` of `surface` in `from..=to`; `tenant` is the workspace's filter
/// (from its scope), which the other conditions only narrow.
pub async fn daily(
    state: &AppState,
    tenant: Document,
    (surface, item): (&str, &str),
    from: DateTime,
    to: DateTime,
) -> Result<Vec<Rollup>, AppError> {
    let mut filter = doc! {
        "surface": surface, "item": item, "hourly": false,
        "period": { "$gte": day_of(from), "$lte": day_of(to) },
    };
    filter.extend(tenant);
    Ok(rollups(&state.db).find(filter).await?.try_collect().await?)
}

/// Views and `line` events (clicks, forms sent) per day of `from..=to`, zeros included.
pub fn per_day(daily: &[Rollup], from: DateTime, to: DateTime, line: &str) -> Vec<DayCount> {
    days(from, to)
        .into_iter()
        .map(|day| {
            let r = daily.iter().find(|r| r.period == day);
            DayCount {
                views: r.map_or(0, |r| r.count(VIEW)),
                clicks: r.map_or(0, |r| r.count(line)),
                day,
            }
        })
        .collect()
}

/// Distinct visitors per day, summed: a visitor is unlinkable from one day to the next.
pub fn visitors(daily: &[Rollup]) -> u64 {
    daily.iter().map(|r| r.visitors.max(0) as u64).sum()
}
