//! The setup wizard's plan step: a paid plan finishes the wizard in Stripe Checkout.

use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use workspaces::api::ctx;

/// Wizard step 4 with a paid plan: finishes the wizard and opens Stripe Checkout, which returns
/// to the workspace's billing page.
#[server(endpoint = "wizard_checkout")]
pub async fn wizard_checkout(plan: String, interval: String) -> Result<String, AppError> {
    use super::subscriptions::ssr::{manage, open_checkout};
    use platform::api::respond;
    use workspaces::service::onboarding;
    respond(async move {
        let c = ctx::ctx();
        let user = c.user()?;
        let ws = onboarding::state_of(&c.state, &user.user_id)
            .await?
            .workspace
            .ok_or_else(|| AppError::invalid("step", "Create your workspace first."))?;
        let (scope, payments) = manage(&c, &ws.id).await?;
        let url = open_checkout(&c, &scope, &payments, &plan, &interval).await?;
        onboarding::go_to(&c.state, &user.user_id, "done", None).await?;
        Ok(url)
    })
    .await
}
