//! The messages a site's forms got, for its submissions list.

use super::store::{rfc3339, submissions, SubmissionDoc};
use crate::model::SubmissionView;
use app_core::error::AppError;
use futures_util::TryStreamExt;
use mongodb::bson::doc;
use platform::AppState;
use workspaces::WorkspaceScope;

/// The most messages the list shows; the download has them all.
pub const SHOWN: i64 = 200;

/// The newest messages of site `site_id`.
pub async fn list(
    state: &AppState,
    scope: &WorkspaceScope,
    site_id: &str,
) -> Result<Vec<SubmissionView>, AppError> {
    super::sites::get(state, scope, site_id).await?;
    let docs: Vec<SubmissionDoc> = submissions(&state.db)
        .find(scope.filter_with(doc! { "site_id": site_id }))
        .sort(doc! { "at": -1 })
        .limit(SHOWN)
        .await?
        .try_collect()
        .await?;
    Ok(docs
        .into_iter()
        .map(|d| SubmissionView {
            id: d.id,
            page: d.page,
            form: d.form,
            email: d.email,
            values: d.values,
            at: rfc3339(d.at),
        })
        .collect())
}
