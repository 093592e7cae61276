//! The CRM's side of [`ContactIntake`]: captured visitors from other modules' public forms.

use super::waiting::capture_or_wait;
use crate::model::Source;
use app_core::error::AppError;
use futures_util::future::BoxFuture;
use platform::{AppState, Capture, ContactIntake};
use workspaces::WorkspaceScope;

/// Makes captures contacts, or keeps them waiting for room.
pub struct Intake;

impl ContactIntake for Intake {
    fn capture<'a>(
        &'a self,
        state: &'a AppState,
        c: Capture<'a>,
    ) -> BoxFuture<'a, Result<bool, AppError>> {
        Box::pin(async move {
            let source = Source::parse(c.source)
                .ok_or_else(|| AppError::invalid("source", "Unknown contact source."))?;
            let scope = WorkspaceScope::system(c.workspace_id);
            let who = (c.email, c.name.unwrap_or(""));
            capture_or_wait(state, &scope, who, source, c.kind, c.summary).await
        })
    }
}
