//! Each workspace's subscription as Stripe last reported it (what that entitles the workspace
//! to is in `entitlements`). Stripe is the source of truth: every change is read back from
//! Stripe and written here by [`apply`], whichever way it arrived (webhook, return from
//! checkout, a change made in the app).

use super::emails;
use super::entitlements::entitlements_of;
use super::plans;
use crate::model::{BillingView, Interval, LIVE_STATUSES};
use app_core::error::AppError;
use futures_util::future::BoxFuture;
use mongodb::bson::{doc, DateTime, Document};
use mongodb::options::ReturnDocument;
use mongodb::Collection;
use platform::jobs::{Enqueue, JobKind};
use platform::{AppState, Db};
use serde::{Deserialize, Serialize};
use std::time::Duration;
use workspaces::service::store::workspaces;
use workspaces::WorkspaceScope;

/// Collection name: one document per workspace that ever talked to Stripe.
pub const SUBSCRIPTIONS: &str = "subscriptions";

/// Statuses of a subscription whose latest payment failed.
const OVERDUE: &[&str] = &["past_due", "unpaid"];

/// A workspace's billing record.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SubscriptionRecord {
    /// The workspace.
    #[serde(rename = "_id")]
    pub workspace_id: String,
    /// Its Stripe customer.
    #[serde(default)]
    pub stripe_customer_id: Option<String>,
    /// Its current (or last) Stripe subscription.
    #[serde(default)]
    pub stripe_subscription_id: Option<String>,
    /// The plan paid for.
    #[serde(default)]
    pub plan_key: Option<String>,
    /// Billing interval.
    #[serde(default)]
    pub interval: Option<Interval>,
    /// Stripe's status.
    #[serde(default)]
    pub status: Option<String>,
    /// End of the current period.
    #[serde(default)]
    pub period_end: Option<DateTime>,
    /// Ends at `period_end` instead of renewing.
    #[serde(default)]
    pub cancel_at_period_end: bool,
    /// Set while a payment is overdue: paid features stay until then.
    #[serde(default)]
    pub grace_until: Option<DateTime>,
    /// Whether the workspace already had a free trial.
    #[serde(default)]
    pub trial_used: bool,
    /// Price of one period in minor units, as Stripe bills it (old prices stay with subscribers).
    #[serde(default)]
    pub amount: Option<i64>,
    /// Limits kept from before an admin changed the plan for new subscribers only.
    #[serde(default)]
    pub grandfathered_limits: Option<std::collections::BTreeMap<String, i64>>,
    /// Features kept likewise.
    #[serde(default)]
    pub grandfathered_features: Option<Vec<String>>,
    /// End of the free trial, while there is one.
    #[serde(default)]
    pub trial_end: Option<DateTime>,
    /// A plan a platform admin gave the workspace for free…
    #[serde(default)]
    pub comp_plan_key: Option<String>,
    /// …until then (none: until taken back).
    #[serde(default)]
    pub comp_until: Option<DateTime>,
    /// Limits a platform admin set for this workspace, over its plan's.
    #[serde(default)]
    pub limit_overrides: Option<std::collections::BTreeMap<String, i64>>,
    /// The discount a platform admin applied, for people ("20% off for 3 months").
    #[serde(default)]
    pub discount: Option<String>,
}

impl SubscriptionRecord {
    /// Whether the paid plan applies (perhaps restricted by an overdue payment).
    pub fn is_live(&self) -> bool {
        self.status
            .as_deref()
            .is_some_and(|s| LIVE_STATUSES.contains(&s))
    }

    /// The complimentary plan in force at `now`, if any.
    pub fn comp_plan(&self, now: DateTime) -> Option<&str> {
        self.comp_plan_key
            .as_deref()
            .filter(|_| self.comp_until.is_none_or(|u| u > now))
    }
}

/// The typed collection.
pub fn subscriptions(db: &Db) -> Collection<SubscriptionRecord> {
    db.collection(SUBSCRIPTIONS)
}

/// The workspace's record, if it has one.
pub async fn record(db: &Db, workspace_id: &str) -> Result<Option<SubscriptionRecord>, AppError> {
    Ok(subscriptions(db)
        .find_one(doc! { "_id": workspace_id })
        .await?)
}

/// An optional date as RFC 3339, for views.
pub(super) fn rfc3339(d: Option<DateTime>) -> Option<String> {
    d.and_then(|d| d.try_to_rfc3339_string().ok())
}

