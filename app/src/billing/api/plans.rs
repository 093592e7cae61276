//! Plan server functions: customers list the visible plans; platform admins manage them.
// `save_plan` takes one argument per form field so the plan form stays a plain ActionForm (it
// posts before hydration too); the server-function macro also generates the client stub.
#![allow(clippy::too_many_arguments)]

use crate::billing::model::PlanView;
use crate::error::AppError;
use leptos::prelude::*;

/// The plans customers can choose.
#[server(endpoint = "list_plans")]
pub async fn list_plans() -> Result<Vec<PlanView>, AppError> {
    use crate::billing::service::plans;
    use crate::platform::api::{respond, state};
    respond(async move { plans::list(&state().db, false).await }).await
}

/// Every plan, hidden ones included (platform admins).
#[server(endpoint = "admin_list_plans")]
pub async fn admin_list_plans() -> Result<Vec<PlanView>, AppError> {
    use crate::billing::service::plans;
    use crate::platform::admin::require_platform_admin;
    use crate::platform::api::{respond, state};
    respond(async move {
        let state = state();
        require_platform_admin(&state).await?;
        plans::list(&state.db, true).await
    })
    .await
}

/// Creates or updates a plan (platform admins).
#[server(endpoint = "save_plan")]
pub async fn save_plan(
    key: String,
    name: String,
    description: String,
    monthly_price: String,
    yearly_price: String,
    trial_days: String,
    visible: Option<String>,
    bio_pages: String,
    contacts: String,
    emails_per_month: String,
    team_members: String,
    storage_mb: String,
    ai_credits: String,
) -> Result<PlanView, AppError> {
    use crate::billing::service::catalog;
    use crate::billing::service::plans::{self, PlanInput};
    use crate::platform::admin::require_platform_admin;
    use crate::platform::api::{respond, state};
    respond(async move {
        let state = state();
        require_platform_admin(&state).await?;
        let limits: Vec<(String, String)> = [
            ("bio_pages", bio_pages),
            ("contacts", contacts),
            ("emails_per_month", emails_per_month),
            ("team_members", team_members),
            ("storage_mb", storage_mb),
            ("ai_credits", ai_credits),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        let saved = plans::save(
            &state.db,
            PlanInput {
                key: key.trim(),
                name: &name,
                description: &description,
                monthly_price: &monthly_price,
                yearly_price: &yearly_price,
                trial_days: &trial_days,
                visible: visible.is_some(),
                limits: &limits,
            },
        )
        .await?;
        // Checkout creates missing prices too, so a Stripe outage here only delays the sync.
        if let Some(payments) = &state.payments {
            if let Err(e) = catalog::sync_plan(&state.db, payments, &saved).await {
                tracing::warn!(plan = %saved.key, error = %e, "plan not synced to Stripe yet");
            }
        }
        Ok(saved)
    })
    .await
}
