//! Built assets and public files, served precompressed when a `.br`/`.gz` twin exists; unknown
//! paths fall through to the app, which renders its 404 page.

use app::platform::AppState;
use app::shell;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::handler::Handler;
use axum::response::Response;
use leptos::prelude::provide_context;
use tower_http::services::ServeDir;

/// Serves files under the site root, with the app's 404 page for anything not there.
pub fn site(
    state: AppState,
) -> ServeDir<
    impl tower::Service<
            Request<Body>,
            Response = Response,
            Error = std::convert::Infallible,
            Future: Send,
        > + Clone,
> {
    let root = state.leptos_options.site_root.to_string();
    ServeDir::new(root)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false)
        .call_fallback_on_method_not_allowed(true)
        .fallback(not_found.with_state(state))
}

/// Renders the app for a path no route or file matched; its router shows the 404 page.
async fn not_found(State(state): State<AppState>, req: Request<Body>) -> Response {
    let options = state.leptos_options.clone();
    let render = leptos_axum::render_app_to_stream_with_context(
        move || provide_context(state.clone()),
        move || shell(options.clone()),
    );
    render(req).await
}
