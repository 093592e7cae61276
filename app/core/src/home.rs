//! What a workspace's home shows: each module's numbers for the last seven days, its steps of
//! getting started and its notices. Modules fill these in on the server; the home page draws them.

use serde::{Deserialize, Serialize};

/// Days a home figure covers, today included.
pub const WEEK_DAYS: usize = 7;

/// Milliseconds in a day.
pub const DAY_MS: i64 = 86_400_000;

/// One number on the home page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeFigure {
    /// Where it sits among the others, lowest first.
    pub rank: u16,
    /// What is counted, e.g. "Bio views".
    pub label: String,
    /// The count over the last seven days (or now, for a state such as open deals).
    pub value: u64,
    /// A line under the number, e.g. the open deals' value; may be empty.
    pub detail: String,
    /// The count of each of the last seven days, oldest first; empty when not kept by day.
    pub days: Vec<u64>,
    /// The count over the seven days before, for the change; `None` for a state.
    pub previous: Option<u64>,
    /// The screen that explains it, under `/app/<handle>/` (e.g. `bio/analytics`).
    pub href: String,
}

impl HomeFigure {
    /// "+25% on the week before", "−10% …", "Same as the week before", or "" without a past.
    pub fn change(&self) -> String {
        let Some(before) = self.previous else {
            return String::new();
        };
        match (before, self.value) {
            (0, 0) => String::new(),
            (0, _) => "New this week".into(),
            (b, v) if b == v => "Same as the week before".into(),
            (b, v) => {
                let pct = ((v as f64 - b as f64) / b as f64 * 100.0).round() as i64;
                let sign = if pct >= 0 { "+" } else { "−" };
                format!("{sign}{}% on the week before", pct.abs())
            }
        }
    }
}

/// One step of getting started, ticked off by what the workspace has done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeStep {
    /// Where it sits among the others, lowest first.
    pub rank: u16,
    /// What to do, e.g. "Publish your bio page".
    pub label: String,
    /// Whether it is done.
    pub done: bool,
    /// Where it is done, under `/app/<handle>/`.
    pub href: String,
}

/// Something the workspace must act on, shown above everything else (an overdue payment).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeNotice {
    /// Where it sits among the others, lowest first.
    pub rank: u16,
    /// What it is about, in a few words: the banner's accessible name, e.g. "Payment overdue".
    pub title: String,
    /// What happened and what it means, in a sentence or two.
    pub message: String,
    /// The link's text, e.g. "Open billing".
    pub action: String,
    /// Where it is dealt with, under `/app/<handle>/`.
    pub href: String,
}

/// A module's part of the home page, or all of it once gathered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Home {
    /// Numbers, by rank.
    pub figures: Vec<HomeFigure>,
    /// Getting-started steps, by rank.
    pub steps: Vec<HomeStep>,
    /// Notices, by rank.
    pub notices: Vec<HomeNotice>,
}

impl Home {
    /// Adds `other`'s figures and steps, keeping both lists in rank order.
    pub fn merge(&mut self, other: Home) {
        self.figures.extend(other.figures);
        self.steps.extend(other.steps);
        self.notices.extend(other.notices);
        self.figures.sort_by_key(|f| f.rank);
        self.steps.sort_by_key(|s| s.rank);
        self.notices.sort_by_key(|n| n.rank);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_change_is_told_against_the_week_before() {
        let f = |value, previous| HomeFigure {
            rank: 0,
            label: String::new(),
            value,
            detail: String::new(),
            days: Vec::new(),
            previous,
            href: String::new(),
        };
        assert_eq!(f(5, None).change(), "");
        assert_eq!(f(0, Some(0)).change(), "");
        assert_eq!(f(3, Some(0)).change(), "New this week");
        assert_eq!(f(4, Some(4)).change(), "Same as the week before");
        assert_eq!(f(5, Some(4)).change(), "+25% on the week before");
        assert_eq!(f(9, Some(10)).change(), "−10% on the week before");
    }
}
