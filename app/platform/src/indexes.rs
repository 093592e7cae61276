//! Index creation at start-up: each module declares its indexes in one place, and this applies
//! them all, idempotently, before the server reports ready.

use super::db::Db;
use mongodb::bson::Document;
use mongodb::options::IndexOptions;
use mongodb::IndexModel;
use std::time::Duration;

/// The indexes one collection needs.
#[derive(Debug, Clone)]
pub struct CollectionIndexes {
    /// Collection name.
    pub collection: &'static str,
    /// Index definitions; give each a stable `name` so re-running is a no-op.
    pub indexes: Vec<IndexModel>,
}

/// A named index on `keys`, unique or not.
pub fn index(keys: Document, name: &str, unique: bool) -> IndexModel {
    IndexModel::builder()
        .keys(keys)
        .options(
            IndexOptions::builder()
                .name(name.to_owned())
                .unique(unique)
                .build(),
        )
        .build()
}

/// A TTL index: MongoDB deletes each document once the date in `field` has passed.
pub fn expiring(field: &str, name: &str) -> IndexModel {
    IndexModel::builder()
        .keys(mongodb::bson::doc! { field: 1 })
        .options(
            IndexOptions::builder()
                .name(name.to_owned())
                .expire_after(Duration::ZERO)
                .build(),
        )
        .build()
}

/// The indexes of the platform's own collections and of every module in `modules`.
pub fn of(modules: &[super::Module]) -> Vec<CollectionIndexes> {
    let mut all = super::rate_limit::indexes();
    all.extend(super::jobs::indexes());
    all.extend(super::events::indexes());
    all.extend(super::invalidate::indexes());
    all.extend(super::media::indexes());
    all.extend(modules.iter().flat_map(|m| (m.indexes)()));
    all
}

/// Creates the given indexes. `createIndexes` with an identical definition is a no-op, so this
/// runs on every start-up and on every replica without coordination.
pub async fn ensure(db: &Db, specs: &[CollectionIndexes]) -> Result<(), mongodb::error::Error> {
    for spec in specs {
        if spec.indexes.is_empty() {
            continue;
        }
        db.collection::<Document>(spec.collection)
            .create_indexes(spec.indexes.clone())
            .await?;
    }
    Ok(())
}

/// Keeps trying to ensure `specs` until it succeeds, then marks the database ready. Run in the
/// background so that start-up never waits for MongoDB.
pub async fn ensure_until_ready(db: Db, specs: Vec<CollectionIndexes>) {
    let mut delay = Duration::from_millis(250);
    loop {
        match ensure(&db, &specs).await {
            Ok(()) => {
                db.mark_schema_ready();
                tracing::info!("database indexes ensured");
                return;
            }
            Err(e) => {
                tracing::warn!(error = %e, retry_in_ms = delay.as_millis() as u64, "database not ready");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(10));
            }
        }
    }
}
