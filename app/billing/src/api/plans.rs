//! Plan server functions: customers list the visible plans; platform admins manage them, seeing
//! the impact of a change on subscribers before they save it.
// The plan form stays a plain ActionForm (it posts before hydration too): `PlanForm` is
// flattened, so its fields post under their own names.

use crate::model::{PlanImpact, PlanView};
use crate::plan_form::PlanForm;
use app_core::error::AppError;
use leptos::prelude::*;

/// The plan form's fields as typed, checked into a plan (server only).
#[cfg(feature = "ssr")]
fn plan_from_form(form: PlanForm, features: Option<Vec<String>>) -> Result<PlanView, AppError> {
    use crate::service::plans::{validate, PlanInput};
    let limits: Vec<(String, String)> = form
        .limits
        .by_key()
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
    validate(&PlanInput {
        key: form.key.trim(),
        name: &form.name,
        description: &form.description,
        monthly_price: &form.monthly_price,
        yearly_price: &form.yearly_price,
        trial_days: &form.trial_days,
        visible: form.visible.is_some(),
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
    #[server(flatten)] form: PlanForm,
    features: Option<Vec<String>>,
) -> Result<PlanImpact, AppError> {
    use crate::service::impact;
    use identity::service::admin::require_platform_admin;
    use platform::api::{respond, state};
    respond(async move {
        let state = state();
        require_platform_admin(&state).await?;
        let plan = plan_from_form(form, features)?;
        impact::analyse(&state, &plan).await
    })
    .await
}

/// Creates or updates a plan (platform admins). When subscribers' terms change, `apply_to`
/// says whether they get the new terms (`everyone`) or keep theirs (`new_subscribers`).
#[server(endpoint = "save_plan")]
pub async fn save_plan(
    #[server(flatten)] form: PlanForm,
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
        let plan = plan_from_form(form, features)?;
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
