//! Helpers every server function uses: the state, the caller, and errors with their status.

use super::request::ClientInfo;
use super::state::AppState;
use app_core::error::AppError;
use leptos::prelude::{expect_context, use_context};

/// The application state inside a server function.
pub fn state() -> AppState {
    expect_context::<AppState>()
}

/// The request being answered.
pub fn parts() -> http::request::Parts {
    use_context::<http::request::Parts>().unwrap_or_else(|| {
        // Only reachable when a server function is called outside an HTTP request.
        http::Request::new(()).into_parts().0
    })
}

/// The caller's IP and browser.
pub fn client(state: &AppState) -> ClientInfo {
    ClientInfo::from_parts(&parts(), state.config.trusted_proxy_hops)
}

/// Sets the response status to match `err` and returns it, for `Err(fail(..))`. A plain form
/// post (before the app has loaded) keeps Leptos' redirect back to the form instead.
pub fn fail(err: AppError) -> AppError {
    let plain_form = parts()
        .headers
        .get(http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    if let (false, Some(res)) = (plain_form, use_context::<leptos_axum::ResponseOptions>()) {
        res.set_status(err.status_code());
    }
    err
}

/// Runs a server function body, turning its error into a response with the right status.
pub async fn respond<T>(
    body: impl std::future::Future<Output = Result<T, AppError>>,
) -> Result<T, AppError> {
    body.await.map_err(fail)
}

/// Adds a `Set-Cookie` header to the response.
pub fn set_cookie(cookie: String) {
    if let (Some(res), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(&cookie),
    ) {
        res.append_header(http::header::SET_COOKIE, value);
    }
}
