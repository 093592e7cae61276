//! The setup wizard.

use crate::model::WizardState;
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::ctx;

/// Where the caller is in the setup wizard.
#[server(endpoint = "get_wizard")]
pub async fn get_wizard() -> Result<WizardState, AppError> {
    use crate::service::onboarding;
    use platform::api::respond;
    respond(async move {
        let c = ctx::ctx();
        onboarding::state_of(&c.state, &c.user()?.user_id).await
    })
    .await
}

/// Wizard step 1: creates the workspace (or updates it when revisiting the step).
#[server(endpoint = "wizard_workspace")]
pub async fn wizard_workspace(
    name: String,
    handle: String,
    time_zone: String,
    currency: String,
) -> Result<(), AppError> {
    use crate::model::Permission;
    use crate::service::{onboarding, workspaces};
    use platform::api::respond;
    respond(async move {
        let c = ctx::ctx();
        let user = c.user()?;
        let wizard = onboarding::state_of(&c.state, &user.user_id).await?;
        let id = match wizard.workspace {
            Some(ws) => {
                let scope = c.scope(&ws.id, Permission::ManageSettings).await?;
                workspaces::update_settings(
                    &c.state, &scope, &name, &handle, &time_zone, &currency,
                )
                .await?;
                ws.id
            }
            None => {
                c.create_workspace(&user.user_id, &name, &handle, &time_zone, &currency)
                    .await?
                    .id
            }
        };
        onboarding::go_to(&c.state, &user.user_id, "goals", Some(&id)).await
    })
    .await
}

/// Wizard step 2: goals (may be empty).
#[server(endpoint = "wizard_goals")]
pub async fn wizard_goals(goals: Option<Vec<String>>) -> Result<(), AppError> {
    use crate::service::onboarding;
    use platform::api::respond;
    respond(async move {
        let c = ctx::ctx();
        let user = c.user()?;
        let scope = c.wizard_scope(&user.user_id).await?;
        onboarding::set_goals(&c.state, scope.workspace_id(), &goals.unwrap_or_default()).await?;
        onboarding::go_to(&c.state, &user.user_id, "modules", None).await
    })
    .await
}

/// Wizard step 3: modules to enable.
#[server(endpoint = "wizard_modules")]
pub async fn wizard_modules(modules: Option<Vec<String>>) -> Result<(), AppError> {
    use crate::service::{onboarding, workspaces};
    use platform::api::respond;
    respond(async move {
        let c = ctx::ctx();
        let user = c.user()?;
        let scope = c.wizard_scope(&user.user_id).await?;
        workspaces::set_modules(&c.state, &scope, &modules.unwrap_or_default()).await?;
        onboarding::go_to(&c.state, &user.user_id, "plan", None).await
    })
    .await
}

/// Moves the wizard to another step (skip ahead or go back); finishing opens the dashboard.
#[server(endpoint = "wizard_go")]
pub async fn wizard_go(step: String) -> Result<(), AppError> {
    use crate::service::onboarding;
    use platform::api::respond;
    respond(async move {
        let c = ctx::ctx();
        let user = c.user()?;
        onboarding::go_to(&c.state, &user.user_id, &step, None).await?;
        if step == "done" {
            if let Some(ws) = onboarding::state_of(&c.state, &user.user_id)
                .await?
                .workspace
            {
                leptos_axum::redirect(&format!("/app/{}", ws.handle));
            }
        }
        Ok(())
    })
    .await
}
