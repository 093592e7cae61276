use crate::db::Db;
use crate::indexes::{expiring, index, CollectionIndexes};
use mongodb::bson::{doc, DateTime};
use mongodb::Collection;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Raw events, kept for the retention period.
pub const EVENTS: &str = "events";
/// Daily and hourly sums, kept for good.
pub const ROLLUPS: &str = "event_rollups";
/// Who was counted in a day's rollup already, until the day is long over.
pub const VISITORS: &str = "event_visitors";

/// The kind of event that is a visit: the one whose visitor, referrer and device are counted.
pub const VIEW: &str = "view";

/// One thing a visitor did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Given when the buffer takes it, so a write retried after a partial failure cannot store
    /// it twice.
    #[serde(rename = "_id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<mongodb::bson::oid::ObjectId>,
    /// Owner.
    pub workspace_id: String,
    /// Where it happened: `bio`, later `site`, `booking`…
    pub surface: String,
    /// Which page, form or product of that surface.
    pub item: String,
    /// `view`, `click`, `signup`…
    pub kind: String,
    /// What inside the item, when it matters (the clicked block).
    pub target: Option<String>,
    /// The visitor's daily hash (unlinkable across days).
    pub visitor: String,
    /// Referring host or `Direct`.
    pub referrer: String,
    /// `mobile`, `tablet` or `desktop`.
    pub device: String,
    /// When.
    pub at: DateTime,
}

/// The sums of one item over one UTC day or hour.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Rollup {
    /// `surface|workspace|item|period`.
    #[serde(rename = "_id")]
    pub id: String,
    /// Owner.
    pub workspace_id: String,
    /// As in [`Event`].
    pub surface: String,
    /// As in [`Event`].
    pub item: String,
    /// `YYYY-MM-DD`, or `YYYY-MM-DDTHH` when `hourly`.
    pub period: String,
    /// Whether `period` is an hour.
    #[serde(default)]
    pub hourly: bool,
    /// Events by kind.
    #[serde(default)]
    pub counts: BTreeMap<String, i64>,
    /// Events by kind and target, keyed `kind:target` ([`encode_key`]d).
    #[serde(default)]
    pub targets: BTreeMap<String, i64>,
    /// Views by referrer ([`encode_key`]d).
    #[serde(default)]
    pub referrers: BTreeMap<String, i64>,
    /// Views by device.
    #[serde(default)]
    pub devices: BTreeMap<String, i64>,
    /// Distinct visitors who viewed (daily rollups only).
    #[serde(default)]
    pub visitors: i64,
    /// The last batches (flushes) applied, so a batch run twice counts once.
    #[serde(default)]
    pub batches: Vec<String>,
}

impl Rollup {
    /// Events of `kind`.
    pub fn count(&self, kind: &str) -> u64 {
        self.counts.get(kind).copied().unwrap_or(0).max(0) as u64
    }

    /// Events of `kind` by target.
    pub fn targets_of<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = (String, u64)> + 'a {
        self.targets.iter().filter_map(move |(k, n)| {
            let key = decode_key(k);
            let target = key.strip_prefix(kind)?.strip_prefix(':')?.to_owned();
            Some((target, (*n).max(0) as u64))
        })
    }
}

/// A map key MongoDB can store: field names may not contain `.` or start with `$`. Borrows
/// `s` when there is nothing to escape, as for most referrers and devices on every view.
pub fn encode_key(s: &str) -> Cow<'_, str> {
    if !s.contains(['%', '.', '$']) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.replace('%', "%25")
            .replace('.', "%2E")
            .replace('$', "%24"),
    )
}

/// The inverse of [`encode_key`].
pub fn decode_key(s: &str) -> String {
    s.replace("%2E", ".")
        .replace("%24", "$")
        .replace("%25", "%")
}

/// Typed raw events.
pub fn events(db: &Db) -> Collection<Event> {
    db.collection(EVENTS)
}

/// Typed rollups.
pub fn rollups(db: &Db) -> Collection<Rollup> {
    db.collection(ROLLUPS)
}

/// The pipeline's indexes.
pub fn indexes() -> Vec<CollectionIndexes> {
    vec![
        CollectionIndexes {
            collection: EVENTS,
            indexes: vec![
                index(doc! { "at": 1 }, "at", false),
                index(
                    doc! { "workspace_id": 1, "surface": 1, "item": 1 },
                    "item",
                    false,
                ),
            ],
        },
        CollectionIndexes {
            collection: ROLLUPS,
            indexes: vec![index(
                doc! { "workspace_id": 1, "surface": 1, "item": 1, "hourly": 1, "period": 1 },
                "item_period",
                false,
            )],
        },
        CollectionIndexes {
            collection: VISITORS,
            indexes: vec![
                index(doc! { "rollup": 1 }, "rollup", false),
                expiring("expires_at", "expires_ttl"),
            ],
        },
        CollectionIndexes {
            collection: super::visitors::SALTS,
            indexes: vec![expiring("expires_at", "expires_ttl")],
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_survive_the_trip_through_field_names() {
        for s in ["instagram.com", "a$b", "100%.x", "click:link-1", "%2E"] {
            let k = encode_key(s);
            assert!(!k.contains('.') && !k.contains('$'), "{k}");
            assert_eq!(decode_key(&k), s);
        }
    }
}
