//! Platform admins acting on one workspace's subscription: search, complimentary plans, trial
//! extensions, discounts and limits of its own. Every change lands in the workspace's audit log.

use crate::model::AdminWorkspaceRow;
use crate::plan_form::LimitFields;
use app_core::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod ssr {
    use crate::model::AdminWorkspaceRow;
    use crate::service::overrides;
    use app_core::error::AppError;
    use identity::service::admin::{require_platform_admin, AdminScope};
    use platform::api::{client, state};
    use platform::AppState;

    /// The state and the admin, checked.
    pub async fn admin() -> Result<(AppState, AdminScope), AppError> {
        let state = state();
        let admin = require_platform_admin(&state).await?;
        Ok((state, admin))
    }

    /// Writes `summary` to the workspace's audit log and returns its refreshed row.
    pub async fn audited(
        state: &AppState,
        admin: &AdminScope,
        workspace_id: &str,
        action: &str,
        summary: String,
    ) -> Result<AdminWorkspaceRow, AppError> {
        workspaces::service::audit::record_by(
            state,
            workspace_id,
            &admin.user_id,
            &client(state),
            action,
            format!("Platform admin: {summary}"),
        )
        .await?;
        overrides::refreshed(state, workspace_id).await
    }

    /// An optional whole number typed into a form ("" means none).
    pub fn optional_number<T: std::str::FromStr>(
        field: &str,
        value: &str,
        message: &str,
    ) -> Result<Option<T>, AppError> {
        let value = value.trim();
        if value.is_empty() {
            return Ok(None);
        }
        value
            .parse()
            .map(Some)
            .map_err(|_| AppError::invalid(field, message))
    }
}

/// Workspaces by name, handle or owner email (platform admins).
#[server(endpoint = "admin_search_workspaces")]
pub async fn admin_search_workspaces(query: String) -> Result<Vec<AdminWorkspaceRow>, AppError> {
    use crate::service::overrides;
    use platform::api::respond;
    respond(async move {
        let (state, _) = ssr::admin().await?;
        overrides::search(&state, &query).await
    })
    .await
}

/// Gives a workspace a paid plan for free, for a number of days or until taken back.
#[server(endpoint = "admin_grant_complimentary")]
pub async fn admin_grant_complimentary(
    workspace_id: String,
    plan: String,
    days: String,
) -> Result<AdminWorkspaceRow, AppError> {
    use crate::service::overrides;
    use platform::api::respond;
    respond(async move {
        let (state, admin) = ssr::admin().await?;
        let days =
            ssr::optional_number("days", &days, "Enter a number of days, or leave it empty.")?;
        let summary = overrides::grant_complimentary(&state, &workspace_id, &plan, days).await?;
        ssr::audited(
            &state,
            &admin,
            &workspace_id,
            "billing.complimentary",
            summary,
        )
        .await
    })
    .await
}

/// Ends a complimentary plan.
#[server(endpoint = "admin_revoke_complimentary")]
pub async fn admin_revoke_complimentary(
    workspace_id: String,
) -> Result<AdminWorkspaceRow, AppError> {
    use crate::service::overrides;
    use platform::api::respond;
    respond(async move {
        let (state, admin) = ssr::admin().await?;
        overrides::revoke_complimentary(&state, &workspace_id).await?;
        ssr::audited(
            &state,
            &admin,
            &workspace_id,
            "billing.complimentary_ended",
            "Ended the complimentary plan".into(),
        )
        .await
    })
    .await
}

/// Moves the end of a workspace's trial later.
#[server(endpoint = "admin_extend_trial")]
pub async fn admin_extend_trial(
    workspace_id: String,
    days: String,
) -> Result<AdminWorkspaceRow, AppError> {
    use crate::service::{overrides, payments};
    use platform::api::respond;
    respond(async move {
        let (state, admin) = ssr::admin().await?;
        let days = ssr::optional_number("days", &days, "Enter 1 to 365 days.")?
            .ok_or_else(|| AppError::invalid("days", "Enter 1 to 365 days."))?;
        let payments = payments::require(&state)?;
        let summary = overrides::extend_trial(&state, &payments, &workspace_id, days).await?;
        ssr::audited(
            &state,
            &admin,
            &workspace_id,
            "billing.trial_extended",
            summary,
        )
        .await
    })
    .await
}

/// A discount on a workspace's subscription: `kind` is `percent` or `amount`, `months` empty
/// for forever and 0 for the next invoice only.
#[server(endpoint = "admin_apply_discount")]
pub async fn admin_apply_discount(
    workspace_id: String,
    kind: String,
    value: String,
    months: String,
) -> Result<AdminWorkspaceRow, AppError> {
    use crate::service::{overrides, payments};
    use app_core::money::parse_price;
    use platform::api::respond;
    respond(async move {
        let (state, admin) = ssr::admin().await?;
        let bad = || {
            AppError::invalid(
                "value",
                "Enter a percentage from 1 to 100, or an amount like 5 or 5.50.",
            )
        };
        let (percent, amount) = match kind.as_str() {
            "percent" => (Some(value.trim().parse::<u32>().map_err(|_| bad())?), None),
            "amount" => (None, Some(parse_price(&value).ok_or_else(bad)?)),
            _ => return Err(AppError::invalid("kind", "Choose percent or amount.")),
        };
        let months = ssr::optional_number(
            "months",
            &months,
            "Enter a number of months, or leave it empty for forever.",
        )?;
        let payments = payments::require(&state)?;
        let summary =
            overrides::apply_discount(&state, &payments, &workspace_id, percent, amount, months)
                .await?;
        ssr::audited(&state, &admin, &workspace_id, "billing.discount", summary).await
    })
    .await
}

/// Limits of the workspace's own, over its plan's; a blank value keeps the plan's limit.
#[server(endpoint = "admin_set_limit_overrides")]
pub async fn admin_set_limit_overrides(
    workspace_id: String,
    #[server(flatten)] limits: LimitFields,
) -> Result<AdminWorkspaceRow, AppError> {
    use crate::service::overrides;
    use platform::api::respond;
    respond(async move {
        let (state, admin) = ssr::admin().await?;
        let summary =
            overrides::set_limit_overrides(&state, &workspace_id, &limits.by_key()).await?;
        ssr::audited(&state, &admin, &workspace_id, "billing.limits", summary).await
    })
    .await
}
