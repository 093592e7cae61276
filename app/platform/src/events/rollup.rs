use super::model::{encode_key, events, rollups, VISITORS};
use crate::db::int;
use crate::jobs::{JobKind, Schedule};
use crate::state::AppState;
use app_core::error::AppError;
use futures_util::future::BoxFuture;
use futures_util::TryStreamExt;
use mongodb::bson::{doc, Bson, DateTime, Document};
use std::collections::BTreeMap;

/// Adds one flush's sums to the rollups; queued by the buffer with each flush.
pub const ROLLUP: JobKind = JobKind {
    name: "events.rollup",
    run: rollup,
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

/// Batch ids a rollup remembers: enough for any job still being retried.
const BATCHES_KEPT: i32 = 200;

fn prune<'a>(state: &'a AppState, _: &'a Document) -> BoxFuture<'a, Result<(), String>> {
    Box::pin(async move {
        let days = u64::from(state.config.events_retention_days);
        let before = DateTime::from_millis(
            state.clock.now().timestamp_millis() - (days * 86_400_000) as i64,
        );
        events(&state.db)
            .delete_many(doc! { "at": { "$lt": before } })
            .await
            .map_err(|e| e.to_string())?;
        Ok(())
    })
}

fn rollup<'a>(state: &'a AppState, payload: &'a Document) -> BoxFuture<'a, Result<(), String>> {
    Box::pin(async move { apply(state, payload).await.map_err(|e| e.to_string()) })
}

/// Adds the sums in `payload` (`rollups`, from [`super::sums::Sums::to_payload`]) to the rollup
/// documents. Safe to run twice, and twice at once: each rollup remembers the batches it took
/// and refuses one it has; distinct visitors are kept in sets per day and counted.
pub async fn apply(state: &AppState, payload: &Document) -> Result<(), AppError> {
    let Ok(gains) = payload.get_array("rollups") else {
        return Ok(());
    };
    // Given by the buffer when it queued the job: a re-run carries the same one.
    let Ok(batch) = payload.get_str("batch") else {
        return Ok(());
    };
    for gain in gains.iter().filter_map(|g| g.as_document()) {
        let id = gain.get_str("_id").unwrap_or_default();
        let mut inc = Document::new();
        for field in ["counts", "targets", "referrers", "devices"] {
            if let Ok(map) = gain.get_document(field) {
                for (k, n) in map {
                    inc.insert(format!("{field}.{k}"), n.clone());
                }
            }
        }
        let mut fixed = Document::new();
        for field in ["workspace_id", "surface", "item", "period", "hourly"] {
            if let Some(v) = gain.get(field) {
                fixed.insert(field, v.clone());
            }
        }
        let update = doc! {
            "$inc": inc,
            "$push": { "batches": { "$each": [batch], "$slice": -BATCHES_KEPT } },
            "$setOnInsert": fixed,
        };
        let applied = rollups(&state.db)
            .update_one(doc! { "_id": id, "batches": { "$ne": batch } }, update)
            .upsert(true)
            .await;
        match applied.map_err(AppError::from) {
            // The rollup exists and has this batch already: the upsert's insert collided.
            Ok(_) | Err(AppError::Conflict { .. }) => {}
            Err(e) => return Err(e),
        }
        let visitors: Vec<&str> = gain
            .get_array("visitors")
            .map(|v| v.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        if !visitors.is_empty() {
            count_visitors(state, id, &visitors).await?;
        }
    }
    Ok(())
}

/// Visitor sets per day's rollup, each a map from visitor to `true`. One document per visitor
/// made first visits most of the database's work under `make bench` (10,240 inserts, then
/// counting them read them all again); arrays with `$addToSet` cost SecantusDB more still (it
/// compares each new member with every one there). A flush costs at most this many updates, and
/// a page with a million visitors a day keeps about 16,000 per set (some 500 KB).
const VISITOR_SETS: u8 = 64;

/// The set of a visitor (a hex digest): from its first two digits, so sets fill evenly.
fn visitor_set(visitor: &str) -> u8 {
    let n = visitor
        .get(..2)
        .and_then(|h| u8::from_str_radix(h, 16).ok())
        .unwrap_or(0);
    n % VISITOR_SETS
}

/// Records who viewed in a day's rollup and sets its distinct count: setting a visitor already in
/// its set changes nothing, and the count is read back from the sets, so a re-run (or another
/// replica's job at the same time) sets the same value.
async fn count_visitors(state: &AppState, rollup: &str, visitors: &[&str]) -> Result<(), AppError> {
    let sets = state.db.collection::<Document>(VISITORS);
    // Kept three days: late events of the day still find them.
    let expires_at = state
        .clock
        .after(std::time::Duration::from_secs(3 * 86_400));
    let mut by_set: BTreeMap<u8, Vec<&str>> = BTreeMap::new();
    for v in visitors {
        by_set.entry(visitor_set(v)).or_default().push(v);
    }
    for (set, members) in by_set {
        let id = doc! { "_id": format!("{rollup}|{set}") };
        let members: Document = members
            .into_iter()
            .map(|v| (encode_key(v).into_owned(), Bson::Boolean(true)))
            .collect();
        // One merge rather than a `$set` path per visitor: SecantusDB checks every pair of an
        // update's paths for overlap, and a first flush of 20,000 visitors (300 a set) spent
        // more of the database's time on that than on anything else.
        let add = vec![doc! { "$set": {
            "v": { "$mergeObjects": [{ "$ifNull": ["$v", {}] }, { "$literal": members }] },
            "rollup": rollup,
            "expires_at": { "$ifNull": ["$expires_at", expires_at] },
        } }];
        // Two replicas creating one set at once: one insert collides, and adds again to the set
        // the other created.
        let added = sets.update_one(id.clone(), add.clone()).upsert(true).await;
        match added.map_err(AppError::from) {
            Ok(_) => {}
            Err(AppError::Conflict { .. }) => {
                sets.update_one(id, add).await?;
            }
            Err(e) => return Err(e),
        }
    }
    let total = sets
        .aggregate(vec![
            doc! { "$match": { "rollup": rollup } },
            doc! { "$group": { "_id": null, "n": { "$sum": { "$size": { "$objectToArray": { "$ifNull": ["$v", {}] } } } } } },
        ])
        .await?
        .try_next()
        .await?;
    let n = total.and_then(|d| int(&d, "n")).unwrap_or(0);
    rollups(&state.db)
        .update_one(doc! { "_id": rollup }, doc! { "$set": { "visitors": n } })
        .await?;
    Ok(())
}
