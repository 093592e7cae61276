//! The `email.send_campaign` job: sends a campaign to its list in batches of subscribers, in id
//! order, paced to a rate, saving after each batch the last subscriber it reached. A job that
//! dies (the process was killed) runs again once its lease expires and resumes after the last
//! saved batch, so nobody is skipped and at most the batch in flight gets a second copy.

use super::campaigns::{coll, Campaign};
use super::links::{self, Purpose};
use super::lists::{self, MailList};
use super::subscriptions::{self, Subscription};
use super::template::{self, Links, Rendered};
use super::{routes, timeline, usage};
use crate::model::{merge, merge_html, CampaignStatus, Recipient};
use app_core::error::AppError;
use futures_util::future::BoxFuture;
use futures_util::{StreamExt, TryStreamExt};
use mongodb::bson::{doc, Document};
use platform::jobs::{Enqueue, JobKind};
use platform::mailer::{Email, Sender};
use platform::AppState;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use workspaces::WorkspaceScope;

/// Sends campaigns.
pub const SEND: JobKind = JobKind {
    name: "email.send_campaign",
    run,
    max_attempts: 20,
};

/// Subscribers per batch: what a killed process may send twice.
const BATCH: usize = 100;
/// Messages on their way to the mail server at once: one per pooled connection.
pub const CONCURRENCY: usize = platform::mailer::SMTP_CONNECTIONS as usize;

fn run<'a>(state: &'a AppState, payload: &'a Document) -> BoxFuture<'a, Result<(), String>> {
    Box::pin(async move {
        let id = payload.get_str("campaign").map_err(|e| e.to_string())?;
        let run = payload.get_i32("run").map_err(|e| e.to_string())?;
        send(state, id, run).await.map_err(|e| e.to_string())
    })
}