/// The billing screen's data.
pub async fn view(state: &AppState, scope: &WorkspaceScope) -> Result<BillingView, AppError> {
    let rec = record(&state.db, scope.workspace_id()).await?;
    let ent = entitlements_of(state, rec.as_ref()).await?;
    let rec = rec.unwrap_or_default();
    let live = rec.is_live();
    Ok(BillingView {
        workspace_id: scope.workspace_id().to_owned(),
        plan: ent.plan,
        paid_plan: ent.paid_plan,
        interval: rec.interval.filter(|_| live),
        status: rec.status.clone(),
        period_end: rfc3339(rec.period_end.filter(|_| live)),
        cancel_at_period_end: live && rec.cancel_at_period_end,
        grace_until: rfc3339(rec.grace_until),
        restricted: ent.restricted,
        payments_ready: super::payments::of(state).is_some(),
        can_manage: scope
            .role()
            .can(workspaces::model::Permission::ManageBilling),
        plans: plans::list(&state.db, false).await?,
    })
}

/// The live subscription a change applies to, or a message saying there is none.
pub async fn live_record(db: &Db, workspace_id: &str) -> Result<SubscriptionRecord, AppError> {
    record(db, workspace_id)
        .await?
        .filter(|r| r.is_live() && r.stripe_subscription_id.is_some())
        .ok_or_else(|| AppError::Conflict {
            field: None,
            message: "This workspace has no paid subscription. Choose a plan first.".into(),
        })
}

fn ts(t: i64) -> DateTime {
    DateTime::from_millis(t.saturating_mul(1000))
}

/// Writes Stripe's current view of `sub` into the workspace's record and plan. Safe to call any
/// number of times and in any order: it only ever copies the state Stripe reports now.
pub async fn apply(state: &AppState, sub: &stripe_shared::Subscription) -> Result<(), AppError> {
    let sub_id = sub.id.as_str();
    let customer = sub.customer.id().as_str().to_owned();
    let workspace_id = match sub.metadata.get("workspace_id") {
        Some(id) => id.clone(),
        None => match subscriptions(&state.db)
            .find_one(doc! { "$or": [ { "stripe_subscription_id": sub_id }, { "stripe_customer_id": &customer } ] })
            .await?
        {
            Some(r) => r.workspace_id,
            None => {
                tracing::warn!(subscription = sub_id, "Stripe subscription of no known workspace");
                return Ok(());
            }
        },
    };
    if workspaces(&state.db)
        .find_one(doc! { "_id": &workspace_id })
        .await?
        .is_none()
    {
        tracing::warn!(subscription = sub_id, workspace = %workspace_id, "subscription of a deleted workspace");
        return Ok(());
    }
    let status = sub.status.as_str().to_owned();
    let live = LIVE_STATUSES.contains(&status.as_str());
    let existing = record(&state.db, &workspace_id).await?;
    if let Some(current) = existing
        .as_ref()
        .and_then(|r| r.stripe_subscription_id.as_deref())
    {
        // A late event about an older, ended subscription must not undo the current one.
        if current != sub_id && !live && existing.as_ref().is_some_and(|r| r.is_live()) {
            return Ok(());
        }
    }
    let item = sub.items.data.first();
    let plan_key = item
        .and_then(|i| i.price.metadata.get("plan_key").cloned())
        .or_else(|| sub.metadata.get("plan_key").cloned());
    let interval = item
        .and_then(|i| i.price.recurring.as_ref())
        .and_then(|r| Interval::parse(r.interval.as_str()));
    let period_end = item.map(|i| ts(i.current_period_end));
    let mut set = doc! {
        "stripe_subscription_id": sub_id,
        "stripe_customer_id": &customer,
        "status": &status,
        "cancel_at_period_end": sub.cancel_at_period_end,
        "updated_at": state.clock.now(),
    };
    if let Some(k) = &plan_key {
        set.insert("plan_key", k.as_str());
    }
    if let Some(i) = interval {
        set.insert("interval", i.as_str());
    }
    if let Some(p) = period_end {
        set.insert("period_end", p);
    }
    if let Some(amount) = item.and_then(|i| i.price.unit_amount) {
        set.insert("amount", amount);
    }
    if sub.trial_start.is_some() {
        set.insert("trial_used", true);
    }
    set.insert(
        "trial_end",
        sub.trial_end
            .filter(|_| status == "trialing")
            .map(ts)
            .map_or(mongodb::bson::Bson::Null, Into::into),
    );
    subscriptions(&state.db)
        .update_one(doc! { "_id": &workspace_id }, doc! { "$set": set })
        .upsert(true)
        .await?;
    let plan = match (&plan_key, live) {
        (Some(k), true) => k.clone(),
        _ => "free".to_owned(),
    };
    workspaces(&state.db)
        .update_one(
            doc! { "_id": &workspace_id },
            doc! { "$set": { "plan": &plan } },
        )
        .await?;
    update_grace(
        state,
        &workspace_id,
        OVERDUE.contains(&status.as_str()),
        live,
    )
    .await
}

