//! The cards a workspace pays with: listed from Stripe, added through Stripe Checkout in setup
//! mode (a SetupIntent, so card details never touch our servers), made default, removed.

use super::checkout::{billing_url, customer_for, own_session};
use super::payments::{failure, Payments};
use super::subscriptions;
use crate::model::PaymentMethodView;
use app_core::error::AppError;
use mongodb::bson::doc;
use platform::AppState;
use stripe_billing::subscription::UpdateSubscription;
use stripe_checkout::checkout_session::CreateCheckoutSession;
use stripe_core::customer::{
    ListPaymentMethodsCustomer, RetrieveCustomer, RetrieveCustomerReturned, UpdateCustomer,
    UpdateCustomerInvoiceSettings,
};
use stripe_core::setup_intent::RetrieveSetupIntent;
use stripe_payment::payment_method::DetachPaymentMethod;
use workspaces::service::store::workspaces;
use workspaces::WorkspaceScope;

async fn customer(state: &AppState, scope: &WorkspaceScope) -> Result<Option<String>, AppError> {
    Ok(subscriptions::record(&state.db, scope.workspace_id())
        .await?
        .and_then(|r| r.stripe_customer_id))
}

/// The workspace's cards, the default one first.
pub async fn list(
    state: &AppState,
    payments: &Payments,
    scope: &WorkspaceScope,
) -> Result<Vec<PaymentMethodView>, AppError> {
    let Some(customer) = customer(state, scope).await? else {
        return Ok(Vec::new());
    };
    let default = match RetrieveCustomer::new(customer.as_str())
        .send(&payments.client)
        .await
        .map_err(failure)?
    {
        RetrieveCustomerReturned::Customer(c) => c
            .invoice_settings
            .and_then(|s| s.default_payment_method)
            .map(|pm| pm.id().to_string()),
        RetrieveCustomerReturned::DeletedCustomer(_) => None,
    };
    let methods = ListPaymentMethodsCustomer::new(customer.as_str())
        .send(&payments.client)
        .await
        .map_err(failure)?;
    let mut cards: Vec<PaymentMethodView> = methods
        .data
        .into_iter()
        .filter_map(|pm| {
            let card = pm.card?;
            Some(PaymentMethodView {
                is_default: default.as_deref() == Some(pm.id.as_str()),
                id: pm.id.to_string(),
                brand: card.brand,
                last4: card.last4,
                exp_month: card.exp_month,
                exp_year: card.exp_year,
            })
        })
        .collect();
    cards.sort_by_key(|c| !c.is_default);
    Ok(cards)
}

/// Opens Stripe Checkout in setup mode to save a new card; returns where to send the owner.
pub async fn start_adding(
    state: &AppState,
    payments: &Payments,
    scope: &WorkspaceScope,
) -> Result<String, AppError> {
    let ws = workspaces(&state.db)
        .find_one(doc! { "_id": scope.workspace_id() })
        .await?
        .ok_or(AppError::Internal)?;
    let customer = customer_for(state, payments, scope, &ws.name).await?;
    let back = billing_url(state, &ws.handle);
    let session = CreateCheckoutSession::new()
        .mode(stripe_shared::CheckoutSessionMode::Setup)
        .currency(stripe_types::Currency::USD)
        .customer(customer)
        .client_reference_id(ws.id.clone())
        .success_url(format!(
            "{back}?card=added&session_id={{CHECKOUT_SESSION_ID}}"
        ))
        .cancel_url(format!("{back}?card=cancelled"))
        .send(&payments.client)
        .await
        .map_err(failure)?;
    session.url.ok_or(AppError::Internal)
}

/// On return from Checkout: the card saved there becomes the default one.
pub async fn complete_adding(
    state: &AppState,
    payments: &Payments,
    scope: &WorkspaceScope,
    session_id: &str,
) -> Result<(), AppError> {
    let session = own_session(payments, scope, session_id, "That card setup").await?;
    let Some(intent) = session.setup_intent else {
        return Err(AppError::NotFound {
            what: "That card setup".into(),
        });
    };
    let intent = RetrieveSetupIntent::new(intent.id().as_str())
        .send(&payments.client)
        .await
        .map_err(failure)?;
    let Some(pm) = intent.payment_method else {
        return Err(AppError::Conflict {
            field: None,
            message: "The card was not saved. Try adding it again.".into(),
        });
    };
    make_default(state, payments, scope, pm.id().as_str()).await
}

/// The card `id` of this workspace, or "not found" (another customer's card included).
async fn own(
    state: &AppState,
    payments: &Payments,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<(String, Vec<PaymentMethodView>), AppError> {
    let customer = customer(state, scope).await?;
    let cards = list(state, payments, scope).await?;
    match (customer, cards.iter().any(|c| c.id == id)) {
        (Some(customer), true) => Ok((customer, cards)),
        _ => Err(AppError::NotFound {
            what: "That card".into(),
        }),
    }
}

/// Charges future invoices (of the customer and its running subscription) to card `id`.
pub async fn make_default(
    state: &AppState,
    payments: &Payments,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<(), AppError> {
    let (customer, _) = own(state, payments, scope, id).await?;
    UpdateCustomer::new(customer.as_str())
        .invoice_settings(UpdateCustomerInvoiceSettings {
            default_payment_method: Some(id.to_owned()),
            ..Default::default()
        })
        .send(&payments.client)
        .await
        .map_err(failure)?;
    if let Ok(record) = subscriptions::live_record(&state.db, scope.workspace_id()).await {
        if let Some(sub) = record.stripe_subscription_id {
            UpdateSubscription::new(sub.as_str())
                .default_payment_method(id)
                .send(&payments.client)
                .await
                .map_err(failure)?;
        }
    }
    Ok(())
}

/// Removes card `id`. The default card of a running subscription stays until another card is
/// made the default, so renewals always have a card to charge.
pub async fn remove(
    state: &AppState,
    payments: &Payments,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<(), AppError> {
    let (_, cards) = own(state, payments, scope, id).await?;
    let is_default = cards.iter().any(|c| c.id == id && c.is_default);
    let paying = subscriptions::live_record(&state.db, scope.workspace_id())
        .await
        .is_ok();
    if is_default && paying {
        return Err(AppError::Conflict {
            field: None,
            message: "This card pays for your subscription. Make another card the default first."
                .into(),
        });
    }
    DetachPaymentMethod::new(id)
        .send(&payments.client)
        .await
        .map_err(failure)?;
    Ok(())
}
