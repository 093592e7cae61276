//! Segments: the part of a list that matches conditions on the CRM contact (tag, source, a
//! custom field) and on what they did with past campaigns (opened or clicked in the last days).

use serde::{Deserialize, Serialize};

/// What a segment asks of a subscriber; empty parts ask nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentRule {
    /// The contact has this tag.
    #[serde(default)]
    pub tag: String,
    /// The contact came from this source (a key of the CRM's sources).
    #[serde(default)]
    pub source: String,
    /// The contact's custom field with this key…
    #[serde(default)]
    pub field: String,
    /// …holds this value.
    #[serde(default)]
    pub value: String,
    /// `opened`, `clicked` or `not_opened` in the last `days`; empty for any.
    #[serde(default)]
    pub activity: String,
    /// The window of `activity`, in days.
    #[serde(default)]
    pub days: u32,
}

/// The activities a segment can ask about: key and label.
pub const ACTIVITIES: &[(&str, &str)] = &[
    ("opened", "Opened a campaign"),
    ("clicked", "Clicked a link"),
    ("not_opened", "Did not open any campaign"),
];

impl SegmentRule {
    /// Field → problem, empty when the rule is usable.
    pub fn problems(&self) -> Vec<(&'static str, &'static str)> {
        let mut out = Vec::new();
        let contact = !self.tag.is_empty() || !self.source.is_empty() || !self.field.is_empty();
        if !contact && self.activity.is_empty() {
            out.push(("form", "Choose at least one condition."));
        }
        if !self.field.is_empty() && self.value.trim().is_empty() {
            out.push(("value", "Give the value the field must hold."));
        }
        if !self.activity.is_empty() {
            if !ACTIVITIES.iter().any(|(k, _)| *k == self.activity) {
                out.push(("activity", "Choose an activity from the list."));
            } else if !(1..=365).contains(&self.days) {
                out.push(("days", "Give a number of days from 1 to 365."));
            }
        }
        out
    }
}

/// A saved segment with how many subscribers match now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentView {
    /// Id.
    pub id: String,
    /// The list it is part of.
    pub list_id: String,
    /// Name.
    pub name: String,
    /// Its conditions.
    pub rule: SegmentRule,
    /// Subscribed addresses matching now.
    pub count: u64,
}
