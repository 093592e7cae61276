//! Changing a running subscription: another plan or interval (prorated, previewed first),
//! cancelling at the end of the period, and resuming before it ends.

use super::payments::{failure, Payments};
use super::subscriptions::{apply, live_record};
use super::{catalog, plans};
use crate::model::{ChangePreview, Interval, PlanView};
use app_core::error::AppError;
use platform::AppState;
use std::collections::HashMap;
use stripe_billing::invoice::{
    CreatePreviewInvoice, CreatePreviewInvoiceSubscriptionDetails,
    CreatePreviewInvoiceSubscriptionDetailsItems,
    CreatePreviewInvoiceSubscriptionDetailsProrationBehavior,
};
use stripe_billing::subscription::{
    RetrieveSubscription, UpdateSubscription, UpdateSubscriptionItems,
    UpdateSubscriptionProrationBehavior,
};
use workspaces::WorkspaceScope;

/// The running subscription, its first item's id, and the price for the plan chosen.
struct Target {
    subscription_id: String,
    customer_id: String,
    item_id: String,
    price_id: String,
    plan: PlanView,
}

async fn target(
    state: &AppState,
    payments: &Payments,
    scope: &WorkspaceScope,
    plan_key: &str,
    interval: Interval,
) -> Result<Target, AppError> {
    let record = live_record(&state.db, scope.workspace_id()).await?;
    let plan = plans::get(&state.db, plan_key)
        .await?
        .filter(|p| p.visible && p.is_paid())
        .ok_or_else(|| {
            AppError::invalid(
                "plan",
                "Choose one of the paid plans, or cancel to return to Free.",
            )
        })?;
    if record.plan_key.as_deref() == Some(plan_key) && record.interval == Some(interval) {
        return Err(AppError::invalid("plan", "That is your current plan."));
    }
    let subscription_id = record.stripe_subscription_id.unwrap_or_default();
    let sub = RetrieveSubscription::new(subscription_id.as_str())
        .send(&payments.client)
        .await
        .map_err(failure)?;
    let item_id = sub
        .items
        .data
        .first()
        .map(|i| i.id.as_str().to_owned())
        .ok_or(AppError::Internal)?;
    let price_id = catalog::price_for(&state.db, payments, &plan, interval).await?;
    Ok(Target {
        subscription_id,
        customer_id: sub.customer.id().as_str().to_owned(),
        item_id,
        price_id,
        plan,
    })
}

/// What switching to `plan_key` every `interval` costs now and later, from Stripe's preview of
/// the prorated invoice. Nothing changes until [`change`] is called.
pub async fn preview(
    state: &AppState,
    payments: &Payments,
    scope: &WorkspaceScope,
    plan_key: &str,
    interval: Interval,
) -> Result<ChangePreview, AppError> {
    let t = target(state, payments, scope, plan_key, interval).await?;
    let proration_date = state.clock.unix();
    let details = CreatePreviewInvoiceSubscriptionDetails {
        items: Some(vec![CreatePreviewInvoiceSubscriptionDetailsItems {
            id: Some(t.item_id.clone()),
            price: Some(t.price_id.clone()),
            ..Default::default()
        }]),
        proration_behavior: Some(
            CreatePreviewInvoiceSubscriptionDetailsProrationBehavior::AlwaysInvoice,
        ),
        proration_date: Some(proration_date),
        ..Default::default()
    };
    let invoice = CreatePreviewInvoice::new()
        .customer(t.customer_id.as_str())
        .subscription(t.subscription_id.as_str())
        .subscription_details(details)
        .send(&payments.client)
        .await
        .map_err(failure)?;
    Ok(ChangePreview {
        plan_key: t.plan.key.clone(),
        plan_name: t.plan.name.clone(),
        interval,
        due_now: invoice.amount_due.max(0),
        credit: (-invoice.total).max(0),
        next_amount: t.plan.price(interval),
        currency: t.plan.currency.clone(),
        proration_date,
    })
}

/// Switches the subscription to `plan_key` every `interval`, prorated as of `proration_date`
/// (the preview's), and records the result.
pub async fn change(
    state: &AppState,
    payments: &Payments,
    scope: &WorkspaceScope,
    plan_key: &str,
    interval: Interval,
    proration_date: i64,
) -> Result<(), AppError> {
    let now = state.clock.unix();
    // A preview older than an hour is stale: ask for a fresh one rather than bill on old terms.
    if !(now - 3600..=now + 60).contains(&proration_date) {
        return Err(AppError::invalid(
            "proration_date",
            "That preview has expired. Preview the change again.",
        ));
    }
    let t = target(state, payments, scope, plan_key, interval).await?;
    let sub = UpdateSubscription::new(t.subscription_id.as_str())
        .items(vec![UpdateSubscriptionItems {
            id: Some(t.item_id),
            price: Some(t.price_id),
            ..Default::default()
        }])
        .proration_behavior(UpdateSubscriptionProrationBehavior::AlwaysInvoice)
        .proration_date(proration_date)
        .metadata(HashMap::from([
            ("workspace_id".to_owned(), scope.workspace_id().to_owned()),
            ("plan_key".to_owned(), t.plan.key.clone()),
        ]))
        .send(&payments.client)
        .await
        .map_err(failure)?;
    apply(state, &sub).await
}

/// Cancels at the end of the paid period (`true`) or takes that back (`false`).
pub async fn set_cancel_at_period_end(
    state: &AppState,
    payments: &Payments,
    scope: &WorkspaceScope,
    cancel: bool,
) -> Result<(), AppError> {
    let record = live_record(&state.db, scope.workspace_id()).await?;
    let id = record.stripe_subscription_id.unwrap_or_default();
    let sub = UpdateSubscription::new(id.as_str())
        .cancel_at_period_end(cancel)
        .send(&payments.client)
        .await
        .map_err(failure)?;
    apply(state, &sub).await
}
