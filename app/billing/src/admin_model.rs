//! What platform admins see of billing: workspaces with their subscriptions, and the impact of
//! a plan change before it is saved.

use super::model::{Interval, PlanView};
use serde::{Deserialize, Serialize};

/// A workspace as platform admins see it on the subscriptions screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminWorkspaceRow {
    /// Workspace id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Handle.
    pub handle: String,
    /// Owners' emails.
    pub owners: Vec<String>,
    /// The plan whose limits apply now (its name).
    pub plan: String,
    /// Stripe's subscription status, if it ever subscribed.
    pub status: Option<String>,
    /// Billing interval of the subscription.
    pub interval: Option<Interval>,
    /// End of the current trial, RFC 3339.
    pub trial_end: Option<String>,
    /// The complimentary plan (its key), while one is given.
    pub comp_plan: Option<String>,
    /// Until when, RFC 3339 (none: until taken back).
    pub comp_until: Option<String>,
    /// The discount applied, for people.
    pub discount: Option<String>,
    /// Limits set for this workspace over its plan's.
    pub limit_overrides: Vec<(String, i64)>,
}

/// What saving a plan would do to the workspaces subscribed to it, shown to the admin first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanImpact {
    /// The plan as it would be saved.
    pub plan: PlanView,
    /// Whether the plan exists already (a new one affects nobody).
    pub exists: bool,
    /// Workspaces with a live subscription to it.
    pub workspaces: u64,
    /// Their monthly recurring revenue now, in minor units (yearly subscriptions count 1/12).
    pub mrr_before: i64,
    /// The same if the new prices applied to every subscriber.
    pub mrr_after: i64,
    /// Whether prices or limits change at all (otherwise there is nothing to decide).
    pub terms_change: bool,
    /// Subscribers whose current use is above a new limit.
    pub over_limit: Vec<OverLimit>,
}

/// One workspace above one new limit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverLimit {
    /// Workspace name.
    pub workspace: String,
    /// Its handle.
    pub handle: String,
    /// The limit, for people ("Team members").
    pub limit: String,
    /// What it uses now.
    pub used: u64,
    /// What the new plan allows.
    pub allowed: i64,
}

/// Who a plan's new prices and limits apply to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplyTo {
    /// Every subscriber: limits at once, prices from each one's next renewal.
    Everyone,
    /// New subscribers only: existing ones keep their price and limits.
    NewSubscribers,
}

impl ApplyTo {
    /// Parses the posted value (`everyone`, `new_subscribers`).
    pub fn parse(s: &str) -> Option<ApplyTo> {
        match s {
            "everyone" => Some(ApplyTo::Everyone),
            "new_subscribers" => Some(ApplyTo::NewSubscribers),
            _ => None,
        }
    }
}
