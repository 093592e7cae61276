use super::model::{duplicates_only, encode_key, events, rollups, Event, VIEW, VISITORS};
use crate::jobs::{JobKind, Schedule};
use crate::state::AppState;
use app_core::error::AppError;
use futures_util::future::BoxFuture;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, Bson, DateTime, Document};
use std::collections::BTreeMap;

/// Folds raw events into the rollups; queued by the buffer after each write.
pub const ROLLUP: JobKind = JobKind {
    name: "events.rollup",
    run: |state, _| {
        Box::pin(async move { roll_up(state).await.map(|_| ()).map_err(|e| e.to_string()) })
    },
    max_attempts: 10,
};

/// Deletes raw events older than the retention period (rollups stay).
pub const PRUNE: JobKind = JobKind {
    name: "events.prune",
    run: prune,
    max_attempts: 5,
};

/// Prunes every night.
pub const PRUNE_DAILY: Schedule = Schedule {
    kind: "events.prune",
    cron: "17 3 * * *",
    time_zone: "UTC",
};

/// Events claimed per batch.
const BATCH: i64 = 5_000;
/// Batches per run; the next run goes on.
const BATCHES_PER_RUN: usize = 50;
/// Batch ids a rollup remembers: only the latest batch can be re-run.
const BATCHES_KEPT: i32 = 20;

fn prune<'a>(state: &'a AppState, _: &'a Document) -> BoxFuture<'a, Result<(), String>> {
    Box::pin(async move {
        let days = u64::from(state.config.events_retention_days);
        let before = DateTime::from_millis(
            state.clock.now().timestamp_millis() - (days * 86_400_000) as i64,
        );
        events(&state.db)
            .delete_many(doc! { "rolled": true, "at": { "$lt": before } })
            .await
            .map_err(|e| e.to_string())?;
        Ok(())
    })
}

/// Folds every raw event not yet counted into the daily and hourly rollups, a batch at a time;
/// returns how many it counted. Safe to run twice, and two at once: a batch applied to a rollup
/// is remembered there and not applied again.
pub async fn roll_up(state: &AppState) -> Result<usize, AppError> {
    let mut total = 0;
    for _ in 0..BATCHES_PER_RUN {
        let Some(batch) = claim(state).await? else {
            break;
        };
        let claimed: Vec<Event> = events(&state.db)
            .find(doc! { "batch": &batch, "rolled": false })
            .await?
            .try_collect()
            .await?;
        apply(state, &batch, &claimed).await?;
        events(&state.db)
            .update_many(
                doc! { "batch": &batch },
                doc! { "$set": { "rolled": true } },
            )
            .await?;
        total += claimed.len();
    }
    Ok(total)
}

/// A batch left half done by a run that stopped, or a new one of waiting events.
async fn claim(state: &AppState) -> Result<Option<String>, AppError> {
    let unfinished = events(&state.db)
        .find_one(doc! { "rolled": false, "batch": { "$exists": true } })
        .await?;
    if let Some(batch) = unfinished.and_then(|e| e.batch) {
        return Ok(Some(batch));
    }
    let raw = state.db.collection::<Document>(super::model::EVENTS);
    let ids: Vec<Bson> = raw
        .find(doc! { "rolled": false, "batch": { "$exists": false } })
        .projection(doc! { "_id": 1 })
        .limit(BATCH)
        .await?
        .try_collect::<Vec<Document>>()
        .await?
        .into_iter()
        .filter_map(|d| d.get("_id").cloned())
        .collect();
    if ids.is_empty() {
        return Ok(None);
    }
    let batch = app_core::ids::new_id();
    raw.update_many(
        doc! { "_id": { "$in": ids }, "batch": { "$exists": false } },
        doc! { "$set": { "batch": &batch } },
    )
    .await?;
    Ok(Some(batch))
}

/// The sums one batch adds to one rollup.
#[derive(Default)]
struct Sums {
    first: Option<Event>,
    counts: BTreeMap<String, i64>,
    targets: BTreeMap<String, i64>,
    referrers: BTreeMap<String, i64>,
    devices: BTreeMap<String, i64>,
    visitors: Vec<String>,
}

