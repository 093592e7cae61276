//! The plan forms' fields as typed, one struct per group of fields, so a server function takes
//! the form whole (flattened: the posted field names stay plain) rather than one argument each.

use serde::{Deserialize, Serialize};

/// The seven limit fields of a form, in the order of `LIMITS`; blank or `-1` as the form allows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LimitFields {
    /// Bio pages.
    pub bio_pages: String,
    /// Websites.
    pub sites: String,
    /// Contacts.
    pub contacts: String,
    /// Emails per month.
    pub emails_per_month: String,
    /// Team members.
    pub team_members: String,
    /// Storage in MB.
    pub storage_mb: String,
    /// AI credits.
    pub ai_credits: String,
}

impl LimitFields {
    /// The values by limit key.
    pub fn by_key(self) -> [(&'static str, String); 7] {
        [
            ("bio_pages", self.bio_pages),
            ("sites", self.sites),
            ("contacts", self.contacts),
            ("emails_per_month", self.emails_per_month),
            ("team_members", self.team_members),
            ("storage_mb", self.storage_mb),
            ("ai_credits", self.ai_credits),
        ]
    }
}

/// A plan as an admin types it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanForm {
    /// Stable key, such as `pro`.
    pub key: String,
    /// Name shown to customers.
    pub name: String,
    /// One line under the name.
    pub description: String,
    /// Price per month, as typed.
    pub monthly_price: String,
    /// Price per year, as typed.
    pub yearly_price: String,
    /// Free days before the first charge.
    pub trial_days: String,
    /// Present when the plan is offered to customers.
    #[serde(default)]
    pub visible: Option<String>,
    /// Its limits.
    #[serde(flatten)]
    pub limits: LimitFields,
}
