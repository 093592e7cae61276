//! The setup wizard's progress, kept on the server so a reload or a return days later resumes
//! the same step.

use super::store::{onboarding, workspaces, Onboarding};
use crate::model::{WizardState, GOALS, WIZARD_STEPS};
use app_core::error::AppError;
use mongodb::bson::doc;
use platform::AppState;

/// The wizard as `user_id` left it (a fresh one starts at the first step).
pub async fn state_of(state: &AppState, user_id: &str) -> Result<WizardState, AppError> {
    let progress = onboarding(&state.db)
        .find_one(doc! { "_id": user_id })
        .await?;
    let (step, workspace_id) = match progress {
        Some(p) => (p.step, p.workspace_id),
        None => (WIZARD_STEPS[0].to_owned(), None),
    };
    let (workspace, goals) = match &workspace_id {
        Some(id) => {
            let ws = workspaces(&state.db).find_one(doc! { "_id": id }).await?;
            let goals = ws.as_ref().map(|w| w.goals.clone()).unwrap_or_default();
            let view = match ws {
                Some(_) => super::workspaces::list_for(state, user_id)
                    .await?
                    .into_iter()
                    .find(|w| &w.id == id),
                None => None,
            };
            (view, goals)
        }
        None => (None, Vec::new()),
    };
    Ok(WizardState {
        step,
        workspace,
        goals,
    })
}

/// Moves the wizard to `step`. Steps after the first need the workspace to exist.
pub async fn go_to(
    state: &AppState,
    user_id: &str,
    step: &str,
    workspace_id: Option<&str>,
) -> Result<(), AppError> {
    if !WIZARD_STEPS.contains(&step) {
        return Err(AppError::invalid("step", "Unknown step."));
    }
    let current = onboarding(&state.db)
        .find_one(doc! { "_id": user_id })
        .await?;
    let ws = workspace_id
        .map(str::to_owned)
        .or(current.and_then(|c| c.workspace_id));
    if step != WIZARD_STEPS[0] && ws.is_none() {
        return Err(AppError::invalid("step", "Create your workspace first."));
    }
    onboarding(&state.db)
        .replace_one(
            doc! { "_id": user_id },
            Onboarding {
                user_id: user_id.to_owned(),
                step: step.to_owned(),
                workspace_id: ws,
            },
        )
        .upsert(true)
        .await?;
    Ok(())
}

/// Records the goals picked (unknown ones are refused).
pub async fn set_goals(
    state: &AppState,
    workspace_id: &str,
    goals: &[String],
) -> Result<(), AppError> {
    if let Some(bad) = goals.iter().find(|g| !GOALS.iter().any(|(k, _)| k == g)) {
        return Err(AppError::invalid("goals", format!("Unknown goal: {bad}")));
    }
    workspaces(&state.db)
        .update_one(
            doc! { "_id": workspace_id },
            doc! { "$set": { "goals": goals } },
        )
        .await?;
    Ok(())
}
