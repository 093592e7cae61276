//! Who a visitor is, without cookies: a hash of their address and browser under a salt that is
//! replaced every day and then deleted (Plausible's method), their device class and referrer;
//! and recording what they do on a public surface (a bio page, a site) through the pipeline,
//! never counting bots, and at most [`crate::rate_limit::VIEWS_PER_MINUTE`] a minute per client
//! and workspace so that reloading a page in a loop cannot fill the database.

use super::model::Event;
use crate::state::AppState;
use aho_corasick::AhoCorasick;
use app_core::error::AppError;
use http::{header, HeaderMap, HeaderName};
use mongodb::bson::{doc, DateTime};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::sync::{Arc, LazyLock};

/// Collection name: one random salt per UTC day, deleted two days later.
pub const SALTS: &str = "visitor_salts";

#[derive(Debug, Serialize, Deserialize)]
struct Salt {
    #[serde(rename = "_id")]
    day: String,
    salt: String,
    expires_at: DateTime,
}

/// The UTC day of `at`, `YYYY-MM-DD`.
pub fn day_of(at: DateTime) -> String {
    at.try_to_rfc3339_string()
        .map(|s| s[..10].to_owned())
        .unwrap_or_default()
}

/// Markers of browsers that are programs, not people: crawlers, link unfurlers, monitors, HTTP
/// libraries.
const BOTS: &[&str] = &[
    "bot",
    "crawl",
    "spider",
    "slurp",
    "facebookexternalhit",
    "embedly",
    "preview",
    "headless",
    "lighthouse",
    "pingdom",
    "monitor",
    "curl/",
    "wget",
    "python",
    "go-http",
    "java/",
    "okhttp",
    "axios",
    "node-fetch",
    "httpclient",
    "libwww",
    "scrapy",
    "phantomjs",
];
/// Markers of tablets, then of phones (a tablet's name may say "mobile" too).
const TABLETS: &[&str] = &["ipad", "tablet"];
const PHONES: &[&str] = &["mobi", "iphone", "android"];

/// What a browser's name says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Agent {
    /// A program, not a person.
    pub bot: bool,
    /// `mobile`, `tablet` or `desktop`.
    pub device: &'static str,
}

/// Reads `user_agent`: every view asks, so all markers are found in one case-insensitive pass
/// (no lowercase copy, no search per marker).
pub fn agent(user_agent: &str) -> Agent {
    static MARKERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(BOTS.iter().chain(TABLETS).chain(PHONES))
            .expect("a few short markers make an automaton")
    });
    let (mut bot, mut tablet, mut phone) = (user_agent.trim().is_empty(), false, false);
    for m in MARKERS.find_overlapping_iter(user_agent) {
        match m.pattern().as_usize() {
            i if i < BOTS.len() => bot = true,
            i if i < BOTS.len() + TABLETS.len() => tablet = true,
            _ => phone = true,
        }
    }
    let device = if tablet {
        "tablet"
    } else if phone {
        "mobile"
    } else {
        "desktop"
    };
    Agent { bot, device }
}

/// The referring site's host, or `Direct` when there is none or it is this app.
pub fn referrer(referer: Option<&str>, own_base: &str) -> String {
    referer
        .and_then(app_core::link::host)
        .filter(|h| Some(h) != app_core::link::host(own_base).as_ref())
        .unwrap_or_else(|| "Direct".into())
}

/// The salt of the day of `at`, created by whichever request needs it first.
async fn salt(state: &AppState, at: DateTime) -> Result<Arc<str>, AppError> {
    // Every view asks: the day as a number, formatted only when this replica does not know it.
    let day_number = at.timestamp_millis().div_euclid(86_400_000);
    if let Some(s) = state.events.salt(day_number) {
        return Ok(s);
    }
    let day = day_of(at);
    let salts = state.db.collection::<Salt>(SALTS);
    if let Some(s) = salts.find_one(doc! { "_id": &day }).await? {
        return Ok(state.events.remember_salt(day_number, &s.salt));
    }
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let fresh = Salt {
        day: day.clone(),
        salt: app_core::ids::hex(&bytes),
        expires_at: state
            .clock
            .after(std::time::Duration::from_secs(2 * 86_400)),
    };
    // A concurrent first request may have inserted one: theirs wins, read it back.
    let _ = salts.insert_one(&fresh).await;
    let salt = salts
        .find_one(doc! { "_id": &day })
        .await?
        .map(|s| s.salt)
        .unwrap_or(fresh.salt);
    Ok(state.events.remember_salt(day_number, &salt))
}

/// What a public request tells about its visitor.
pub struct Hit<'a> {
    /// The client IP.
    pub ip: &'a str,
    /// Request headers.
    pub headers: &'a HeaderMap,
}

