//! This replica's copy of published pages as rendered, so a visit costs no database round trip.
//! Bounded by size; a site's pages are forgotten when any replica announces it changed
//! (`platform::invalidate`: publishing, a domain's status), and at the latest when they expire.
//! A form's timing token is not cached: it is put into the page on each request.

use super::store::SiteDoc;
use axum::body::Bytes;
use http::HeaderValue;
use platform::encoded::Encoded;
use platform::AppState;
use std::sync::Arc;
use std::time::Instant;

/// The name of the cache in announcements; keys are site ids, or `place:<place>`.
pub const CACHE: &str = "sites";
/// What a cached page holds where each request's form token goes.
pub const TOKEN_SLOT: &str = "\u{1}token\u{1}";
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// A published page as rendered.
#[derive(Debug)]
pub struct Served {
    /// Owner.
    pub workspace_id: String,
    /// The site.
    pub site_id: String,
    /// The page.
    pub page_id: String,
    /// The whole document, with [`TOKEN_SLOT`] where the form token goes.
    pub html: Bytes,
    /// The document compressed as well, when it is the same for every visitor: most pages
    /// have no form (so no token to put in) and are sent as they are, without a copy.
    pub same_for_all: Option<Encoded>,
    /// Its `Content-Security-Policy`.
    pub csp: HeaderValue,
}

#[derive(Debug)]
struct Entry {
    until: Instant,
    site_id: Option<String>,
    served: Option<Arc<Served>>,
}

/// The cache, one per process, among the sites module's services.
#[derive(Debug)]
pub struct SitesCache(moka::sync::Cache<(String, String), Arc<Entry>>);

impl Default for SitesCache {
    fn default() -> Self {
        SitesCache(
            moka::sync::Cache::builder()
                .max_capacity(MAX_BYTES)
                .weigher(|(w, s): &(String, String), e: &Arc<Entry>| {
                    // The compressed page's plain form is `html` itself, shared.
                    let html = e.served.as_ref().map_or(0, |s| {
                        s.same_for_all.as_ref().map_or(s.html.len(), Encoded::len)
                    });
                    (w.len() + s.len() + html + 256)
                        .try_into()
                        .unwrap_or(u32::MAX)
                })
                .support_invalidation_closures()
                .build(),
        )
    }
}

/// The module's cache.
pub fn of(state: &AppState) -> &SitesCache {
    state
        .service::<SitesCache>()
        .expect("the sites module registers its cache")
}

impl SitesCache {
    /// What `site`/`slug` led to (`where` is `s:<site slug>` or `h:<domain>`), if still fresh:
    /// `Some(None)` means nothing was there.
    pub fn get(&self, place: &str, slug: &str) -> Option<Option<Arc<Served>>> {
        let e = self.0.get(&(place.to_owned(), slug.to_owned()))?;
        (e.until > Instant::now()).then(|| e.served.clone())
    }

    /// Remembers what `place`/`slug` led to.
    pub fn remember(
        &self,
        state: &AppState,
        place: &str,
        slug: &str,
        site_id: Option<String>,
        served: Option<Arc<Served>>,
    ) {
        let fresh_for = if site_id.is_some() {
            platform::invalidate::fresh_for(state)
        } else {
            platform::invalidate::FRESH_FOR_FALLBACK
        };
        let entry = Entry {
            until: Instant::now() + fresh_for,
            site_id,
            served,
        };
        self.0
            .insert((place.to_owned(), slug.to_owned()), Arc::new(entry));
    }
}

/// Forgets what `key` names: a site's pages (its id), or (`place:<place>`) what an address
/// led to.
pub fn forget(state: &AppState, key: &str) {
    let cache = &of(state).0;
    let key = key.to_owned();
    let cleared = match key.strip_prefix("place:") {
        Some(place) => {
            let place = place.to_owned();
            cache.invalidate_entries_if(move |(p, _), _| *p == place)
        }
        None => cache.invalidate_entries_if(move |_, e| e.site_id.as_deref() == Some(key.as_str())),
    };
    if cleared.is_err() {
        cache.invalidate_all();
    }
}

/// Announces that `site` changed, so every replica renders it again.
pub async fn forget_site(state: &AppState, site: &SiteDoc) {
    platform::invalidate::invalidate(state, CACHE, &site.id).await;
    // Its address may have served nothing before: that answer goes too.
    platform::invalidate::invalidate(state, CACHE, &format!("place:s:{}", site.slug)).await;
}

/// Announces that `domain` changed (connected, removed, verified or not).
pub async fn forget_host(state: &AppState, domain: &str) {
    platform::invalidate::invalidate(state, CACHE, &format!("place:h:{domain}")).await;
}
