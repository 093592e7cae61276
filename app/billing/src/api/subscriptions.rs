//! A workspace's subscription: what it is on, checkout, plan changes with a preview, cancel and
//! resume. Reading needs membership; changing needs the billing permission (owners).

use crate::model::{BillingView, ChangePreview, InvoiceView, PaymentMethodView};
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
pub mod ssr {
    use crate::model::Interval;
    use crate::service::payments::{self, Payments};
    use app_core::error::AppError;
    use std::sync::Arc;
    use workspaces::api::ctx::Ctx;
    use workspaces::model::Permission;
    use workspaces::WorkspaceScope;

    /// The posted interval.
    pub fn interval(s: &str) -> Result<Interval, AppError> {
        Interval::parse(s).ok_or_else(|| AppError::invalid("interval", "Choose monthly or yearly."))
    }

    /// The billing scope (owners) and the payments client, checked in that order so outsiders
    /// learn nothing about the server's configuration.
    pub async fn manage(
        c: &Ctx,
        workspace_id: &str,
    ) -> Result<(WorkspaceScope, Arc<Payments>), AppError> {
        let scope = c.scope(workspace_id, Permission::ManageBilling).await?;
        Ok((scope, payments::require(&c.state)?))
    }

    /// Starts Checkout, records it in the audit log and sends the browser to Stripe.
    pub async fn open_checkout(
        c: &Ctx,
        scope: &WorkspaceScope,
        payments: &Payments,
        plan: &str,
        interval: &str,
    ) -> Result<String, AppError> {
        let interval = self::interval(interval)?;
        let url =
            crate::service::checkout::start(&c.state, payments, scope, plan, interval).await?;
        c.audit(
            scope,
            "billing.checkout_started",
            format!("Opened checkout for {plan} ({})", interval.as_str()),
        )
        .await?;
        leptos_axum::redirect(&url);
        Ok(url)
    }
}

/// The workspace's plan, subscription and the plans it can move to.
#[server(endpoint = "get_billing")]
pub async fn get_billing(workspace_id: String) -> Result<BillingView, AppError> {
    use crate::service::subscriptions;
    use platform::api::respond;
    use workspaces::api::ctx::ctx;
    use workspaces::model::Permission;
    respond(async move {
        let c = ctx();
        let scope = c.scope(&workspace_id, Permission::View).await?;
        subscriptions::view(&c.state, &scope).await
    })
    .await
}

/// Opens Stripe Checkout for a paid plan; the browser is sent there (also without JavaScript).
#[server(endpoint = "start_checkout")]
pub async fn start_checkout(
    workspace_id: String,
    plan: String,
    interval: String,
) -> Result<String, AppError> {
    use platform::api::respond;
    use workspaces::api::ctx::ctx;
    respond(async move {
        let c = ctx();
        let (scope, payments) = ssr::manage(&c, &workspace_id).await?;
        ssr::open_checkout(&c, &scope, &payments, &plan, &interval).await
    })
    .await
}

/// Called on the way back from Checkout: makes the new plan active without waiting for Stripe's
/// webhook.
#[server(endpoint = "complete_checkout")]
pub async fn complete_checkout(workspace_id: String, session_id: String) -> Result<(), AppError> {
    use crate::service::checkout;
    use platform::api::respond;
    use workspaces::api::ctx::ctx;
    respond(async move {
        let c = ctx();
        let (scope, payments) = ssr::manage(&c, &workspace_id).await?;
        checkout::complete(&c.state, &payments, &scope, &session_id).await
    })
    .await
}

/// The prorated cost of moving to another plan or interval, before anything changes.
#[server(endpoint = "preview_plan_change")]
pub async fn preview_plan_change(
    workspace_id: String,
    plan: String,
    interval: String,
) -> Result<ChangePreview, AppError> {
    use crate::service::changes;
    use platform::api::respond;
    use workspaces::api::ctx::ctx;
    respond(async move {
        let c = ctx();
        let (scope, payments) = ssr::manage(&c, &workspace_id).await?;
        let interval = ssr::interval(&interval)?;
        changes::preview(&c.state, &payments, &scope, &plan, interval).await
    })
    .await
}

/// Moves the subscription to the plan and interval of a preview the owner has seen.
#[server(endpoint = "change_plan")]
pub async fn change_plan(
    workspace_id: String,
    plan: String,
    interval: String,
    proration_date: i64,
) -> Result<(), AppError> {
    use crate::service::changes;
    use platform::api::respond;
    use workspaces::api::ctx::ctx;
    respond(async move {
        let c = ctx();
        let (scope, payments) = ssr::manage(&c, &workspace_id).await?;
        let interval = ssr::interval(&interval)?;
        changes::change(&c.state, &payments, &scope, &plan, interval, proration_date).await?;
        c.audit(
            &scope,
            "billing.plan_changed",
            format!("Changed the plan to {plan} ({})", interval.as_str()),
        )
        .await
    })
    .await
}

