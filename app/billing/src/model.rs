//! Plans as admins define them and customers see them.

use app_core::money::money;
use serde::{Deserialize, Serialize};

pub use super::admin_model::{AdminWorkspaceRow, ApplyTo, OverLimit, PlanImpact};

/// The numeric limits a plan sets; `-1` means unlimited.
pub const LIMITS: &[(&str, &str)] = &[
    ("bio_pages", "Bio pages"),
    ("sites", "Websites"),
    ("contacts", "Contacts"),
    ("emails_per_month", "Emails per month"),
    ("team_members", "Team members"),
    ("storage_mb", "Storage (MB)"),
    ("ai_credits", "AI credits per month"),
];

/// The label of a limit key.
pub fn limit_label(key: &str) -> &str {
    LIMITS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, l)| *l)
        .unwrap_or(key)
}

/// The features a plan can include, for modules to check with `require_feature`.
pub const FEATURES: &[(&str, &str)] = &[
    ("custom_domain", "Custom domains"),
    ("remove_branding", "No Mewayz branding"),
    ("sell", "Sell products and take payments"),
    ("ai_assistant", "AI assistant"),
    ("automation", "Automations"),
    ("advanced_analytics", "Advanced analytics"),
];

/// The label of a feature key.
pub fn feature_label(key: &str) -> &str {
    FEATURES
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, l)| *l)
        .unwrap_or(key)
}

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
    /// Included features (keys of [`FEATURES`]).
    #[serde(default)]
    pub features: Vec<String>,
}

impl PlanView {
    /// "Free" or "USD 12.00 / month".
    pub fn price_label(&self) -> String {
        self.price_label_for(Interval::Month)
    }

    /// The price of one billing period, e.g. "USD 120.00 / year".
    pub fn price_label_for(&self, interval: Interval) -> String {
        let amount = self.price(interval);
        if amount == 0 {
            "Free".into()
        } else {
            format!("{} / {}", money(amount, &self.currency), interval.as_str())
        }
    }

    /// Price of one period in minor units.
    pub fn price(&self, interval: Interval) -> i64 {
        match interval {
            Interval::Month => self.monthly_price,
            Interval::Year => self.yearly_price,
        }
    }

    /// Whether customers pay for it.
    pub fn is_paid(&self) -> bool {
        self.monthly_price > 0 || self.yearly_price > 0
    }

    /// The limit named `key` (`-1`: unlimited).
    pub fn limit(&self, key: &str) -> i64 {
        self.limits
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| *v)
            .unwrap_or(-1)
    }
}

/// How often a subscription is billed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Interval {
    /// Every month.
    Month,
    /// Every year.
    Year,
}

impl Interval {
    /// Parses the stored or posted name (`month`, `year`).
    pub fn parse(s: &str) -> Option<Interval> {
        match s {
            "month" => Some(Interval::Month),
            "year" => Some(Interval::Year),
            _ => None,
        }
    }

    /// The stored name, also Stripe's.
    pub fn as_str(self) -> &'static str {
        match self {
            Interval::Month => "month",
            Interval::Year => "year",
        }
    }

    /// "Monthly" or "Yearly".
    pub fn label(self) -> &'static str {
        match self {
            Interval::Month => "Monthly",
            Interval::Year => "Yearly",
        }
    }
}

/// A workspace's billing as its members see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillingView {
    /// The workspace.
    pub workspace_id: String,
    /// The plan whose limits apply now.
    pub plan: PlanView,
    /// The plan paid for, when it differs from `plan` (payment overdue past the grace period).
    pub paid_plan: Option<PlanView>,
    /// Billing interval of the paid subscription.
    pub interval: Option<Interval>,
    /// Stripe's subscription status (`active`, `trialing`, `past_due`, `canceled`…), if any.
    pub status: Option<String>,
    /// End of the current period (renewal or cancellation date), RFC 3339.
    pub period_end: Option<String>,
    /// Whether the subscription ends at `period_end` instead of renewing.
    pub cancel_at_period_end: bool,
    /// When a failed payment's grace period ends, RFC 3339; set while a payment is overdue.
    pub grace_until: Option<String>,
    /// Whether paid features are read-only because the grace period is over.
    pub restricted: bool,
    /// Whether payments are set up on this server (Stripe configured).
    pub payments_ready: bool,
    /// Whether the caller may change the plan and payment details.
    pub can_manage: bool,
    /// The plans customers can choose.
    pub plans: Vec<PlanView>,
}

/// Stripe statuses in which a subscription runs (overdue ones only until the grace period ends).
pub const LIVE_STATUSES: &[&str] = &["active", "trialing", "past_due", "unpaid"];

impl BillingView {
    /// Whether a paid subscription is running (a plan change goes through the preview).
    pub fn has_subscription(&self) -> bool {
        self.status
            .as_deref()
            .is_some_and(|s| LIVE_STATUSES.contains(&s))
    }
}

/// A saved card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentMethodView {
    /// Stripe's id (`pm_…`).
    pub id: String,
    /// Card brand, e.g. `visa`.
    pub brand: String,
    /// Last four digits.
    pub last4: String,
    /// Expiry month (1–12).
    pub exp_month: i64,
    /// Expiry year.
    pub exp_year: i64,
    /// Whether invoices are charged to it.
    pub is_default: bool,
}

impl PaymentMethodView {
    /// "Visa •••• 4242", for people.
    pub fn label(&self) -> String {
        let mut brand = self.brand.clone();
        if let Some(first) = brand.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        format!("{brand} •••• {}", self.last4)
    }
}

/// One invoice of the workspace's subscription.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceView {
    /// Stripe's invoice number, e.g. `MW-0001`.
    pub number: String,
    /// When it was issued, RFC 3339.
    pub date: String,
    /// Amount due, in minor units.
    pub amount: i64,
    /// ISO 4217 currency, upper case.
    pub currency: String,
    /// `paid`, `open`, `void`, `uncollectible` or `draft`.
    pub status: String,
    /// Stripe's page to view (and pay) it.
    pub url: Option<String>,
    /// Its PDF.
    pub pdf: Option<String>,
}

/// What a plan change costs, from Stripe's invoice preview, shown before the user confirms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangePreview {
    /// The plan chosen.
    pub plan_key: String,
    /// Its name.
    pub plan_name: String,
    /// The interval chosen.
    pub interval: Interval,
    /// Charged now for the rest of the period (prorated), in minor units.
    pub due_now: i64,
    /// Credit for the unused time of the current plan, kept for future invoices (≥ 0).
    pub credit: i64,
    /// The price of each following period.
    pub next_amount: i64,
    /// ISO 4217 currency.
    pub currency: String,
    /// The moment the proration was computed for (Unix seconds); confirming uses the same one.
    pub proration_date: i64,
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
    fn plan_keys() {
        assert_eq!(plan_key_problem("pro"), None);
        assert!(plan_key_problem("Pro Plan").is_some());
    }

    #[test]
    fn intervals() {
        assert_eq!(Interval::parse("year"), Some(Interval::Year));
        assert_eq!(Interval::parse("weekly"), None);
    }
}