/// Starts the grace period when a payment becomes overdue and ends it when it is paid, telling
/// the owners once each time (the conditional update makes each transition happen once).
async fn update_grace(
    state: &AppState,
    workspace_id: &str,
    overdue: bool,
    live: bool,
) -> Result<(), AppError> {
    let coll = subscriptions(&state.db);
    if overdue {
        let grace_until = state.clock.after(Duration::from_secs(
            u64::from(state.config.billing_grace_days) * 86_400,
        ));
        let started = coll
            .find_one_and_update(
                doc! { "_id": workspace_id, "grace_until": null },
                doc! { "$set": { "grace_until": grace_until } },
            )
            .return_document(ReturnDocument::After)
            .await?;
        if started.is_some() {
            notify_owners(state, workspace_id, |ws, link| {
                emails::payment_failed(ws, link, grace_until)
            })
            .await;
            schedule_grace_end(state, workspace_id, grace_until).await?;
        }
    } else {
        let ended = coll
            .find_one_and_update(
                doc! { "_id": workspace_id, "grace_until": { "$ne": null } },
                doc! { "$set": { "grace_until": null } },
            )
            .await?;
        if ended.is_some() && live {
            notify_owners(state, workspace_id, emails::payment_recovered).await;
        }
    }
    Ok(())
}

/// Tells the owners when the grace period ends, if it has not been paid by then.
pub const GRACE_ENDED: JobKind = JobKind {
    name: "billing.grace_ended",
    run: grace_ended,
    max_attempts: 5,
};

async fn schedule_grace_end(
    state: &AppState,
    workspace_id: &str,
    grace_until: DateTime,
) -> Result<(), AppError> {
    let key = format!(
        "{}:{workspace_id}:{}",
        GRACE_ENDED.name,
        grace_until.timestamp_millis()
    );
    let payload = doc! { "workspace_id": workspace_id, "grace_until": grace_until };
    let options = Enqueue {
        key: Some(&key),
        run_at: Some(grace_until),
    };
    state
        .jobs
        .enqueue(GRACE_ENDED.name, payload, options)
        .await?;
    Ok(())
}

fn grace_ended<'a>(
    state: &'a AppState,
    payload: &'a Document,
) -> BoxFuture<'a, Result<(), String>> {
    Box::pin(async move {
        let workspace_id = payload.get_str("workspace_id").map_err(|e| e.to_string())?;
        let grace_until = payload
            .get_datetime("grace_until")
            .map_err(|e| e.to_string())?;
        // Paid meanwhile (the grace period was cleared), or overdue again later (a new one).
        let still = subscriptions(&state.db)
            .find_one(doc! { "_id": workspace_id, "grace_until": grace_until })
            .await
            .map_err(|e| e.to_string())?;
        if still.is_some() {
            notify_owners(state, workspace_id, emails::grace_ended).await;
        }
        Ok(())
    })
}

/// Emails every owner of the workspace. A failure to send is logged: the banner in the app
/// says the same thing, and the billing change itself must not be undone by a mail outage.
async fn notify_owners(
    state: &AppState,
    workspace_id: &str,
    compose: impl Fn(&str, &str) -> emails::Message,
) {
    let Ok(Some(ws)) = workspaces(&state.db)
        .find_one(doc! { "_id": workspace_id })
        .await
    else {
        return;
    };
    let link = super::checkout::billing_url(state, &ws.handle);
    let owners = match workspaces::service::members::owners_of(&state.db, workspace_id).await {
        Ok(owners) => owners,
        Err(e) => {
            tracing::warn!(error = %e, workspace = workspace_id, "billing email not sent");
            return;
        }
    };
    let message = compose(&ws.name, &link);
    for user in owners {
        if let Err(e) = state.send_email(message.to(&user.email, &user.name)).await {
            tracing::warn!(error = %e, workspace = workspace_id, "billing email not sent");
        }
    }
}
