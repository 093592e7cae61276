//! Plan change impact analysis: before an admin saves new prices or limits, how many workspaces
//! are on the plan, the monthly recurring revenue before and after, and who would be above the
//! new limits; then the change applies to everyone or only to new subscribers.

use super::payments::{failure, Payments};
use super::subscriptions::{subscriptions, SubscriptionRecord};
use super::{catalog, plans, usage};
use crate::model::{
    limit_label, ApplyTo, Interval, OverLimit, PlanImpact, PlanView, LIVE_STATUSES,
};
use app_core::error::AppError;
use futures_util::TryStreamExt;
use mongodb::bson::doc;
use platform::AppState;
use stripe_billing::subscription::{
    RetrieveSubscription, UpdateSubscription, UpdateSubscriptionItems,
    UpdateSubscriptionProrationBehavior,
};
use workspaces::service::store::workspaces;

/// Live subscriptions to the plan `key`.
async fn subscribers(state: &AppState, key: &str) -> Result<Vec<SubscriptionRecord>, AppError> {
    Ok(subscriptions(&state.db)
        .find(doc! { "plan_key": key, "status": { "$in": LIVE_STATUSES } })
        .await?
        .try_collect()
        .await?)
}

/// A period's price as a monthly amount.
fn monthly(amount: i64, interval: Interval) -> i64 {
    match interval {
        Interval::Month => amount,
        Interval::Year => amount / 12,
    }
}

/// Whether prices or limits differ between the stored plan and the new one.
fn terms_change(old: &PlanView, new: &PlanView) -> bool {
    old.monthly_price != new.monthly_price
        || old.yearly_price != new.yearly_price
        || old.limits != new.limits
        || old.features != new.features
}

/// What saving `new` would do.
pub async fn analyse(state: &AppState, new: &PlanView) -> Result<PlanImpact, AppError> {
    let old = plans::get(&state.db, &new.key).await?;
    let subs = subscribers(state, &new.key).await?;
    let (mut before, mut after) = (0, 0);
    let mut over_limit = Vec::new();
    for sub in &subs {
        let interval = sub.interval.unwrap_or(Interval::Month);
        let paying = sub
            .amount
            .or(old.as_ref().map(|p| p.price(interval)))
            .unwrap_or(0);
        before += monthly(paying, interval);
        after += monthly(new.price(interval), interval);
        let Some(ws) = workspaces(&state.db)
            .find_one(doc! { "_id": &sub.workspace_id })
            .await?
        else {
            continue;
        };
        for (limit, used) in usage::all(state, &sub.workspace_id).await? {
            let allowed = new.limit(limit);
            if allowed >= 0 && used > allowed as u64 {
                over_limit.push(OverLimit {
                    workspace: ws.name.clone(),
                    handle: ws.handle.clone(),
                    limit: limit_label(limit).to_owned(),
                    used,
                    allowed,
                });
            }
        }
    }
    Ok(PlanImpact {
        plan: new.clone(),
        exists: old.is_some(),
        workspaces: subs.len() as u64,
        mrr_before: before,
        mrr_after: after,
        terms_change: old.as_ref().is_none_or(|o| terms_change(o, new)),
        over_limit,
    })
}

/// Saves `new` and applies it to existing subscribers as the admin chose. `apply_to` may be
/// left out only when no subscriber's terms change.
pub async fn save(
    state: &AppState,
    new: &PlanView,
    apply_to: Option<ApplyTo>,
) -> Result<(), AppError> {
    let old = plans::get(&state.db, &new.key).await?;
    let subs = subscribers(state, &new.key).await?;
    let decide = !subs.is_empty() && old.as_ref().is_some_and(|o| terms_change(o, new));
    let apply_to = match apply_to {
        Some(a) => a,
        None if decide => {
            return Err(AppError::invalid(
                "apply_to",
                "Review the impact first, then choose who the new terms apply to.",
            ))
        }
        None => ApplyTo::Everyone,
    };
    let coll = subscriptions(&state.db);
    match (apply_to, &old) {
        (ApplyTo::NewSubscribers, Some(old)) => {
            // Existing subscribers keep the limits they had (and their Stripe price stays).
            coll.update_many(
                doc! { "plan_key": &new.key, "status": { "$in": LIVE_STATUSES }, "grandfathered_limits": null },
                doc! { "$set": {
                    "grandfathered_limits": plans::limits_doc(old),
                    "grandfathered_features": &old.features,
                } },
            )
            .await?;
        }
        _ => {
            coll.update_many(
                doc! { "plan_key": &new.key },
                doc! { "$unset": { "grandfathered_limits": "", "grandfathered_features": "" } },
            )
            .await?;
        }
    }
    plans::store(&state.db, new).await?;
    if let Some(payments) = &super::payments::of(state) {
        if let Err(e) = catalog::sync_plan(&state.db, payments, new).await {
            // Checkout creates missing prices too, so an outage here only delays the sync.
            tracing::warn!(plan = %new.key, error = %e, "plan not synced to Stripe yet");
        } else if apply_to == ApplyTo::Everyone {
            move_to_current_prices(state, payments, new, &subs).await?;
        }
    }
    Ok(())
}

/// Moves each subscriber to the plan's current Stripe price from their next renewal (no
/// proration). Safe to repeat: subscriptions already on the price are left alone.
async fn move_to_current_prices(
    state: &AppState,
    payments: &Payments,
    plan: &PlanView,
    subs: &[SubscriptionRecord],
) -> Result<(), AppError> {
    for sub in subs {
        let (Some(id), Some(interval)) = (&sub.stripe_subscription_id, sub.interval) else {
            continue;
        };
        if sub.amount == Some(plan.price(interval)) || plan.price(interval) <= 0 {
            continue;
        }
        let price = catalog::price_for(&state.db, payments, plan, interval).await?;
        let current = RetrieveSubscription::new(id.as_str())
            .send(&payments.client)
            .await
            .map_err(failure)?;
        let Some(item) = current.items.data.first() else {
            continue;
        };
        if item.price.id.as_str() == price {
            continue;
        }
        let updated = UpdateSubscription::new(id.as_str())
            .items(vec![UpdateSubscriptionItems {
                id: Some(item.id.as_str().to_owned()),
                price: Some(price),
                ..Default::default()
            }])
            .proration_behavior(UpdateSubscriptionProrationBehavior::None)
            .send(&payments.client)
            .await
            .map_err(failure)?;
        super::subscriptions::apply(state, &updated).await?;
    }
    Ok(())
}
