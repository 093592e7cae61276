use super::model::{duplicates_only, events, rollups, VISITORS};
use crate::jobs::{JobKind, Schedule};
use crate::state::AppState;
use app_core::error::AppError;
use futures_util::future::BoxFuture;
use mongodb::bson::{doc, DateTime, Document};

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
/// and refuses one it has; distinct visitors are recorded one document each and counted.
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

/// Records who viewed in a day's rollup and sets its distinct count: inserting a visitor
/// already there fails harmlessly, and the count is read back, so a re-run sets the same value.
async fn count_visitors(state: &AppState, rollup: &str, visitors: &[&str]) -> Result<(), AppError> {
    let seen = state.db.collection::<Document>(VISITORS);
    // Kept three days: late events of the day still find them.
    let expires_at = state
        .clock
        .after(std::time::Duration::from_secs(3 * 86_400));
    let fresh: Vec<Document> = visitors
        .iter()
        .map(
            |v| doc! { "_id": format!("{rollup}|{v}"), "rollup": rollup, "expires_at": expires_at },
        )
        .collect();
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