/// Headers by which browsers mark a prefetch (named once: a name given as text is parsed on
/// every lookup).
const PREFETCH: [HeaderName; 3] = [
    HeaderName::from_static("sec-purpose"),
    HeaderName::from_static("purpose"),
    HeaderName::from_static("x-moz"),
];

impl Hit<'_> {
    fn header(&self, name: &HeaderName) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Bots and browser prefetches are not visits; the browser's name and what it says, of one
    /// that is.
    fn counts(&self) -> Option<(&str, Agent)> {
        let prefetch = PREFETCH
            .iter()
            .any(|h| self.header(h).is_some_and(|v| v.contains("prefetch")));
        let ua = self.header(&header::USER_AGENT).unwrap_or("");
        let agent = agent(ua);
        (!prefetch && !agent.bot).then_some((ua, agent))
    }
}

/// What happened, where: `kind` (`view`, `click`, `submit`) on `item` of `surface`, with its
/// `target` inside the item when it matters.
pub struct Happened<'a> {
    /// The workspace whose surface it is.
    pub workspace_id: &'a str,
    /// `bio`, `site`…
    pub surface: &'a str,
    /// The page or site.
    pub item: &'a str,
    /// `view`, `click`, `submit`…
    pub kind: &'a str,
    /// The clicked block, the viewed page…
    pub target: Option<&'a str>,
}

/// Records `what` for the visitor of `hit`, unless it is a bot or over the per-client limit.
/// Returns whether it was counted.
pub async fn record(state: &AppState, what: Happened<'_>, hit: &Hit<'_>) -> Result<bool, AppError> {
    let Some((ua, agent)) = hit.counts() else {
        return Ok(false);
    };
    let client = format!("{} {}", hit.ip, what.workspace_id);
    match state.limits.views.check(&client).await {
        Ok(()) => {}
        Err(AppError::RateLimited { .. }) => return Ok(false),
        Err(e) => return Err(e),
    }
    let at = state.clock.now();
    let event = Event {
        id: None,
        workspace_id: what.workspace_id.to_owned(),
        surface: what.surface.into(),
        item: what.item.to_owned(),
        kind: what.kind.into(),
        target: what.target.map(Into::into),
        visitor: visitor(state, at, what.workspace_id, hit.ip, ua).await?,
        referrer: referrer(hit.header(&header::REFERER), &state.config.base_url),
        device: agent.device.into(),
        at,
    };
    state.events.record(event);
    Ok(true)
}

/// The visitor's identity on the day of `at` on `workspace_id`'s pages; unlinkable across
/// days.
pub async fn visitor(
    state: &AppState,
    at: DateTime,
    workspace_id: &str,
    ip: &str,
    user_agent: &str,
) -> Result<String, AppError> {
    let salt = salt(state, at).await?;
    // The same bytes as `salt|workspace|ip|agent`, without building that string on each view.
    let digest = Sha256::new()
        .chain_update(salt.as_bytes())
        .chain_update("|")
        .chain_update(workspace_id)
        .chain_update("|")
        .chain_update(ip)
        .chain_update("|")
        .chain_update(user_agent)
        .finalize();
    Ok(app_core::ids::hex(&digest[..12]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_bot(user_agent: &str) -> bool {
        agent(user_agent).bot
    }

    fn device(user_agent: &str) -> &'static str {
        agent(user_agent).device
    }

    #[test]
    fn programs_are_bots_and_browsers_are_not() {
        assert!(is_bot("Googlebot/2.1 (+http://www.google.com/bot.html)"));
        assert!(is_bot("facebookexternalhit/1.1"));
        assert!(is_bot("curl/8.5.0"));
        assert!(is_bot("Mozilla/5.0 (compatible; BingBot/2.0)"));
        assert!(is_bot("Python-urllib/3.11"));
        assert!(is_bot(""));
        assert!(!is_bot("Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"));
        assert_eq!(
            device("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)"),
            "mobile"
        );
        assert_eq!(device("Mozilla/5.0 (X11; Linux x86_64)"), "desktop");
        let pixel = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36";
        assert_eq!(
            agent(pixel),
            Agent {
                bot: false,
                device: "mobile"
            }
        );
        // An iPad's name says "Mobile" too: a tablet all the same.
        let ipad =
            "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";
        assert_eq!(device(ipad), "tablet");
        assert!(agent("Mozilla/5.0 (iPhone) HeadlessChrome/120").bot);
    }

    #[test]
    fn referrers_are_hosts_and_our_own_pages_are_direct() {
        assert_eq!(
            referrer(Some("https://www.instagram.com/x"), "https://mewayz.app"),
            "instagram.com"
        );
        assert_eq!(
            referrer(Some("https://mewayz.app/@me"), "https://mewayz.app"),
            "Direct"
        );
        assert_eq!(referrer(None, "https://mewayz.app"), "Direct");
    }
}
