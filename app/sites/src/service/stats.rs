//! A site's numbers over a range of days, read from the daily rollups of its events.

use super::public::{SUBMIT, SURFACE};
use crate::model::stats::SiteStats;
use app_core::error::AppError;
use app_core::stats::permille;
use platform::events::visitors::day_of;
use platform::events::{report, VIEW};
use platform::AppState;
use std::collections::BTreeMap;
use workspaces::WorkspaceScope;

/// Views, visitors, forms sent, views per page, referrers and devices of site `site_id` between
/// `from` and `to` inclusive (`YYYY-MM-DD`; empty means the last 30 days).
pub async fn stats(
    state: &AppState,
    scope: &WorkspaceScope,
    site_id: &str,
    from: &str,
    to: &str,
) -> Result<SiteStats, AppError> {
    let (from, to) = report::range(state, from, to)?;
    let site = super::sites::get(state, scope, site_id).await?;
    let daily = report::daily(state, scope.filter(), (SURFACE, site_id), from, to).await?;
    let days = report::per_day(&daily, from, to, SUBMIT);
    let views: u64 = days.iter().map(|d| d.views).sum();
    let submissions: u64 = days.iter().map(|d| d.clicks).sum();
    let mut per_page: BTreeMap<String, u64> = BTreeMap::new();
    for r in &daily {
        for (page_id, n) in r.targets_of(VIEW) {
            let name = site
                .draft
                .page_by_id(&page_id)
                .map_or_else(|| "Removed page".to_owned(), |p| p.title.clone());
            *per_page.entry(name).or_default() += n;
        }
    }
    let (referrers, devices) = report::audience(&daily);
    Ok(SiteStats {
        from: day_of(from),
        to: day_of(to),
        views,
        visitors: report::visitors(&daily),
        submissions,
        conversion_permille: permille(submissions, views),
        days,
        pages: report::named(per_page, 30),
        referrers,
        devices,
    })
}
