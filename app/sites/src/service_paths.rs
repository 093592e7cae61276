//! The module's plain addresses the editor uses, in one place.

/// Where the editor uploads images of workspace `workspace_id`.
pub fn images_action(workspace_id: &str) -> String {
    format!("/sites/{workspace_id}/images")
}

/// The preview of page `page_id` of site `site_id`; `v` changes with each save, so the frame
/// loads the saved draft.
pub fn preview_src(workspace_id: &str, site_id: &str, page_id: &str, v: u64) -> String {
    format!("/sites/{workspace_id}/{site_id}/preview?page={page_id}&v={v}")
}

/// The download of site `site_id`'s messages.
pub fn submissions_csv(workspace_id: &str, site_id: &str) -> String {
    format!("/sites/{workspace_id}/{site_id}/submissions.csv")
}
