//! This replica's copy of published pages as served (their HTML and headers), so a visit costs no database round trip. Bounded by size; a workspace's pages
//! are forgotten when any replica announces a change to them or to the workspace
//! (`platform::invalidate`), and at the latest when they expire: after a few minutes while
//! change streams are live, after a second when not, and when a scheduled link starts or ends.

use http::HeaderValue;
use mongodb::bson::DateTime;
use platform::encoded::Encoded;
use std::sync::Arc;
use std::time::Instant;

/// The HTML kept at most, in bytes.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// A published page as visitors get it.
#[derive(Debug)]
pub struct Served {
    /// Owner.
    pub workspace_id: String,
    /// The page.
    pub page_id: String,
    /// The whole document, compressed as well.
    pub page: Encoded,
    /// Its `Content-Security-Policy`.
    pub csp: HeaderValue,
}

/// What a handle and slug led to when last looked up.
#[derive(Debug)]
struct Entry {
    until: Instant,
    /// When a scheduled link next appears or goes (ms since the epoch), if ever.
    changes_at: Option<i64>,
    /// The workspace, when the handle is one (its announcements clear this entry).
    workspace_id: Option<String>,
    served: Option<Arc<Served>>,
}

/// The cache, one per process, among the bio module's services in `AppState`.
#[derive(Debug)]
pub struct BioCache {
    pages: moka::sync::Cache<(String, String), Arc<Entry>>,
}

impl Default for BioCache {
    fn default() -> Self {
        BioCache {
            pages: moka::sync::Cache::builder()
                .max_capacity(MAX_BYTES)
                .weigher(|(h, s): &(String, String), e: &Arc<Entry>| {
                    let html = e.served.as_ref().map_or(0, |s| s.page.len());
                    (h.len() + s.len() + html + 256)
                        .try_into()
                        .unwrap_or(u32::MAX)
                })
                .support_invalidation_closures()
                .build(),
        }
    }
}

/// The bio module's cache.
pub fn of(state: &platform::AppState) -> &BioCache {
    state
        .service::<BioCache>()
        .expect("the bio module registers its cache")
}

/// Forgets the pages of workspace `key`: the module's answer to an announced change.
pub fn forget(state: &platform::AppState, key: &str) {
    of(state).forget(key);
}

impl BioCache {
    /// The page at `handle`/`slug` as last served, if still good at `now`: `Some(None)` means
    /// it was not there.
    pub fn page(&self, handle: &str, slug: &str, now: DateTime) -> Option<Option<Arc<Served>>> {
        let e = self.pages.get(&(handle.to_owned(), slug.to_owned()))?;
        let now = now.timestamp_millis();
        let fresh = e.until > Instant::now() && e.changes_at.is_none_or(|c| now < c);
        fresh.then(|| e.served.clone())
    }

    /// Remembers what `handle`/`slug` led to, for `fresh_for`, or until `changes_at`
    /// (canonical time).
    pub fn remember(
        &self,
        handle: &str,
        slug: &str,
        workspace_id: Option<String>,
        served: Option<Arc<Served>>,
        changes_at: Option<String>,
        fresh_for: std::time::Duration,
    ) {
        // A time that does not read expires at once (never served stale).
        let changes_at = changes_at
            .map(|c| DateTime::parse_rfc3339_str(&c).map_or(i64::MIN, |t| t.timestamp_millis()));
        let entry = Entry {
            until: Instant::now() + fresh_for,
            changes_at,
            workspace_id,
            served,
        };
        self.pages
            .insert((handle.to_owned(), slug.to_owned()), Arc::new(entry));
    }

    /// Forgets every page of workspace `workspace_id`.
    pub fn forget(&self, workspace_id: &str) {
        let id = workspace_id.to_owned();
        let cleared = self
            .pages
            .invalidate_entries_if(move |_, e| e.workspace_id.as_deref() == Some(id.as_str()));
        if cleared.is_err() {
            self.pages.invalidate_all();
        }
    }
}
