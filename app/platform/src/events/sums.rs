use super::model::{encode_key, Event, VIEW};
use mongodb::bson::{doc, Document};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Distinct visitors held per flush at most; beyond, visitors are not told apart (their views
/// still count).
const MAX_VISITORS: usize = 200_000;

/// What one rollup document gains from the events of one flush.
#[derive(Debug, Default)]
struct Gain {
    workspace_id: String,
    surface: String,
    item: String,
    period: String,
    hourly: bool,
    counts: BTreeMap<String, i64>,
    targets: BTreeMap<String, i64>,
    referrers: BTreeMap<String, i64>,
    devices: BTreeMap<String, i64>,
    visitors: BTreeSet<String>,
}

/// The exact sums of every event recorded since the last flush, by rollup: small however many
/// events there were, so they are never dropped.
#[derive(Debug, Default)]
pub struct Sums {
    gains: BTreeMap<String, Gain>,
    visitors: usize,
}

/// The day (`YYYY-MM-DD`) or hour (`YYYY-MM-DDTHH`) of `time`, an RFC 3339 time.
fn period(time: &str, hourly: bool) -> String {
    time.get(..if hourly { 13 } else { 10 })
        .unwrap_or_default()
        .to_owned()
}

impl Sums {
    /// Adds `e` to its day's and its hour's rollups; its visitor only when `counted` does not
    /// know them in that day's rollup yet (and then tells it).
    pub fn add(&mut self, e: &Event, counted: &mut HashSet<String>) {
        let time = e.at.try_to_rfc3339_string().unwrap_or_default();
        for hourly in [false, true] {
            let period = period(&time, hourly);
            let id = format!("{}|{}|{}|{period}", e.surface, e.workspace_id, e.item);
            let g = self.gains.entry(id.clone()).or_insert_with(|| Gain {
                workspace_id: e.workspace_id.clone(),
                surface: e.surface.clone(),
                item: e.item.clone(),
                period,
                hourly,
                ..Gain::default()
            });
            *g.counts.entry(e.kind.clone()).or_default() += 1;
            if let Some(t) = &e.target {
                *g.targets
                    .entry(encode_key(&format!("{}:{t}", e.kind)))
                    .or_default() += 1;
            }
            if e.kind == VIEW {
                *g.referrers.entry(encode_key(&e.referrer)).or_default() += 1;
                *g.devices.entry(encode_key(&e.device)).or_default() += 1;
                if !hourly && self.visitors < MAX_VISITORS {
                    let seen = format!("{id}|{}", e.visitor);
                    if counted.insert(seen) {
                        g.visitors.insert(e.visitor.clone());
                        self.visitors += 1;
                    }
                }
            }
        }
    }

    /// Whether nothing was added.
    pub fn is_empty(&self) -> bool {
        self.gains.is_empty()
    }

    /// Takes the sums out for writing.
    pub fn take(&mut self) -> Sums {
        std::mem::take(self)
    }

    /// Adds `other` back (its write failed).
    pub fn merge(&mut self, other: Sums) {
        for (id, g) in other.gains {
            let mine = self.gains.entry(id).or_insert_with(|| Gain {
                workspace_id: g.workspace_id.clone(),
                surface: g.surface.clone(),
                item: g.item.clone(),
                period: g.period.clone(),
                hourly: g.hourly,
                ..Gain::default()
            });
            for (to, from) in [
                (&mut mine.counts, g.counts),
                (&mut mine.targets, g.targets),
                (&mut mine.referrers, g.referrers),
                (&mut mine.devices, g.devices),
            ] {
                for (k, n) in from {
                    *to.entry(k).or_default() += n;
                }
            }
            mine.visitors.extend(g.visitors);
        }
        self.visitors = self.gains.values().map(|g| g.visitors.len()).sum();
    }

    /// The sums as the rollup job's payload: one entry per rollup document.
    pub fn to_payload(&self) -> Vec<Document> {
        self.gains
            .iter()
            .map(|(id, g)| {
                let map = |m: &BTreeMap<String, i64>| {
                    m.iter()
                        .map(|(k, n)| (k.clone(), mongodb::bson::Bson::Int64(*n)))
                        .collect::<Document>()
                };
                doc! {
                    "_id": id, "workspace_id": &g.workspace_id, "surface": &g.surface,
                    "item": &g.item, "period": &g.period, "hourly": g.hourly,
                    "counts": map(&g.counts), "targets": map(&g.targets),
                    "referrers": map(&g.referrers), "devices": map(&g.devices),
                    "visitors": g.visitors.iter().collect::<Vec<_>>(),
                }
            })
            .collect()
    }
}
