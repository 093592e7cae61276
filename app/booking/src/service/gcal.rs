//! Members' Google Calendars: connecting one (OAuth with offline access; both tokens sealed at
//! rest), its busy times taken out of the member's open times, and confirmed bookings written
//! to it (and removed when cancelled) by a retried job. Without Google configured or connected
//! only Mewayz bookings block time.

use super::slots::Taken;
use super::store::{bookings, ts, Booking};
use app_core::error::AppError;
use futures_util::future::BoxFuture;
use identity::service::google::{self, Google};
use identity::service::secrets::{open, random_token, seal, token_hash};
use jiff::Timestamp;
use mongodb::bson::{doc, DateTime, Document};
use platform::jobs::{Enqueue, JobKind};
use platform::AppState;
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::sync::Arc;
use workspaces::WorkspaceScope;

/// Connected calendars, one per member and workspace.
pub const CALENDARS: &str = "booking_calendars";
/// Consents under way.
pub const FLOWS: &str = "booking_calendar_flows";
const SEAL: &str = "booking.calendar-token";
const SCOPES: [&str; 4] = [
    "openid",
    "email",
    "https://www.googleapis.com/auth/calendar.readonly",
    "https://www.googleapis.com/auth/calendar.events",
];

/// A member's connected calendar (`_id` is `<workspace>:<user>`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Link {
    /// `<workspace>:<user>`.
    #[serde(rename = "_id")]
    pub id: String,
    /// Owner.
    pub workspace_id: String,
    /// The member.
    pub user_id: String,
    /// The refresh token, sealed.
    pub refresh: String,
    /// The current access token, sealed.
    pub access: String,
    /// Until when it works.
    pub access_until: DateTime,
    /// Connected.
    pub connected_at: DateTime,
}

#[derive(Debug, Serialize, Deserialize)]
struct Flow {
    #[serde(rename = "_id")]
    state_hash: String,
    workspace_id: String,
    user_id: String,
    handle: String,
    verifier: String,
    expires_at: DateTime,
}

fn redirect(state: &AppState) -> String {
    format!("{}/booking/google/callback", state.config.base_url)
}

fn links(state: &AppState) -> mongodb::Collection<Link> {
    state.db.collection(CALENDARS)
}

fn google(state: &AppState) -> Result<Arc<Google>, AppError> {
    google::of(state).ok_or_else(|| AppError::Unavailable {
        service: "Google Calendar (GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET are not set)".into(),
    })
}

/// Starts connecting the caller's calendar: the consent page to send them to.
pub async fn connect(
    state: &AppState,
    scope: &WorkspaceScope,
    handle: &str,
) -> Result<String, AppError> {
    let g = google(state)?;
    let (flow_state, verifier) = (random_token(), random_token());
    let flow = Flow {
        state_hash: token_hash(&flow_state),
        workspace_id: scope.workspace_id().to_owned(),
        user_id: scope.user_id().to_owned(),
        handle: handle.to_owned(),
        verifier: verifier.clone(),
        expires_at: state.clock.after(std::time::Duration::from_secs(600)),
    };
    state.db.collection::<Flow>(FLOWS).insert_one(&flow).await?;
    g.consent_url(
        &SCOPES,
        &redirect(state),
        &flow_state,
        &token_hash(&verifier),
    )
    .await
}

/// Finishes a consent: keeps the tokens, sealed; returns where to send the member.
pub async fn finish(state: &AppState, code: &str, flow_state: &str) -> Result<String, AppError> {
    let g = google(state)?;
    let flow = state
        .db
        .collection::<Flow>(FLOWS)
        .find_one_and_delete(
            doc! { "_id": token_hash(flow_state), "expires_at": { "$gt": state.clock.now() } },
        )
        .await?
        .ok_or(AppError::NotFound {
            what: "That connection attempt".into(),
        })?;
    let tokens = g.exchange(code, &flow.verifier, &redirect(state)).await?;
    let refresh = tokens.refresh_token.ok_or(AppError::Unavailable {
        service: "Google (no refresh token)".into(),
    })?;
    let secret = state.config.app_secret.expose();
    let now = state.clock.now();
    let link = Link {
        id: format!("{}:{}", flow.workspace_id, flow.user_id),
        workspace_id: flow.workspace_id,
        user_id: flow.user_id,
        refresh: seal(secret, SEAL, refresh.as_bytes())?,
        access: seal(secret, SEAL, tokens.access_token.as_bytes())?,
        access_until: DateTime::from_millis(
            now.timestamp_millis() + (tokens.expires_in - 60).max(0) * 1000,
        ),
        connected_at: now,
    };
    links(state)
        .replace_one(doc! { "_id": &link.id }, &link)
        .upsert(true)
        .await?;
    Ok(format!(
        "/app/{}/booking/hours?calendar=connected",
        flow.handle
    ))
}

