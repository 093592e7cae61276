use super::model::{encode_key, Event, VIEW};
use mongodb::bson::{doc, Document};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt::Write as _;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};

/// Hashes a day's rollup id and a visitor into the key of `counted`: one hash of two strings
/// a view, where a formatted key was an allocation, a longer hash and its comparisons. Two
/// visitor-days that collide in 64 bits (about one in 10¹⁴ among the half million held) would
/// count as one.
const COUNTED: BuildHasherDefault<DefaultHasher> = BuildHasherDefault::new();

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
    /// The hour (ms since the epoch / 3,600,000) last added and its RFC 3339 form: every event
    /// of a public page passes here, and formatting its time each time was most of the cost.
    hour: Option<(i64, String)>,
    /// Reused for rollup ids, so adding to a known rollup allocates nothing.
    id: String,
}

/// The day (`YYYY-MM-DD`) or hour (`YYYY-MM-DDTHH`) of `time`, an RFC 3339 time.
fn period(time: &str, hourly: bool) -> &str {
    time.get(..if hourly { 13 } else { 10 }).unwrap_or_default()
}

/// Adds one to `key` in `map`, allocating only for a new key.
fn bump(map: &mut BTreeMap<String, i64>, key: &str) {
    match map.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            map.insert(key.to_owned(), 1);
        }
    }
}

impl Sums {
    /// Adds `e` to its day's and its hour's rollups; its visitor only when `counted` does not
    /// know them in that day's rollup yet (and then tells it).
    pub fn add(&mut self, e: &Event, counted: &mut HashSet<u64>) {
        let hour = e.at.timestamp_millis().div_euclid(3_600_000);
        if self.hour.as_ref().is_none_or(|(h, _)| *h != hour) {
            let time = e.at.try_to_rfc3339_string().unwrap_or_default();
            self.hour = Some((hour, time));
        }
        let time = self.hour.as_ref().map_or("", |(_, t)| t.as_str());
        for hourly in [false, true] {
            let period = period(time, hourly);
            self.id.clear();
            let _ = write!(
                self.id,
                "{}|{}|{}|{period}",
                e.surface, e.workspace_id, e.item
            );
            if !self.gains.contains_key(&self.id) {
                let gain = Gain {
                    workspace_id: e.workspace_id.clone(),
                    surface: e.surface.clone(),
                    item: e.item.clone(),
                    period: period.to_owned(),
                    hourly,
                    ..Gain::default()
                };
                self.gains.insert(self.id.clone(), gain);
            }
            let Some(g) = self.gains.get_mut(&self.id) else {
                continue;
            };
            bump(&mut g.counts, &e.kind);
            if let Some(t) = &e.target {
                bump(&mut g.targets, &encode_key(&format!("{}:{t}", e.kind)));
            }
            if e.kind == VIEW {
                bump(&mut g.referrers, &encode_key(&e.referrer));
                bump(&mut g.devices, &encode_key(&e.device));
                if !hourly
                    && self.visitors < MAX_VISITORS
                    && counted.insert(COUNTED.hash_one((&self.id, &e.visitor)))
                    && g.visitors.insert(e.visitor.clone())
                {
                    self.visitors += 1;
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
