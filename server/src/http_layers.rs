//! Middleware every response passes through (request ids, tracing, security and cache headers,
//! custom domains), and the session's around the app's own routes (sign-in, origin checks,
//! compression).

use crate::custom_hosts::CustomHosts;
use crate::response_headers::ResponseHeaders;
use app::identity::service::middleware::{authenticate, same_origin_only};
use app::platform::AppState;
use app::workspaces::service::page_status::workspace_page_status;
use axum::body::Body;
use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware;
use axum::response::Response;
use axum::Router;
use std::convert::Infallible;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tower::{Service, ServiceBuilder};
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{
    MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::trace::TraceLayer;

/// Wraps the app's own routes and its fallback (not the visitors' pages, merged after) in the
/// session's middleware. Axum applies later layers outside earlier ones, so compression runs
/// closest to the handlers; a workspace page's status is decided inside `authenticate`, which
/// names the caller.
pub fn session(router: Router<AppState>, state: AppState) -> Router<AppState> {
    router
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(
            state.clone(),
            workspace_page_status,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), authenticate))
        .layer(middleware::from_fn_with_state(state, same_origin_only))
}

/// Every route wrapped in what each response needs: a request id, tracing, security and cache
/// headers, and custom domains handed to their module before any route. Composed as one
/// service rather than with `Router::layer`, which boxes each layer on every request.
pub fn outer(
    routes: Router,
    state: AppState,
) -> impl Service<Request, Response = Response, Error = Infallible, Future: Send>
       + Clone
       + Send
       + Sync
       + 'static {
    ServiceBuilder::new()
        .map_response(|res: Response<_>| res.map(Body::new))
        .layer(SetRequestIdLayer::x_request_id(RequestIds::default()))
        .layer(TraceLayer::new_for_http().make_span_with(request_span))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(ResponseHeaders::new(&state))
        .layer(CustomHosts(state))
        .service(routes)
}

/// Request ids as `<replica>-<n>`: a random prefix per process and a counter. A random UUID per
/// request asked the kernel for randomness on every one.
#[derive(Clone)]
struct RequestIds {
    replica: Arc<str>,
    next: Arc<AtomicU64>,
}

impl Default for RequestIds {
    fn default() -> Self {
        RequestIds {
            replica: format!("{:08x}", rand::random::<u32>()).into(),
            next: Arc::default(),
        }
    }
}

impl MakeRequestId for RequestIds {
    fn make_request_id<B>(&mut self, _: &Request<B>) -> Option<RequestId> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        HeaderValue::from_str(&format!("{}-{n}", self.replica))
            .ok()
            .map(RequestId::new)
    }
}

fn request_span(req: &Request) -> tracing::Span {
    let id = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!("request", request_id = %id, method = %req.method(), path = %req.uri().path())
}