/// Sends campaign `id` from where it stands until it is done, paused or cancelled, as its
/// start or resume number `run` (starting it first when it was scheduled for now): after a pause and a quick resume, the job of the earlier run
/// stops at its next batch instead of sending alongside the new one.
pub async fn send(state: &AppState, id: &str, run: i32) -> Result<(), AppError> {
    super::schedule::begin(state, id, run).await?;
    let Some(first) = current(state, id, run).await? else {
        return Ok(());
    };
    let Some(list) = lists::find_public(state, &first.list_id).await? else {
        coll(state)
            .update_one(
                doc! { "_id": id },
                doc! { "$set": { "status": "cancelled" } },
            )
            .await?;
        return Ok(());
    };
    // Rendered once per run: MJML per message would cost more than sending it.
    let rendered = template::render(
        &first.blocks,
        &first.preview,
        &reason(&list),
        Links::Tracked {
            base: &state.config.base_url,
            campaign: id,
        },
    )?;
    // From the workspace's verified domain, DKIM-signed, when it has one.
    let from = super::domains::sender(state, &first.workspace_id).await?;
    // One query for the whole run, read a batch at a time: a query per batch cost SecantusDB a
    // sort of the list each time (0.2–0.7 s for 10,000).
    let mut filter = doc! {
        "workspace_id": &first.workspace_id,
        "list_id": &first.list_id,
        "status": "subscribed",
    };
    let after = doc! { "_id": { "$gt": &first.cursor } };
    if !first.segment_id.is_empty() {
        let segment = super::segments::audience(state, &first).await?;
        filter = doc! { "$and": [segment, after] };
    } else if !first.cursor.is_empty() {
        filter.extend(after);
    }
    let mut pending = subscriptions::coll(state)
        .find(filter)
        .sort(doc! { "_id": 1 })
        .batch_size(500)
        .await?;
    let mut cursor = first.cursor;
    let mut turn = 0;
    loop {
        let mut batch: Vec<Subscription> = Vec::with_capacity(BATCH);
        while batch.len() < BATCH {
            match pending.try_next().await? {
                Some(s) => batch.push(s),
                None => break,
            }
        }
        // Paused, cancelled or taken over by a newer run meanwhile: stop here.
        let Some(c) = current(state, id, run).await? else {
            return Ok(());
        };
        if batch.is_empty() {
            coll(state)
                .update_one(
                    doc! { "_id": id, "status": "sending", "cursor": &cursor },
                    doc! { "$set": { "status": "sent", "updated_at": state.clock.now() } },
                )
                .await?;
            return Ok(());
        }
        // Within the SMTP providers' caps: what no server has room for waits for its turn.
        let Some(route) = routes::pick(state, batch.len() as u32, turn).await? else {
            return wait(state, id, run).await;
        };
        turn += 1;
        let capped = (route.granted as usize) < batch.len();
        batch.truncate(route.granted as usize);
        let started = Instant::now();
        let scope = WorkspaceScope::system(&c.workspace_id);
        let emails = batch.iter().map(|s| s.email.clone()).collect();
        let contacts = subscriptions::contacts(state, &scope, emails).await?;
        // Once the server stops answering, the messages not yet begun are not tried: only those
        // already on their way can go out twice when the batch resumes.
        let down = AtomicBool::new(false);
        let sends: Vec<BoxFuture<'_, Result<(), AppError>>> = batch
            .iter()
            .map(|s| {
                let name = contacts.get(&s.email).map_or("", |(_, n)| n.as_str());
                let (c, rendered, from, down, route) = (&c, &rendered, &from, &down, &route);
                Box::pin(async move {
                    if down.load(Ordering::Relaxed) {
                        return Err(AppError::Unavailable {
                            service: "Email".into(),
                        });
                    }
                    let sent = send_one(state, (c, route.server), rendered, from, s, name).await;
                    if matches!(sent, Err(AppError::Unavailable { .. })) {
                        down.store(true, Ordering::Relaxed);
                    }
                    sent
                }) as BoxFuture<'_, _>
            })
            .collect();
        // In order, so each result stays beside its subscriber.
        let all: Vec<Result<(), AppError>> = futures_util::stream::iter(sends)
            .buffered(CONCURRENCY)
            .collect()
            .await;
        // The mail server stopped answering part way: what went out before that is saved, and
        // the job's retry (with backoff) starts at the first message that did not, so only those
        // in flight beside it can arrive twice.
        let first_down = all
            .iter()
            .position(|r| matches!(r, Err(AppError::Unavailable { .. })));
        let done = first_down.unwrap_or(all.len());
        routes::give_back(state, &route, (all.len() - done) as u32).await?;
        let results = &all[..done];
        let failed = results.iter().filter(|r| r.is_err()).count() as i64;
        let sent = results.len() as i64 - failed;
        // At most the configured rate, so the provider's own cap is not hit.
        let per_second = f64::from(state.config.email.rate_per_second);
        let least = Duration::from_secs_f64(batch.len() as f64 / per_second);
        if let Some(wait) = least.checked_sub(started.elapsed()) {
            tokio::time::sleep(wait).await;
        }
        if let Some(last) = done.checked_sub(1).map(|i| batch[i].id.clone()) {
            // Guarded by the position read: another run at the same time moves on once, then
            // stops.
            let saved = coll(state)
                .update_one(
                    doc! { "_id": id, "cursor": &cursor },
                    doc! {
                        "$set": { "cursor": &last, "waiting": "", "updated_at": state.clock.now() },
                        "$inc": { "sent": sent, "failed": failed },
                    },
                )
                .await?;
            if saved.matched_count == 0 {
                return Ok(());
            }
            let reached = batch
                .iter()
                .zip(results)
                .filter(|(_, r)| r.is_ok())
                .filter_map(|(s, _)| contacts.get(&s.email).map(|(id, _)| id.as_str()));
            futures_util::try_join!(
                usage::add(state, &c.workspace_id, sent),
                timeline::sent(state, &scope, &c, reached)
            )?;
            cursor = last;
        }
        if let Some(Err(e)) = first_down.map(|i| &all[i]) {
            return Err(e.clone());
        }
        if capped {
            return wait(state, id, run).await;
        }
    }
}

/// Says on campaign `id` that it waits for the SMTP servers' caps, and looks again in a minute
/// with a job of the same run.
async fn wait(state: &AppState, id: &str, run: i32) -> Result<(), AppError> {
    coll(state)
        .update_one(
            doc! { "_id": id, "run": run },
            doc! { "$set": { "waiting": routes::AT_CAPS } },
        )
        .await?;
    let now = state.clock.now();
    let key = format!("email.campaign:{id}:{run}:{}", now.timestamp_millis());
    let options = Enqueue {
        key: Some(&key),
        run_at: Some(state.clock.after(Duration::from_secs(60))),
    };
    let payload = doc! { "campaign": id, "run": run };
    state.jobs.enqueue(SEND.name, payload, options).await?;
    Ok(())
}

