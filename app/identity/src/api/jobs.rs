//! The background job queue for platform admins: what is waiting, what died and why, and a
//! second chance or a discard for each dead job.

use crate::model::JobsOverview;
use app_core::error::AppError;
use leptos::prelude::*;

/// Counts by kind and status and the latest 50 dead jobs (platform admins).
#[server(endpoint = "admin_jobs")]
pub async fn admin_jobs() -> Result<JobsOverview, AppError> {
    use crate::model::{DeadJob, JobCount};
    use crate::service::admin::require_platform_admin;
    use platform::api::{respond, state};
    respond(async move {
        let state = state();
        require_platform_admin(&state).await?;
        let counts = state.jobs.counts().await?;
        let dead = state.jobs.dead(50).await?;
        Ok(JobsOverview {
            counts: counts
                .into_iter()
                .map(|(kind, status, count)| JobCount {
                    kind,
                    status: status.as_str().to_owned(),
                    count,
                })
                .collect(),
            dead: dead
                .into_iter()
                .map(|j| DeadJob {
                    id: j.id,
                    kind: j.kind,
                    error: j.last_error.unwrap_or_default(),
                    attempts: j.attempts,
                    died_at: j
                        .finished_at
                        .and_then(|d| d.try_to_rfc3339_string().ok())
                        .unwrap_or_default(),
                })
                .collect(),
        })
    })
    .await
}

/// Runs a dead job again with fresh attempts (platform admins).
#[server(endpoint = "admin_retry_job")]
pub async fn admin_retry_job(id: String) -> Result<(), AppError> {
    use crate::service::admin::require_platform_admin;
    use platform::api::{respond, state};
    respond(async move {
        let state = state();
        require_platform_admin(&state).await?;
        if !state.jobs.retry(&id).await? {
            return Err(AppError::NotFound {
                what: "That dead job".into(),
            });
        }
        Ok(())
    })
    .await
}

/// Deletes a dead job for good (platform admins).
#[server(endpoint = "admin_discard_job")]
pub async fn admin_discard_job(id: String) -> Result<(), AppError> {
    use crate::service::admin::require_platform_admin;
    use platform::api::{respond, state};
    respond(async move {
        let state = state();
        require_platform_admin(&state).await?;
        if !state.jobs.discard(&id).await? {
            return Err(AppError::NotFound {
                what: "That dead job".into(),
            });
        }
        Ok(())
    })
    .await
}