/// Whether the caller's calendar is connected, and whether this server can connect one.
pub async fn status(state: &AppState, scope: &WorkspaceScope) -> Result<(bool, bool), AppError> {
    let id = format!("{}:{}", scope.workspace_id(), scope.user_id());
    let connected = links(state).count_documents(doc! { "_id": id }).await? > 0;
    Ok((google::of(state).is_some(), connected))
}

/// Forgets the caller's calendar (its tokens with it).
pub async fn disconnect(state: &AppState, scope: &WorkspaceScope) -> Result<(), AppError> {
    let id = format!("{}:{}", scope.workspace_id(), scope.user_id());
    links(state).delete_one(doc! { "_id": &id }).await?;
    // This replica forgets the calendar's busy times at once (others within the minute).
    if let Some(cache) = state.service::<BusyCache>() {
        let _ = cache.0.invalidate_entries_if(move |k, _| k.0 == id);
    }
    Ok(())
}

/// A working access token for `link`, refreshed (and kept) when it ran out.
async fn access(state: &AppState, g: &Google, link: &Link) -> Result<String, AppError> {
    let secret = state.config.app_secret.expose();
    if link.access_until > state.clock.now() {
        return String::from_utf8(open(secret, SEAL, &link.access)?)
            .map_err(|_| AppError::Internal);
    }
    let refresh =
        String::from_utf8(open(secret, SEAL, &link.refresh)?).map_err(|_| AppError::Internal)?;
    let fresh = g.refresh(&refresh).await?;
    let until = DateTime::from_millis(
        state.clock.now().timestamp_millis() + (fresh.expires_in - 60).max(0) * 1000,
    );
    links(state)
        .update_one(
            doc! { "_id": &link.id },
            doc! { "$set": { "access": seal(secret, SEAL, fresh.access_token.as_bytes())?, "access_until": until } },
        )
        .await?;
    Ok(fresh.access_token)
}

async fn link_of(
    state: &AppState,
    workspace_id: &str,
    host: &str,
) -> Result<Option<(Arc<Google>, Link)>, AppError> {
    let Some(g) = google::of(state) else {
        return Ok(None);
    };
    let link = links(state)
        .find_one(doc! { "_id": format!("{workspace_id}:{host}") })
        .await?;
    Ok(link.map(|l| (g, l)))
}

/// Busy times read from Google, per host, span and minute of the app's clock: the booking
/// page does not ask Google on every view (nor spend its quota), and a new busy time shows
/// within a minute. The check that takes a seat always reads afresh.
#[derive(Clone)]
pub struct BusyCache(moka::sync::Cache<(String, i64, i64, i64), Arc<Vec<Taken>>>);

impl BusyCache {
    /// An empty cache (a few thousand spans, each kept at most two minutes).
    pub fn new() -> Self {
        let cache = moka::sync::Cache::builder()
            .max_capacity(5_000)
            .time_to_live(std::time::Duration::from_secs(120))
            .support_invalidation_closures()
            .build();
        BusyCache(cache)
    }
}

impl Default for BusyCache {
    fn default() -> Self {
        Self::new()
    }
}

/// Host `host`'s busy times in their Google Calendar from `from` until `to`, as taken time;
/// `fresh` skips the minute's cache. A calendar that cannot be read counts as free (logged):
/// bookings go on, and Mewayz's own bookings still block.
pub async fn busy(
    state: &AppState,
    (workspace_id, host): (&str, &str),
    (from, to): (Timestamp, Timestamp),
    fresh: bool,
) -> Vec<Taken> {
    let minute = state.clock.now().timestamp_millis() / 60_000;
    let key = (
        format!("{workspace_id}:{host}"),
        from.as_second(),
        to.as_second(),
        minute,
    );
    let cache = state.service::<BusyCache>();
    if let (false, Some(hit)) = (fresh, cache.and_then(|c| c.0.get(&key))) {
        return hit.as_ref().clone();
    }
    match read_busy(state, workspace_id, host, (from, to)).await {
        Ok(b) => {
            if let Some(c) = cache {
                c.0.insert(key, Arc::new(b.clone()));
            }
            b
        }
        Err(e) => {
            tracing::warn!(error = %e, host, "Google Calendar busy times not read");
            Vec::new()
        }
    }
}

