//! The `email.sequence_step` job: moves one person along their sequence from where they stand,
//! through emails and conditions, until a wait begins (its job is queued for when it ends), the
//! steps end, or they leave. It checks first that they are still subscribed and without the exit
//! tag. An email is saved as sent only after it went, so a job that dies sends it again on its
//! retry rather than never.

use super::campaigns::{self, Campaign};
use super::enrolments::{coll, enqueue, Enrolment};
use super::sequences::{self, Sequence};
use super::subscriptions::{self, Subscription};
use super::tracking::ACTIVITY;
use super::{lists, schedule, sender};
use crate::model::{hour_minute, SequenceStatus, Status, Step};
use app_core::error::AppError;
use crm::service::contacts::CONTACTS;
use futures_util::future::BoxFuture;
use jiff::tz::TimeZone;
use jiff::{civil, Timestamp};
use mongodb::bson::{doc, DateTime, Document};
use platform::jobs::JobKind;
use platform::AppState;

/// Moves people along sequences.
pub const STEP: JobKind = JobKind {
    name: "email.sequence_step",
    run,
    // Backing off up to an hour: a day of SMTP caps or outage before a person's step is dead.
    max_attempts: 30,
};

/// How many times faster than the wall clock waits pass: 1 but in tests, where
/// `EMAIL_SEQUENCE_TIME_SCALE` makes an hour's wait a few seconds.
#[derive(Debug, Clone, Copy)]
pub struct TimeScale(pub u32);

fn run<'a>(state: &'a AppState, payload: &'a Document) -> BoxFuture<'a, Result<(), String>> {
    Box::pin(async move {
        let id = payload.get_str("enrolment").map_err(|e| e.to_string())?;
        let visit = payload.get_i32("visit").map_err(|e| e.to_string())?;
        advance(state, id, visit).await.map_err(|e| e.to_string())
    })
}

/// Moves enrolment `id` along, if `visit` is still its current visit.
pub async fn advance(state: &AppState, id: &str, visit: i32) -> Result<(), AppError> {
    let current = doc! { "_id": id, "visit": visit, "status": "active" };
    let Some(e) = coll(state).find_one(current.clone()).await? else {
        return Ok(());
    };
    let Some(seq) = sequences::coll(state)
        .find_one(doc! { "_id": &e.sequence_id })
        .await?
    else {
        return Ok(());
    };
    // Paused: the resume gives everyone a new visit.
    if seq.status != SequenceStatus::Live {
        return Ok(());
    }
    let sub = subscriptions::coll(state)
        .find_one(doc! { "_id": &e.subscription_id })
        .await?
        .filter(|s| s.status == Status::Subscribed);
    let Some(sub) = sub else {
        return leave(state, &e, "Unsubscribed").await;
    };
    if tagged(state, &seq, &sub).await? {
        let why = format!("Tagged “{}”", seq.exit_tag);
        return leave(state, &e, &why).await;
    }
    let mut i = e.place(&seq.steps);
    // Conditions only skip forward, so each step is visited at most once per job.
    while let Some(step) = seq.steps.get(i) {
        match step {
            Step::Email { campaign_id, .. } => {
                send(state, &seq, campaign_id, &sub).await?;
                i += 1;
            }
            Step::Wait { .. } | Step::Until { .. } if e.waiting && e.at == step.id() => i += 1,
            Step::Wait { amount, unit, .. } => {
                let scale = state.service::<TimeScale>().map_or(1, |t| t.0.max(1));
                let ms = i64::from(*amount) * unit.seconds() * 1000 / i64::from(scale);
                let due = DateTime::from_millis(state.clock.now().timestamp_millis() + ms);
                return wait(state, &e, step.id(), i, due).await;
            }
            Step::Until { weekday, time, .. } => {
                let (_, tz) = schedule::zone(state, &seq.workspace_id).await?;
                let due = next_time(state.clock.now(), *weekday, time, &tz);
                return wait(state, &e, step.id(), i, due).await;
            }
            Step::Branch {
                condition,
                email,
                otherwise,
                ..
            } => {
                let (opened, clicked) = activity(state, &seq, email, &sub).await?;
                if condition.holds(opened, clicked) {
                    i += 1;
                } else if let Some(to) = seq.steps.iter().position(|s| s.id() == otherwise) {
                    i = to.max(i + 1);
                } else {
                    let why = format!(
                        "Step {}: they {} the email",
                        i + 1,
                        condition.failed_label()
                    );
                    return leave(state, &e, &why).await;
                }
            }
        }
        // Saved after each step: a retry starts after what is done.
        let at = seq.steps.get(i).map(|s| s.id()).unwrap_or_default();
        let moved = coll(state)
            .update_one(
                current.clone(),
                doc! { "$set": {
                    "at": at,
                    "at_index": i as i32,
                    "waiting": false,
                    "updated_at": state.clock.now(),
                } },
            )
            .await?;
        if moved.matched_count == 0 {
            return Ok(());
        }
    }
    let finished = doc! { "$set": { "status": "finished", "updated_at": state.clock.now() } };
    coll(state).update_one(current, finished).await?;
    Ok(())
}

