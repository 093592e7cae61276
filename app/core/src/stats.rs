//! The numbers analytics screens show for any public surface (bio pages, sites): counts per
//! day and per name, and shares as percentages.

use serde::{Deserialize, Serialize};

/// Views and clicks (or form submissions) of one day (`YYYY-MM-DD`, UTC).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayCount {
    /// The day.
    pub day: String,
    /// Views.
    pub views: u64,
    /// Clicks, or form submissions.
    pub clicks: u64,
}

/// A count under a name (a referrer's host, a device class).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedCount {
    /// The name.
    pub name: String,
    /// Its count.
    pub count: u64,
}

/// `permille` as a percentage with one decimal, e.g. `12.5%`.
pub fn percent(permille: u64) -> String {
    format!("{}.{}%", permille / 10, permille % 10)
}

/// Tenths of a percent of `part` in `whole`.
pub fn permille(part: u64, whole: u64) -> u64 {
    (part * 1000).checked_div(whole).unwrap_or(0)
}
