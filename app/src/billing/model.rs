//! Plans as admins define them and customers see them.

use serde::{Deserialize, Serialize};

/// The numeric limits a plan sets; `-1` means unlimited.
pub const LIMITS: &[(&str, &str)] = &[
    ("bio_pages", "Bio pages"),
    ("contacts", "Contacts"),
    ("emails_per_month", "Emails per month"),
    ("team_members", "Team members"),
    ("storage_mb", "Storage (MB)"),
    ("ai_credits", "AI credits per month"),
];

/// A plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanView {
    /// Stable key, e.g. `free`, `pro`.
    pub key: String,
    /// Name shown to customers.
    pub name: String,
    /// One-line description.
    pub description: String,
    /// Monthly price in minor units (cents).
    pub monthly_price: i64,
    /// Yearly price in minor units.
    pub yearly_price: i64,
    /// ISO 4217 currency of the prices.
    pub currency: String,
    /// Free trial length.
    pub trial_days: i64,
    /// Whether customers can choose it.
    pub visible: bool,
    /// Limits, in the order of [`LIMITS`].
    pub limits: Vec<(String, i64)>,
}

impl PlanView {
    /// "Free" or "$12.00 / month".
    pub fn price_label(&self) -> String {
        if self.monthly_price == 0 {
            "Free".into()
        } else {
            format!(
                "{} {}.{:02} / month",
                self.currency,
                self.monthly_price / 100,
                self.monthly_price % 100
            )
        }
    }
}

/// Parses "12", "12.5" or "12.50" into minor units; `None` for anything else.
pub fn parse_price(s: &str) -> Option<i64> {
    let s = s.trim();
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    if whole.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || frac.len() > 2
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let cents = format!("{frac:0<2}").parse::<i64>().ok()?;
    whole
        .parse::<i64>()
        .ok()?
        .checked_mul(100)?
        .checked_add(cents)
}

/// Why `key` cannot name a plan, if it cannot.
pub fn plan_key_problem(key: &str) -> Option<&'static str> {
    let ok = (2..=30).contains(&key.len())
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    (!ok).then_some("Use 2–30 lowercase letters, digits and dashes.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_parse_to_cents() {
        assert_eq!(parse_price("12"), Some(1200));
        assert_eq!(parse_price("12.5"), Some(1250));
        assert_eq!(parse_price("0.99"), Some(99));
        assert_eq!(parse_price("-1"), None);
        assert_eq!(parse_price("1.999"), None);
        assert_eq!(parse_price("abc"), None);
        assert_eq!(plan_key_problem("pro"), None);
        assert!(plan_key_problem("Pro Plan").is_some());
    }
}
