//! Caches that replicas agree on. A change that makes cached copies stale is announced with
//! [`invalidate`]: this replica forgets at once, and an insert into `cache_invalidations` reaches
//! every other replica through a MongoDB change stream ([`watch`]), where the module that declared
//! the cache forgets too, within moments. Where change streams are unavailable, [`live`] says so
//! and caches keep entries only briefly ([`fresh_for`]).

use super::indexes::{expiring, CollectionIndexes};
use super::state::AppState;
use futures_util::StreamExt;
use mongodb::bson::{doc, Document};
use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// The announcements, kept a minute (a replica that reconnects resumes from its stream).
pub const INVALIDATIONS: &str = "cache_invalidations";

/// How long a cached entry may be served while change streams tell this replica of changes.
pub const FRESH_FOR_LIVE: Duration = Duration::from_secs(300);
/// How long without change streams: the most another replica's change may take to show.
pub const FRESH_FOR_FALLBACK: Duration = Duration::from_secs(1);

/// A cache a module keeps: its name in announcements and how it forgets a key.
#[derive(Debug, Clone, Copy)]
pub struct CacheScope {
    /// Unique name, the module's (`bio`).
    pub name: &'static str,
    /// Forgets what is cached under `key` (the module decides what keys mean).
    pub forget: fn(&AppState, &str),
}

/// Whether this replica hears other replicas' announcements now.
#[derive(Debug, Default)]
pub struct Feed {
    live: AtomicBool,
}

/// Whether change streams are delivering announcements to this replica.
pub fn live(state: &AppState) -> bool {
    state.feed.live.load(Ordering::Relaxed)
}

/// How long a cache may keep an entry now.
pub fn fresh_for(state: &AppState) -> Duration {
    if live(state) {
        FRESH_FOR_LIVE
    } else {
        FRESH_FOR_FALLBACK
    }
}

/// The collection's index: announcements expire.
pub fn indexes() -> Vec<CollectionIndexes> {
    vec![CollectionIndexes {
        collection: INVALIDATIONS,
        indexes: vec![expiring("expires_at", "expires_ttl")],
    }]
}

fn forget_here(state: &AppState, scope: &str, key: &str) {
    for m in state.modules.iter() {
        for c in m.caches.iter().filter(|c| c.name == scope) {
            (c.forget)(state, key);
        }
    }
}

/// Forgets `key` of cache `scope` here and announces it to the other replicas. An announcement
/// that cannot be written is logged: the others then catch up when their entries expire.
pub async fn invalidate(state: &AppState, scope: &str, key: &str) {
    forget_here(state, scope, key);
    let note = doc! {
        "scope": scope, "key": key,
        "expires_at": state.clock.after(Duration::from_secs(60)),
    };
    if let Err(e) = state
        .db
        .collection::<Document>(INVALIDATIONS)
        .insert_one(note)
        .await
    {
        tracing::warn!(error = %e, scope, "cache invalidation not announced");
    }
}

/// Follows the announcements until `stop` resolves, reopening the stream when it breaks; while
/// it is not open, [`live`] is false.
pub async fn watch(state: AppState, stop: impl Future<Output = ()>) {
    tokio::pin!(stop);
    loop {
        tokio::select! {
            _ = &mut stop => break,
            ended = follow(&state) => {
                state.feed.live.store(false, Ordering::Relaxed);
                if let Err(e) = ended {
                    tracing::debug!(error = %e, "cache invalidation stream closed; reopening");
                }
                tokio::select! {
                    _ = &mut stop => break,
                    _ = tokio::time::sleep(Duration::from_secs(1)) => {}
                }
            }
        }
    }
    state.feed.live.store(false, Ordering::Relaxed);
}

async fn follow(state: &AppState) -> Result<(), mongodb::error::Error> {
    let mut stream = state
        .db
        .collection::<Document>(INVALIDATIONS)
        .watch()
        .pipeline([doc! { "$match": { "operationType": "insert" } }])
        .await?;
    state.feed.live.store(true, Ordering::Relaxed);
    while let Some(change) = stream.next().await {
        let Some(note) = change?.full_document else {
            continue;
        };
        if let (Ok(scope), Ok(key)) = (note.get_str("scope"), note.get_str("key")) {
            forget_here(state, scope, key);
        }
    }
    Ok(())
}
