//! A page's numbers over a range of days, computed by the database from the event documents.

use super::events::events;
use super::pages;
use super::visitors::day_of;
use crate::model::{permille, BioStats, DayCount, LinkStat, NamedCount};
use app_core::error::AppError;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, DateTime, Document};
use platform::AppState;
use workspaces::WorkspaceScope;

const DAY_MS: i64 = 86_400_000;
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

async fn group(
    state: &AppState,
    filter: Document,
    key: Document,
) -> Result<Vec<(Document, u64)>, AppError> {
    let rows: Vec<Document> = events(&state.db)
        .aggregate(vec![
            doc! { "$match": filter },
            doc! { "$group": { "_id": key, "n": { "$sum": 1 } } },
        ])
        .await?
        .try_collect()
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let n = r
                .get_i32("n")
                .map(|n| n as i64)
                .or_else(|_| r.get_i64("n"))
                .unwrap_or(0);
            (
                r.get_document("_id").cloned().unwrap_or_default(),
                n.max(0) as u64,
            )
        })
        .collect())
}

fn named(rows: Vec<(Document, u64)>, field: &str, top: usize) -> Vec<NamedCount> {
    let mut out: Vec<NamedCount> = rows
        .into_iter()
        .map(|(k, count)| NamedCount {
            name: k.get_str(field).unwrap_or("Unknown").to_owned(),
            count,
        })
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
    let base = scope
        .filter_with(doc! { "page_id": page_id, "day": { "$gte": &from_day, "$lte": &to_day } });
    let with = |more: Document| {
        let mut f = base.clone();
        f.extend(more);
        f
    };

    let per_day = group(state, base.clone(), doc! { "day": "$day", "kind": "$kind" }).await?;
    let mut days: Vec<DayCount> = (0..=(to.timestamp_millis() - from.timestamp_millis()) / DAY_MS)
        .map(|i| DayCount {
            day: day_of(DateTime::from_millis(from.timestamp_millis() + i * DAY_MS)),
            views: 0,
            clicks: 0,
        })
        .collect();
    for (k, n) in per_day {
        if let Some(d) = days
            .iter_mut()
            .find(|d| k.get_str("day") == Ok(d.day.as_str()))
        {
            match k.get_str("kind") {
                Ok("view") => d.views += n,
                Ok("click") => d.clicks += n,
                _ => {}
            }
        }
    }
    let views: u64 = days.iter().map(|d| d.views).sum();
    let clicks: u64 = days.iter().map(|d| d.clicks).sum();
    let visitors = group(
        state,
        with(doc! { "kind": "view" }),
        doc! { "day": "$day", "v": "$visitor" },
    )
    .await?
    .len() as u64;

    // Every clickable block of the page, clicked or not, then blocks deleted since.
    let clicked: Vec<(String, u64)> = group(
        state,
        with(doc! { "kind": "click" }),
        doc! { "b": "$block_id" },
    )
    .await?
    .into_iter()
    .map(|(k, n)| (k.get_str("b").unwrap_or_default().to_owned(), n))
    .collect();
    let clicks_of = |id: &str| clicked.iter().find(|(b, _)| b == id).map_or(0, |(_, n)| *n);
    let mut links: Vec<LinkStat> = page
        .draft
        .blocks
        .iter()
        .filter(|b| b.kind.is_clickable())
        .map(|b| (b.id.clone(), b.kind.name()))
        .chain(
            clicked
                .iter()
                .filter(|(id, _)| !page.draft.blocks.iter().any(|b| &b.id == id))
                .map(|(id, _)| (id.clone(), "Removed block".to_owned())),
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

    let referrers = named(
        group(
            state,
            with(doc! { "kind": "view" }),
            doc! { "r": "$referrer" },
        )
        .await?,
        "r",
        10,
    );
    let mut devices = named(
        group(
            state,
            with(doc! { "kind": "view" }),
            doc! { "d": "$device" },
        )
        .await?,
        "d",
        3,
    );
    for d in &mut devices {
        d.name = match d.name.as_str() {
            "mobile" => "Phone",
            "tablet" => "Tablet",
            _ => "Desktop",
        }
        .into();
    }
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
