//! The status of a signed-in page under `/app/<handle>`: pages stream, so a screen that finds
//! no workspace of the caller's at `<handle>` shows "not found" after the status is on its way.
//! This decides the status before the page renders, from the same membership check.

use super::workspaces::by_handle_for;
use crate::model::route_handle;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::{Method, StatusCode};
use identity::service::Auth;
use platform::AppState;

/// The handle a page request at `path` is for, if it is one.
fn handle_of<'a>(method: &Method, path: &'a str) -> Option<&'a str> {
    if method != Method::GET {
        return None;
    }
    route_handle(path)
}

/// Answers 404 for a page of a workspace the signed-in caller is not a member of (or that does
/// not exist; the two look the same). The page itself already says "not found"; signed-out
/// visitors are sent to log in elsewhere.
pub async fn workspace_page_status(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let user = req.extensions().get::<Auth>().map(|a| a.user_id.clone());
    let foreign = match (handle_of(req.method(), req.uri().path()), user) {
        (Some(handle), Some(user)) => by_handle_for(&state, &user, handle).await.is_err(),
        _ => false,
    };
    let mut res = next.run(req).await;
    if foreign && res.status() == StatusCode::OK {
        *res.status_mut() = StatusCode::NOT_FOUND;
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_workspace_pages_are_checked() {
        assert_eq!(handle_of(&Method::GET, "/app/ana/crm"), Some("ana"));
        assert_eq!(handle_of(&Method::GET, "/app/ana"), Some("ana"));
        assert_eq!(handle_of(&Method::GET, "/app/more"), None);
        assert_eq!(handle_of(&Method::GET, "/app"), None);
        assert_eq!(handle_of(&Method::GET, "/api/get_workspace"), None);
        assert_eq!(handle_of(&Method::POST, "/app/ana"), None);
    }
}
