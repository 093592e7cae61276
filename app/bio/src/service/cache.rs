//! A short-lived, per-process memory of published pages and of today's visitor salt, so a
//! visitor's request costs one database write (the view) instead of four round trips.

use super::pages::PageDoc;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use workspaces::service::store::Workspace;

/// How long another replica's publish may take to show here; this replica forgets at once.
const FRESH_FOR: Duration = Duration::from_secs(5);
/// Entries kept at most; beyond, the cache starts over (a crude bound, enough for hot pages).
const MAX_ENTRIES: usize = 10_000;

/// A published page (or its absence) as last read, by handle and slug.
type Entry = (Instant, Option<(Workspace, PageDoc)>);

/// The cache, one per process, among the bio module's services in `AppState`.
#[derive(Debug, Default)]
pub struct BioCache {
    pages: Mutex<HashMap<(String, String), Entry>>,
    salt: Mutex<Option<(String, String)>>,
}

/// The bio module's cache.
pub fn of(state: &platform::AppState) -> &BioCache {
    state
        .service::<BioCache>()
        .expect("the bio module registers its cache")
}

impl BioCache {
    /// The page at `handle`/`slug` if read less than a few seconds ago.
    pub fn page(&self, handle: &str, slug: &str) -> Option<Option<(Workspace, PageDoc)>> {
        let pages = self.pages.lock().ok()?;
        let (at, found) = pages.get(&(handle.to_owned(), slug.to_owned()))?;
        (at.elapsed() < FRESH_FOR).then(|| found.clone())
    }

    /// Remembers what was read for `handle`/`slug`.
    pub fn remember(&self, handle: &str, slug: &str, found: Option<(Workspace, PageDoc)>) {
        if let Ok(mut pages) = self.pages.lock() {
            if pages.len() >= MAX_ENTRIES {
                pages.clear();
            }
            pages.insert(
                (handle.to_owned(), slug.to_owned()),
                (Instant::now(), found),
            );
        }
    }

    /// Forgets every page of `handle`, after a publish, unpublish or delete.
    pub fn forget(&self, handle: &str) {
        if let Ok(mut pages) = self.pages.lock() {
            pages.retain(|(h, _), _| h != handle);
        }
    }

    /// The salt of `day`, if known.
    pub fn salt(&self, day: &str) -> Option<String> {
        let salt = self.salt.lock().ok()?;
        salt.as_ref()
            .filter(|(d, _)| d == day)
            .map(|(_, s)| s.clone())
    }

    /// Remembers the salt of `day`.
    pub fn remember_salt(&self, day: &str, salt: &str) {
        if let Ok(mut s) = self.salt.lock() {
            *s = Some((day.to_owned(), salt.to_owned()));
        }
    }
}