fn period(at: DateTime, hourly: bool) -> String {
    let s = at.try_to_rfc3339_string().unwrap_or_default();
    if hourly {
        s.get(..13).unwrap_or_default().to_owned()
    } else {
        s.get(..10).unwrap_or_default().to_owned()
    }
}

async fn apply(state: &AppState, batch: &str, claimed: &[Event]) -> Result<(), AppError> {
    let mut sums: BTreeMap<(String, bool), Sums> = BTreeMap::new();
    for e in claimed {
        for hourly in [false, true] {
            let p = period(e.at, hourly);
            let id = format!("{}|{}|{}|{p}", e.surface, e.workspace_id, e.item);
            let s = sums.entry((id, hourly)).or_default();
            s.first.get_or_insert_with(|| e.clone());
            *s.counts.entry(e.kind.clone()).or_default() += 1;
            if let Some(t) = &e.target {
                *s.targets
                    .entry(encode_key(&format!("{}:{t}", e.kind)))
                    .or_default() += 1;
            }
            if e.kind == VIEW {
                *s.referrers.entry(encode_key(&e.referrer)).or_default() += 1;
                *s.devices.entry(encode_key(&e.device)).or_default() += 1;
                if !hourly {
                    s.visitors.push(e.visitor.clone());
                }
            }
        }
    }
    for ((id, hourly), s) in sums {
        let Some(first) = &s.first else { continue };
        let mut inc = Document::new();
        for (field, map) in [
            ("counts", &s.counts),
            ("targets", &s.targets),
            ("referrers", &s.referrers),
            ("devices", &s.devices),
        ] {
            for (k, n) in map {
                inc.insert(format!("{field}.{k}"), *n);
            }
        }
        let update = doc! {
            "$inc": inc,
            "$push": { "batches": { "$each": [batch], "$slice": -BATCHES_KEPT } },
            "$setOnInsert": {
                "workspace_id": &first.workspace_id, "surface": &first.surface,
                "item": &first.item, "period": period(first.at, hourly), "hourly": hourly,
            },
        };
        let applied = rollups(&state.db)
            .update_one(doc! { "_id": &id, "batches": { "$ne": batch } }, update)
            .upsert(true)
            .await;
        match applied.map_err(AppError::from) {
            // The rollup exists and has this batch already: the upsert's insert collided.
            Ok(_) | Err(AppError::Conflict { .. }) => {}
            Err(e) => return Err(e),
        }
        if !s.visitors.is_empty() {
            count_visitors(state, &id, first.at, &s.visitors).await?;
        }
    }
    Ok(())
}

/// Records who viewed in a day's rollup and sets its distinct count: inserting a visitor
/// already there fails harmlessly, and the count is read back, so a re-run sets the same value.
async fn count_visitors(
    state: &AppState,
    rollup: &str,
    at: DateTime,
    visitors: &[String],
) -> Result<(), AppError> {
    let seen = state.db.collection::<Document>(VISITORS);
    // Kept until two days after the day: late events of the day still find them.
    let expires_at = DateTime::from_millis(at.timestamp_millis() + 3 * 86_400_000);
    let mut fresh: Vec<Document> = visitors
        .iter()
        .map(
            |v| doc! { "_id": format!("{rollup}|{v}"), "rollup": rollup, "expires_at": expires_at },
        )
        .collect();
    fresh.sort_by(|a, b| a.get_str("_id").ok().cmp(&b.get_str("_id").ok()));
    fresh.dedup_by(|a, b| a.get_str("_id").ok() == b.get_str("_id").ok());
    match seen.insert_many(fresh).ordered(false).await {
        Err(e) if !duplicates_only(&e) => return Err(e.into()),
        _ => {}
    }
    let n = seen.count_documents(doc! { "rollup": rollup }).await?;
    rollups(&state.db)
        .update_one(
            doc! { "_id": rollup },
            doc! { "$set": { "visitors": n as i64 } },
        )
        .await?;
    Ok(())
}
