//! The workspace's invoices, read from Stripe (the source of truth for what was billed).

use super::payments::{failure, Payments};
use super::subscriptions;
use crate::model::InvoiceView;
use app_core::error::AppError;
use mongodb::bson::DateTime;
use platform::AppState;
use stripe_billing::invoice::ListInvoice;
use workspaces::WorkspaceScope;

/// The most recent invoices first, at most two years of monthly ones.
pub async fn list(
    state: &AppState,
    payments: &Payments,
    scope: &WorkspaceScope,
) -> Result<Vec<InvoiceView>, AppError> {
    let Some(customer) = subscriptions::record(&state.db, scope.workspace_id())
        .await?
        .and_then(|r| r.stripe_customer_id)
    else {
        return Ok(Vec::new());
    };
    let page = ListInvoice::new()
        .customer(customer)
        .limit(24)
        .send(&payments.client)
        .await
        .map_err(failure)?;
    Ok(page
        .data
        .into_iter()
        .filter(|i| i.status.as_ref().is_some_and(|s| s.as_str() != "draft"))
        .map(|i| InvoiceView {
            number: i.number.unwrap_or_default(),
            date: DateTime::from_millis(i.created.saturating_mul(1000))
                .try_to_rfc3339_string()
                .unwrap_or_default(),
            amount: i.amount_due,
            currency: i.currency.to_string().to_uppercase(),
            status: i.status.map(|s| s.as_str().to_owned()).unwrap_or_default(),
            url: i.hosted_invoice_url,
            pdf: i.invoice_pdf,
        })
        .collect())
}
