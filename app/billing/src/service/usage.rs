//! What a workspace uses of each plan limit, counted by the modules that own the data (each
//! declares its counters in its `Module`), so limit checks and the admins' impact analysis agree.

use app_core::error::AppError;
use platform::AppState;

/// Every limit the workspace has something counted against, with its count.
pub async fn all(
    state: &AppState,
    workspace_id: &str,
) -> Result<Vec<(&'static str, u64)>, AppError> {
    let mut all = Vec::new();
    for counter in state.modules.iter().flat_map(|m| m.usage) {
        all.push((counter.limit, (counter.count)(state, workspace_id).await?));
    }
    Ok(all)
}