async fn read_busy(
    state: &AppState,
    workspace_id: &str,
    host: &str,
    (from, to): (Timestamp, Timestamp),
) -> Result<Vec<Taken>, AppError> {
    let Some((g, link)) = link_of(state, workspace_id, host).await? else {
        return Ok(Vec::new());
    };
    let token = access(state, &g, &link).await?;
    let body = json!({ "timeMin": from.to_string(), "timeMax": to.to_string(), "items": [{ "id": "primary" }] });
    let answer = g
        .call(
            http::Method::POST,
            "/calendar/v3/freeBusy",
            &token,
            Some(&body),
        )
        .await?;
    let ranges = answer["calendars"]["primary"]["busy"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    Ok(ranges
        .iter()
        .filter_map(|r| {
            let (a, b) = (
                r["start"].as_str()?.parse().ok()?,
                r["end"].as_str()?.parse().ok()?,
            );
            Some(Taken {
                host_id: host.to_owned(),
                service_id: String::new(),
                slot: String::new(),
                start: a,
                busy_from: a,
                busy_until: b,
            })
        })
        .collect())
}

/// Queues writing booking `b` to its host's calendar (`insert`) or removing it (`delete`).
pub async fn sync(state: &AppState, b: &Booking, action: &str) -> Result<(), AppError> {
    if google::of(state).is_none() {
        return Ok(());
    }
    let key = format!("{}:{}:{action}", WRITE.name, b.id);
    let when = Enqueue {
        key: Some(&key),
        run_at: None,
    };
    state
        .jobs
        .enqueue(
            WRITE.name,
            doc! { "booking_id": &b.id, "action": action },
            when,
        )
        .await?;
    Ok(())
}

/// Writes a booking to its host's calendar or removes it; retried when Google is down.
pub const WRITE: JobKind = JobKind {
    name: "booking.calendar_write",
    run: write_job,
    max_attempts: 10,
};

fn write_job<'a>(state: &'a AppState, payload: &'a Document) -> BoxFuture<'a, Result<(), String>> {
    Box::pin(async move { write(state, payload).await.map_err(|e| e.to_string()) })
}

async fn write(state: &AppState, payload: &Document) -> Result<(), AppError> {
    let (Ok(id), Ok(action)) = (payload.get_str("booking_id"), payload.get_str("action")) else {
        return Ok(());
    };
    let Some(b) = bookings(state).find_one(doc! { "_id": id }).await? else {
        return Ok(());
    };
    let Some((g, link)) = link_of(state, &b.workspace_id, &b.host_id).await? else {
        return Ok(());
    };
    let token = access(state, &g, &link).await?;
    let confirmed = b.status == crate::model::BookingStatus::Confirmed;
    match (action, &b.google_event_id) {
        ("insert", None) if confirmed => {
            let s = super::store::services(state)
                .find_one(doc! { "_id": &b.service_id })
                .await?;
            let title = s.map(|s| s.settings.name).unwrap_or_default();
            let body = json!({
                "summary": format!("{title} with {}", b.name),
                "description": format!("Booked on Mewayz by {} <{}>", b.name, b.email),
                "start": { "dateTime": ts(b.start).to_string() },
                "end": { "dateTime": ts(b.end).to_string() },
                "attendees": [{ "email": b.email }],
            });
            let made = g
                .call(
                    http::Method::POST,
                    "/calendar/v3/calendars/primary/events",
                    &token,
                    Some(&body),
                )
                .await?;
            let event = made["id"].as_str().unwrap_or_default();
            bookings(state)
                .update_one(
                    doc! { "_id": &b.id },
                    doc! { "$set": { "google_event_id": event } },
                )
                .await?;
        }
        ("delete", Some(event)) => {
            let path = format!("/calendar/v3/calendars/primary/events/{event}");
            match g.call(http::Method::DELETE, &path, &token, None).await {
                Ok(_) | Err(AppError::NotFound { .. }) => {}
                Err(e) => return Err(e),
            }
            bookings(state)
                .update_one(
                    doc! { "_id": &b.id },
                    doc! { "$unset": { "google_event_id": "" } },
                )
                .await?;
        }
        _ => {}
    }
    Ok(())
}