/// Sends campaign `c` (a sequence's email) to subscription `s` of `list` alone, counted like a
/// campaign's: on the plan's monthly sends, the campaign's report and the contact's timeline.
pub async fn deliver_one(
    state: &AppState,
    c: &Campaign,
    list: &MailList,
    s: &Subscription,
) -> Result<(), AppError> {
    let scope = WorkspaceScope::system(&c.workspace_id);
    usage::check(state, &scope, 1).await?;
    let links = Links::Tracked {
        base: &state.config.base_url,
        campaign: &c.id,
    };
    let rendered = template::render(&c.blocks, &c.preview, &reason(list), links)?;
    let from = super::domains::sender(state, &c.workspace_id).await?;
    let contact = subscriptions::contacts(state, &scope, vec![s.email.clone()])
        .await?
        .remove(&s.email);
    let name = contact.as_ref().map_or("", |(_, n)| n.as_str());
    let Some(route) = routes::pick(state, 1, 0).await? else {
        return Err(AppError::Unavailable {
            service: routes::AT_CAPS.into(),
        });
    };
    if let Err(e) = send_one(state, (c, route.server), &rendered, &from, s, name).await {
        routes::give_back(state, &route, 1).await?;
        return Err(e);
    }
    coll(state)
        .update_one(doc! { "_id": &c.id }, doc! { "$inc": { "sent": 1i64 } })
        .await?;
    usage::add(state, &c.workspace_id, 1).await?;
    let reached = contact.iter().map(|(id, _)| id.as_str());
    timeline::sent(state, &scope, c, reached).await
}

/// Campaign `id` while it is sending as run `run`.
async fn current(state: &AppState, id: &str, run: i32) -> Result<Option<Campaign>, AppError> {
    Ok(coll(state)
        .find_one(doc! { "_id": id })
        .await?
        .filter(|c| c.status == CampaignStatus::Sending && c.run == run))
}

/// Why a subscriber of `list` gets its campaigns, at the foot of each.
pub fn reason(list: &MailList) -> String {
    format!("You receive this because you subscribed to {}.", list.name)
}

/// Campaign `c`, rendered as `rendered`, for subscription `s`, whose CRM name is `name`.
fn message(
    state: &AppState,
    c: &Campaign,
    rendered: &Rendered,
    s: &Subscription,
    name: &str,
) -> (Email, [(&'static str, String); 4]) {
    let unsubscribe = links::url(state, Purpose::Unsubscribe, &s.id);
    let token = links::track_token(state, &c.id, &s.id);
    let preferences = links::url(state, Purpose::Preferences, &s.id);
    let to = Recipient {
        email: &s.email,
        name,
        token: &token,
        unsubscribe: &unsubscribe,
        preferences: &preferences,
    };
    let email = Email {
        to: s.email.clone(),
        subject: merge(&c.subject, &to),
        text: merge(&rendered.text, &to),
        html: merge_html(&rendered.html, &to),
    };
    // RFC 8058: mail clients show their own unsubscribe button and post to it in one click.
    // The workspace rides along as provider metadata, so a bounce or complaint names it.
    let headers = [
        ("List-Unsubscribe", format!("<{unsubscribe}>")),
        (
            "List-Unsubscribe-Post",
            "List-Unsubscribe=One-Click".to_owned(),
        ),
        ("X-PM-Metadata-workspace", c.workspace_id.clone()),
        (
            "X-SES-MESSAGE-TAGS",
            format!("workspace={}", c.workspace_id),
        ),
    ];
    (email, headers)
}

/// Sends campaign `c` to `s` through campaign server `server` (`SMTP_URL` when `None`).
async fn send_one(
    state: &AppState,
    (c, server): (&Campaign, Option<usize>),
    rendered: &Rendered,
    from: &Sender,
    s: &Subscription,
    name: &str,
) -> Result<(), AppError> {
    let (email, headers) = message(state, c, rendered, s, name);
    state
        .mailer
        .send_campaign(server, email, &headers, from)
        .await
}
