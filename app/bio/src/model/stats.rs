//! What the bio analytics screen shows.

use serde::{Deserialize, Serialize};

pub use app_core::stats::{percent, permille, DayCount, NamedCount};

/// Clicks on one block, by its stable id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkStat {
    pub block_id: String,
    /// The block's current title, or "Removed block" when it is gone.
    pub label: String,
    pub clicks: u64,
    /// Clicks per view in tenths of a percent.
    pub ctr_permille: u64,
}

/// A page's numbers over a date range; bots are never counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BioStats {
    /// First day of the range (`YYYY-MM-DD`).
    pub from: String,
    /// Last day of the range, inclusive.
    pub to: String,
    pub views: u64,
    /// Distinct visitors per day, summed (identities rotate daily; nothing is stored longer).
    pub visitors: u64,
    pub clicks: u64,
    /// Clicks per view in tenths of a percent.
    pub ctr_permille: u64,
    /// One entry per day of the range, zeros included.
    pub days: Vec<DayCount>,
    /// Every block that was clicked, most clicked first.
    pub links: Vec<LinkStat>,
    pub referrers: Vec<NamedCount>,
    pub devices: Vec<NamedCount>,
    /// Email addresses left in the page's signup forms, all time.
    pub subscribers: u64,
}
