//! Plan server functions: customers list the visible plans; platform admins manage them, seeing
//! the impact of a change on subscribers before they save it.
// The plan functions take one argument per form field so the plan form stays a plain ActionForm
// (it posts before hydration too); the server-function macro also generates the client stub.
#![allow(clippy::too_many_arguments)]

use crate::model::{PlanImpact, PlanView};
use app_core::error::AppError;
use leptos::prelude::*;

/// The limit fields of a form, by key, in the order of `LIMITS` (server only).
#[cfg(feature = "ssr")]
pub fn limit_fields(
    bio_pages: String,
    contacts: String,
    emails_per_month: String,
    team_members: String,
    storage_mb: String,
    ai_credits: String,
) -> [(&'static str, String); 6] {
    [
        ("bio_pages", bio_pages),
        ("contacts", contacts),
        ("emails_per_month", emails_per_month),
        ("team_members", team_members),
        ("storage_mb", storage_mb),
        ("ai_credits", ai_credits),
    ]
}

/// The plan form's fields as typed, checked into a plan (server only).
#[cfg(feature = "ssr")]
fn plan_from_form(
    key: &str,
    name: &str,
    description: &str,
    monthly_price: &str,
    yearly_price: &str,
    trial_days: &str,
    visible: bool,
    limits: [(&str, String); 6],
    features: Option<Vec<String>>,
) -> Result<PlanView, AppError> {
    use crate::service::plans::{validate, PlanInput};
    let limits: Vec<(String, String)> =
        limits.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    validate(&PlanInput {
        key: key.trim(),
        name,
        description,
        monthly_price,
        yearly_price,
        trial_days,
        visible,
        limits: &limits,
        features: &features.unwrap_or_default(),
    })
}

/// The plans customers can choose.
#[server(endpoint = "list_plans")]
pub async fn list_plans() -> Result<Vec<PlanView>, AppError> {
    use crate::service::plans;
    use platform::api::{respond, state};
    respond(async move { plans::list(&state().db, false).await }).await
}

/// Every plan, hidden ones included (platform admins).
#[server(endpoint = "admin_list_plans")]
pub async fn admin_list_plans() -> Result<Vec<PlanView>, AppError> {
    use crate::service::plans;
    use identity::service::admin::require_platform_admin;
    use platform::api::{respond, state};
    respond(async move {
        let state = state();
        require_platform_admin(&state).await?;
        plans::list(&state.db, true).await
    })
    .await
}

/// What saving these plan fields would do to its subscribers; nothing is saved (platform admins).
#[server(endpoint = "preview_plan_impact")]
pub async fn preview_plan_impact(
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
    features: Option<Vec<String>>,
) -> Result<PlanImpact, AppError> {
    use crate::service::impact;
    use identity::service::admin::require_platform_admin;
    use platform::api::{respond, state};
    respond(async move {
        let state = state();
        require_platform_admin(&state).await?;
        let plan = plan_from_form(
            &key,
            &name,
            &description,
            &monthly_price,
            &yearly_price,
            &trial_days,
            visible.is_some(),
            limit_fields(
                bio_pages,
                contacts,
                emails_per_month,
                team_members,
                storage_mb,
                ai_credits,
            ),
            features,
        )?;
        impact::analyse(&state, &plan).await
    })
    .await
}

/// Creates or updates a plan (platform admins). When subscribers' terms change, `apply_to`
/// says whether they get the new terms (`everyone`) or keep theirs (`new_subscribers`).
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
    features: Option<Vec<String>>,
    apply_to: Option<String>,
) -> Result<PlanView, AppError> {
    use crate::model::ApplyTo;
    use crate::service::impact;
    use identity::service::admin::require_platform_admin;
    use platform::api::{respond, state};
    respond(async move {
        let state = state();
        require_platform_admin(&state).await?;
        let plan = plan_from_form(
            &key,
            &name,
            &description,
            &monthly_price,
            &yearly_price,
            &trial_days,
            visible.is_some(),
            limit_fields(
                bio_pages,
                contacts,
                emails_per_month,
                team_members,
                storage_mb,
                ai_credits,
            ),
            features,
        )?;
        let apply_to = match apply_to.as_deref().filter(|s| !s.is_empty()) {
            None => None,
            Some(s) => Some(ApplyTo::parse(s).ok_or_else(|| {
                AppError::invalid("apply_to", "Choose everyone or new subscribers only.")
            })?),
        };
        impact::save(&state, &plan, apply_to).await?;
        Ok(plan)
    })
    .await
}
