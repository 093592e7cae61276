//! How a campaign did: clicks per link and the first opens and clicks hour by hour.

use super::campaigns;
use super::rfc3339;
use super::template::tracked_links;
use super::tracking;
use crate::model::{CampaignReport, HourStat, LinkStat};
use app_core::error::AppError;
use mongodb::bson::DateTime;
use platform::AppState;
use workspaces::WorkspaceScope;

/// The hours a report's chart covers at most.
const MAX_HOURS: i64 = 72;
const HOUR_MS: i64 = 3_600_000;

/// The report of campaign `id`; empty before it is sent.
pub async fn report(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<CampaignReport, AppError> {
    let c = campaigns::find(state, scope, id).await?;
    let links = tracked_links(&c.blocks)
        .into_iter()
        .enumerate()
        .map(|(n, url)| LinkStat {
            clicks: c
                .link_clicks
                .get(&n.to_string())
                .copied()
                .unwrap_or(0)
                .max(0) as u64,
            url,
        })
        .collect();
    let Some(started) = c.started_at else {
        return Ok(CampaignReport {
            links,
            hours: Vec::new(),
        });
    };
    let start = started.timestamp_millis() / HOUR_MS * HOUR_MS;
    let now = state.clock.now().timestamp_millis();
    let hours = ((now - start) / HOUR_MS + 1).clamp(1, MAX_HOURS) as usize;
    let counts = tracking::per_hour(state, &c, DateTime::from_millis(start), hours).await?;
    Ok(CampaignReport {
        links,
        hours: counts
            .into_iter()
            .enumerate()
            .map(|(h, (opens, clicks))| HourStat {
                at: rfc3339(DateTime::from_millis(start + h as i64 * HOUR_MS)),
                opens,
                clicks,
            })
            .collect(),
    })
}
