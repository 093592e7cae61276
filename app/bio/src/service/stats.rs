//! A page's numbers over a range of days, read from the daily rollups of its events.

use super::events::{CLICK, SURFACE};
use super::pages;
use crate::model::{permille, BioStats, LinkStat};
use app_core::error::AppError;
use platform::events::report;
use platform::events::visitors::day_of;
use platform::AppState;
use std::collections::BTreeMap;
use workspaces::WorkspaceScope;

/// Views, visitors, clicks, CTR per link, referrers and devices of `page_id` between `from`
/// and `to` inclusive (`YYYY-MM-DD`; empty means the last 30 days).
pub async fn stats(
    state: &AppState,
    scope: &WorkspaceScope,
    page_id: &str,
    from: &str,
    to: &str,
) -> Result<BioStats, AppError> {
    let (from, to) = report::range(state, from, to)?;
    let page = pages::get(state, scope, page_id).await?;
    let (from_day, to_day) = (day_of(from), day_of(to));
    let daily = report::daily(state, scope.filter(), (SURFACE, page_id), from, to).await?;
    let days = report::per_day(&daily, from, to, CLICK);
    let views: u64 = days.iter().map(|d| d.views).sum();
    let clicks: u64 = days.iter().map(|d| d.clicks).sum();
    let visitors = report::visitors(&daily);

    let mut clicked: BTreeMap<String, u64> = BTreeMap::new();
    for r in &daily {
        for (block, n) in r.targets_of(CLICK) {
            *clicked.entry(block).or_default() += n;
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
    let (referrers, devices) = report::audience(&daily);
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
