//! What a site's analytics screen shows.

use app_core::stats::{DayCount, NamedCount};
use serde::{Deserialize, Serialize};

/// A site's numbers over a date range; bots are never counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteStats {
    /// First day of the range (`YYYY-MM-DD`).
    pub from: String,
    /// Last day of the range, inclusive.
    pub to: String,
    /// Page views.
    pub views: u64,
    /// Distinct visitors per day, summed (identities rotate daily).
    pub visitors: u64,
    /// Forms sent.
    pub submissions: u64,
    /// Forms sent per view, in tenths of a percent.
    pub conversion_permille: u64,
    /// One entry per day of the range, zeros included (`clicks` holds forms sent).
    pub days: Vec<DayCount>,
    /// Views per page (its current name, or "Removed page"), most viewed first.
    pub pages: Vec<NamedCount>,
    /// Referring sites.
    pub referrers: Vec<NamedCount>,
    /// Devices.
    pub devices: Vec<NamedCount>,
}