/// Cancels the subscription at the end of the paid period; the workspace then returns to Free.
#[server(endpoint = "cancel_subscription")]
pub async fn cancel_subscription(workspace_id: String) -> Result<(), AppError> {
    use crate::service::changes;
    use platform::api::respond;
    use workspaces::api::ctx::ctx;
    respond(async move {
        let c = ctx();
        let (scope, payments) = ssr::manage(&c, &workspace_id).await?;
        changes::set_cancel_at_period_end(&c.state, &payments, &scope, true).await?;
        c.audit(
            &scope,
            "billing.cancelled",
            "Cancelled the subscription at the end of the period".into(),
        )
        .await
    })
    .await
}

/// Keeps a subscription that was set to cancel at the end of the period.
#[server(endpoint = "resume_subscription")]
pub async fn resume_subscription(workspace_id: String) -> Result<(), AppError> {
    use crate::service::changes;
    use platform::api::respond;
    use workspaces::api::ctx::ctx;
    respond(async move {
        let c = ctx();
        let (scope, payments) = ssr::manage(&c, &workspace_id).await?;
        changes::set_cancel_at_period_end(&c.state, &payments, &scope, false).await?;
        c.audit(&scope, "billing.resumed", "Resumed the subscription".into())
            .await
    })
    .await
}

/// The workspace's invoices, newest first, with links to view and download them.
#[server(endpoint = "list_invoices")]
pub async fn list_invoices(workspace_id: String) -> Result<Vec<InvoiceView>, AppError> {
    use crate::service::invoices;
    use platform::api::respond;
    use workspaces::api::ctx::ctx;
    respond(async move {
        let c = ctx();
        let (scope, payments) = ssr::manage(&c, &workspace_id).await?;
        invoices::list(&c.state, &payments, &scope).await
    })
    .await
}

/// The workspace's saved cards, the default one first.
#[server(endpoint = "list_payment_methods")]
pub async fn list_payment_methods(
    workspace_id: String,
) -> Result<Vec<PaymentMethodView>, AppError> {
    use crate::service::payment_methods;
    use platform::api::respond;
    use workspaces::api::ctx::ctx;
    respond(async move {
        let c = ctx();
        let (scope, payments) = ssr::manage(&c, &workspace_id).await?;
        payment_methods::list(&c.state, &payments, &scope).await
    })
    .await
}

/// Opens Stripe Checkout to save a new card (a SetupIntent); the browser is sent there.
#[server(endpoint = "add_payment_method")]
pub async fn add_payment_method(workspace_id: String) -> Result<String, AppError> {
    use crate::service::payment_methods;
    use platform::api::respond;
    use workspaces::api::ctx::ctx;
    respond(async move {
        let c = ctx();
        let (scope, payments) = ssr::manage(&c, &workspace_id).await?;
        let url = payment_methods::start_adding(&c.state, &payments, &scope).await?;
        leptos_axum::redirect(&url);
        Ok(url)
    })
    .await
}

/// On the way back from saving a card: it becomes the default one.
#[server(endpoint = "complete_payment_method")]
pub async fn complete_payment_method(
    workspace_id: String,
    session_id: String,
) -> Result<(), AppError> {
    use crate::service::payment_methods;
    use platform::api::respond;
    use workspaces::api::ctx::ctx;
    respond(async move {
        let c = ctx();
        let (scope, payments) = ssr::manage(&c, &workspace_id).await?;
        payment_methods::complete_adding(&c.state, &payments, &scope, &session_id).await?;
        c.audit(&scope, "billing.card_added", "Added a card".into())
            .await
    })
    .await
}

/// Charges future invoices to another saved card.
#[server(endpoint = "set_default_payment_method")]
pub async fn set_default_payment_method(workspace_id: String, id: String) -> Result<(), AppError> {
    use crate::service::payment_methods;
    use platform::api::respond;
    use workspaces::api::ctx::ctx;
    respond(async move {
        let c = ctx();
        let (scope, payments) = ssr::manage(&c, &workspace_id).await?;
        payment_methods::make_default(&c.state, &payments, &scope, &id).await?;
        c.audit(
            &scope,
            "billing.card_default",
            "Changed the default card".into(),
        )
        .await
    })
    .await
}

/// Removes a saved card (not the one paying for a running subscription).
#[server(endpoint = "remove_payment_method")]
pub async fn remove_payment_method(workspace_id: String, id: String) -> Result<(), AppError> {
    use crate::service::payment_methods;
    use platform::api::respond;
    use workspaces::api::ctx::ctx;
    respond(async move {
        let c = ctx();
        let (scope, payments) = ssr::manage(&c, &workspace_id).await?;
        payment_methods::remove(&c.state, &payments, &scope, &id).await?;
        c.audit(&scope, "billing.card_removed", "Removed a card".into())
            .await
    })
    .await
}
