//! Starting a paid subscription: Stripe Checkout, and reading the result on the way back.

use super::payments::{failure, Payments};
use super::subscriptions::{self, apply, subscriptions, SubscriptionRecord};
use super::{catalog, plans};
use crate::model::Interval;
use app_core::error::AppError;
use mongodb::bson::doc;
use platform::AppState;
use std::collections::HashMap;
use stripe_billing::subscription::RetrieveSubscription;
use stripe_checkout::checkout_session::{
    CreateCheckoutSession, CreateCheckoutSessionLineItems, CreateCheckoutSessionSubscriptionData,
    RetrieveCheckoutSession,
};
use stripe_core::customer::CreateCustomer;
use workspaces::service::store::workspaces;
use workspaces::WorkspaceScope;

/// The workspace's billing page, where Stripe sends owners back and emails point.
pub(super) fn billing_url(state: &AppState, handle: &str) -> String {
    format!("{}/app/{handle}/billing", state.config.base_url)
}

/// The workspace's Stripe customer, created on first use with the paying owner's email.
pub(super) async fn customer_for(
    state: &AppState,
    payments: &Payments,
    scope: &WorkspaceScope,
    workspace_name: &str,
) -> Result<String, AppError> {
    if let Some(id) = subscriptions::record(&state.db, scope.workspace_id())
        .await?
        .and_then(|r| r.stripe_customer_id)
    {
        return Ok(id);
    }
    let owner = identity::service::users::by_id(&state.db, scope.user_id())
        .await?
        .ok_or(AppError::Unauthorized)?;
    let customer = CreateCustomer::new()
        .email(owner.email)
        .name(workspace_name)
        .metadata(HashMap::from([(
            "workspace_id".to_owned(),
            scope.workspace_id().to_owned(),
        )]))
        .send(&payments.client)
        .await
        .map_err(failure)?;
    subscriptions(&state.db)
        .update_one(
            doc! { "_id": scope.workspace_id() },
            doc! { "$set": { "stripe_customer_id": customer.id.as_str() } },
        )
        .upsert(true)
        .await?;
    Ok(customer.id.as_str().to_owned())
}

/// Opens Stripe Checkout for `plan_key` billed every `interval`; returns the page to send the
/// owner to. A workspace that already pays changes plan through the preview instead.
pub async fn start(
    state: &AppState,
    payments: &Payments,
    scope: &WorkspaceScope,
    plan_key: &str,
    interval: Interval,
) -> Result<String, AppError> {
    let plan = plans::get(&state.db, plan_key)
        .await?
        .filter(|p| p.visible && p.is_paid())
        .ok_or_else(|| AppError::invalid("plan", "Choose one of the paid plans."))?;
    let record: SubscriptionRecord = subscriptions::record(&state.db, scope.workspace_id())
        .await?
        .unwrap_or_default();
    if record.is_live() {
        return Err(AppError::Conflict {
            field: None,
            message: "This workspace already has a subscription: change its plan instead.".into(),
        });
    }
    let ws = workspaces(&state.db)
        .find_one(doc! { "_id": scope.workspace_id() })
        .await?
        .ok_or(AppError::Internal)?;
    let price = catalog::price_for(&state.db, payments, &plan, interval).await?;
    let customer = customer_for(state, payments, scope, &ws.name).await?;
    let metadata = HashMap::from([
        ("workspace_id".to_owned(), ws.id.clone()),
        ("plan_key".to_owned(), plan.key.clone()),
    ]);
    let subscription_data = CreateCheckoutSessionSubscriptionData {
        metadata: Some(metadata.clone()),
        // One free trial per workspace.
        trial_period_days: (plan.trial_days > 0 && !record.trial_used)
            .then_some(plan.trial_days as u32),
        ..Default::default()
    };
    let back = billing_url(state, &ws.handle);
    let session = CreateCheckoutSession::new()
        .mode(stripe_shared::CheckoutSessionMode::Subscription)
        .customer(customer)
        .client_reference_id(ws.id.clone())
        .line_items(vec![CreateCheckoutSessionLineItems {
            price: Some(price),
            quantity: Some(1),
            ..Default::default()
        }])
        .subscription_data(subscription_data)
        .metadata(metadata)
        .success_url(format!(
            "{back}?checkout=success&session_id={{CHECKOUT_SESSION_ID}}"
        ))
        .cancel_url(format!("{back}?checkout=cancelled"))
        .send(&payments.client)
        .await
        .map_err(failure)?;
    session.url.ok_or_else(|| {
        tracing::error!("Stripe returned a checkout session without a URL");
        AppError::Internal
    })
}

/// A Checkout Session this workspace started, or "not found" (`what` names it): sessions of
/// other workspaces are indistinguishable from ones that do not exist.
pub(super) async fn own_session(
    payments: &Payments,
    scope: &WorkspaceScope,
    session_id: &str,
    what: &str,
) -> Result<stripe_shared::CheckoutSession, AppError> {
    let not_found = || AppError::NotFound { what: what.into() };
    if !session_id.starts_with("cs_") || session_id.len() > 255 {
        return Err(not_found());
    }
    let session = RetrieveCheckoutSession::new(session_id)
        .send(&payments.client)
        .await
        .map_err(|e| match e {
            stripe::StripeError::Stripe(_, 404) => not_found(),
            e => failure(e),
        })?;
    if session.client_reference_id.as_deref() != Some(scope.workspace_id()) {
        return Err(not_found());
    }
    Ok(session)
}

/// On return from Checkout: reads the session and its subscription from Stripe, so the plan is
/// active at once even if the webhook has not arrived yet. Sessions of other workspaces are
/// "not found".
pub async fn complete(
    state: &AppState,
    payments: &Payments,
    scope: &WorkspaceScope,
    session_id: &str,
) -> Result<(), AppError> {
    let session = own_session(payments, scope, session_id, "That checkout").await?;
    let Some(sub) = session.subscription else {
        // Not paid yet (e.g. a bank transfer still pending): the webhook will finish the job.
        return Ok(());
    };
    let sub = RetrieveSubscription::new(sub.id().as_str())
        .send(&payments.client)
        .await
        .map_err(failure)?;
    apply(state, &sub).await
}
