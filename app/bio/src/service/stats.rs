//! A page's numbers over a range of days, read from the daily rollups of its events.

use super::events::{CLICK, SURFACE};
use super::pages;
use super::visitors::day_of;
use crate::model::{permille, BioStats, DayCount, LinkStat, NamedCount};
use app_core::error::AppError;
use app_core::home::DAY_MS;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, DateTime};
use platform::events::{decode_key, rollups, Rollup, VIEW};
use platform::AppState;
use std::collections::BTreeMap;
use workspaces::WorkspaceScope;

/// The longest range one request may ask for.
const MAX_DAYS: i64 = 366;

fn parse_day(field: &str, s: &str) -> Result<DateTime, AppError> {
    DateTime::parse_rfc3339_str(format!("{s}T00:00:00Z"))
        .map_err(|_| AppError::invalid(field, "Choose a date."))
}

/// The range `from..=to` (`YYYY-MM-DD`), defaulting to the last 30 days.
fn range(state: &AppState, from: &str, to: &str) -> Result<(DateTime, DateTime), AppError> {
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

fn named(counts: BTreeMap<String, u64>, top: usize) -> Vec<NamedCount> {
    let mut out: Vec<NamedCount> = counts
        .into_iter()
        .map(|(name, count)| NamedCount { name, count })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    out.truncate(top);
    out
}

/// Views, visitors, clicks, CTR per link, referrers and devices of `page_id` between `from`
/// and `to` inclusive (`YYYY-MM-DD`; empty means the last 30 days).
pub async fn stats(
    state: &AppState,
    scope: &WorkspaceScope,
    page_id: &str,
    from: &str,
    to: &str,
) -> Result<BioStats, AppError> {
    let (from, to) = range(state, from, to)?;
    let page = pages::get(state, scope, page_id).await?;
    let (from_day, to_day) = (day_of(from), day_of(to));
    let daily: Vec<Rollup> = rollups(&state.db)
        .find(scope.filter_with(doc! {
            "surface": SURFACE, "item": page_id, "hourly": false,
            "period": { "$gte": &from_day, "$lte": &to_day },
        }))
        .await?
        .try_collect()
        .await?;

    let days: Vec<DayCount> = (0..=(to.timestamp_millis() - from.timestamp_millis()) / DAY_MS)
        .map(|i| {
            let day = day_of(DateTime::from_millis(from.timestamp_millis() + i * DAY_MS));
            let r = daily.iter().find(|r| r.period == day);
            DayCount {
                views: r.map_or(0, |r| r.count(VIEW)),
                clicks: r.map_or(0, |r| r.count(CLICK)),
                day,
            }
        })
        .collect();
    let views: u64 = days.iter().map(|d| d.views).sum();
    let clicks: u64 = days.iter().map(|d| d.clicks).sum();
    // Distinct per day, summed: a visitor is unlinkable from one day to the next.
    let visitors: u64 = daily.iter().map(|r| r.visitors.max(0) as u64).sum();

    let mut clicked: BTreeMap<String, u64> = BTreeMap::new();
    let (mut referrers, mut devices) = (BTreeMap::new(), BTreeMap::new());
    for r in &daily {
        for (block, n) in r.targets_of(CLICK) {
            *clicked.entry(block).or_default() += n;
        }
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

    // Every clickable block of the page, clicked or not, then blocks deleted since.
    let clicks_of = |id: &str| clicked.get(id).copied().unwrap_or(0);
    let mut links: Vec<LinkStat> = page
        .draft
        .blocks
        .iter()
        .filter(|b| b.kind.is_clickable())
        .map(|b| (b.id.clone(), b.kind.name()))
        .chain(
            clicked
                .keys()
                .filter(|id| !page.draft.blocks.iter().any(|b| &b.id == *id))
                .map(|id| (id.clone(), "Removed block".to_owned())),
        )
        .map(|(id, label)| {
            let n = clicks_of(&id);
            LinkStat {
                block_id: id,
                label,
                clicks: n,
                ctr_permille: permille(n, views),
            }
        })
        .collect();
    // Stable: equal counts keep the page's order.
    links.sort_by_key(|l| std::cmp::Reverse(l.clicks));
    let referrers = named(referrers, 10);
    let devices = named(devices, 3);
    Ok(BioStats {
        from: from_day,
        to: to_day,
        views,
        visitors,
        clicks,
        ctr_permille: permille(clicks, views),
        days,
        links,
        referrers,
        devices,
        subscribers: super::subscribers::count(state, scope, page_id).await?,
    })
}