/// Begins the wait at step `id` (place `index`) until `due`, with the job of the next visit.
async fn wait(
    state: &AppState,
    e: &Enrolment,
    id: &str,
    index: usize,
    due: DateTime,
) -> Result<(), AppError> {
    let moved = coll(state)
        .update_one(
            doc! { "_id": &e.id, "visit": e.visit, "status": "active" },
            doc! {
                "$set": {
                    "at": id,
                    "at_index": index as i32,
                    "waiting": true,
                    "due_at": due,
                    "updated_at": state.clock.now(),
                },
                "$inc": { "visit": 1 },
            },
        )
        .await?;
    if moved.matched_count == 1 {
        enqueue(state, &e.id, e.visit + 1, Some(due)).await?;
    }
    Ok(())
}

async fn leave(state: &AppState, e: &Enrolment, reason: &str) -> Result<(), AppError> {
    coll(state)
        .update_one(
            doc! { "_id": &e.id, "visit": e.visit, "status": "active" },
            doc! { "$set": {
                "status": "left",
                "reason": reason,
                "updated_at": state.clock.now(),
            } },
        )
        .await?;
    Ok(())
}

/// Whether the subscriber's CRM contact carries the sequence's exit tag.
async fn tagged(state: &AppState, seq: &Sequence, sub: &Subscription) -> Result<bool, AppError> {
    if seq.exit_tag.is_empty() {
        return Ok(false);
    }
    let filter = doc! {
        "workspace_id": &seq.workspace_id,
        "emails": &sub.email,
        "tags": &seq.exit_tag,
    };
    let found = state
        .db
        .collection::<Document>(CONTACTS)
        .find_one(filter)
        .await?;
    Ok(found.is_some())
}

/// Sends the step's email (campaign `campaign_id` of sequence `seq`) to `sub`.
async fn send(
    state: &AppState,
    seq: &Sequence,
    campaign_id: &str,
    sub: &Subscription,
) -> Result<(), AppError> {
    let filter = doc! { "_id": campaign_id, "sequence_id": &seq.id };
    let c: Option<Campaign> = campaigns::coll(state).find_one(filter).await?;
    let list = lists::find_public(state, &seq.list_id).await?;
    match (c, list) {
        (Some(c), Some(list)) => sender::deliver_one(state, &c, &list, sub).await,
        // Its email or list is gone: nothing to send.
        _ => Ok(()),
    }
}

/// Whether `sub` opened and clicked the email of step `email` of `seq`.
async fn activity(
    state: &AppState,
    seq: &Sequence,
    email: &str,
    sub: &Subscription,
) -> Result<(bool, bool), AppError> {
    let campaign = seq.steps.iter().find_map(|s| match s {
        Step::Email {
            id, campaign_id, ..
        } if id == email => Some(campaign_id.as_str()),
        _ => None,
    });
    let Some(campaign) = campaign else {
        return Ok((false, false));
    };
    let found = state
        .db
        .collection::<Document>(ACTIVITY)
        .find_one(doc! { "_id": format!("{campaign}:{}", sub.id) })
        .await?;
    Ok(match found {
        Some(a) => (true, a.contains_key("clicked_at")),
        None => (false, false),
    })
}

/// The first moment after `now` when the clock in `tz` shows `time` (`HH:MM`), on `weekday`
/// (1 = Monday … 7 = Sunday) or on any day when it is 0. A time the clocks skip comes at the
/// first instant after the gap.
pub fn next_time(now: DateTime, weekday: u8, time: &str, tz: &TimeZone) -> DateTime {
    let (h, m) = hour_minute(time).unwrap_or((9, 0));
    let now_ts = Timestamp::from_millisecond(now.timestamp_millis()).unwrap_or_default();
    let today = now_ts.to_zoned_datetime(tz.clone()).date();
    for ahead in 0..8 {
        let Ok(day) = today.checked_add(jiff::Span::new().days(ahead)) else {
            break;
        };
        let fits = weekday == 0 || day.weekday().to_monday_one_offset() == weekday as i8;
        let at = civil::DateTime::from_parts(day, civil::time(h, m, 0, 0));
        if let (true, Ok(z)) = (fits, at.to_zoned_datetime(tz.clone())) {
            if z.timestamp() > now_ts {
                return DateTime::from_millis(z.timestamp().as_millisecond());
            }
        }
    }
    now
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime {
        DateTime::from_millis(s.parse::<Timestamp>().unwrap().as_millisecond())
    }

    #[test]
    fn waits_until_the_next_weekday_time_in_the_workspace_zone() {
        let paris = TimeZone::get("Europe/Paris").unwrap();
        // Friday 4 December 2026, 10:00 in Paris.
        let now = at("2026-12-04T09:00:00Z");
        assert_eq!(
            next_time(now, 0, "11:30", &paris),
            at("2026-12-04T10:30:00Z")
        );
        assert_eq!(
            next_time(now, 0, "09:00", &paris),
            at("2026-12-05T08:00:00Z")
        );
        assert_eq!(
            next_time(now, 1, "09:00", &paris),
            at("2026-12-07T08:00:00Z")
        );
        // Friday at 10:00 itself has come: the next Friday.
        assert_eq!(
            next_time(now, 5, "10:00", &paris),
            at("2026-12-11T09:00:00Z")
        );
    }
}
