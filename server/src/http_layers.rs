//! Middleware every response passes through: request ids, tracing, compression, security and
//! cache headers.

use app::identity::service::middleware::{authenticate, same_origin_only};
use app::platform::security::DEFAULT_CSP;
use app::platform::AppState;
use app::workspaces::service::page_status::workspace_page_status;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{
    MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::trace::TraceLayer;

/// Wraps `router` in the middleware stack. Axum applies later layers outside earlier ones, so
/// the request id is set first and compression runs closest to the handlers; a workspace page's
/// status is decided inside `authenticate`, which names the caller.
pub fn apply(router: Router<AppState>, state: AppState) -> Router<AppState> {
    router
        .layer(middleware::from_fn_with_state(state.clone(), custom_hosts))
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(
            state.clone(),
            workspace_page_status,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), authenticate))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            same_origin_only,
        ))
        .layer(middleware::from_fn_with_state(state, headers))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(TraceLayer::new_for_http().make_span_with(request_span))
        .layer(SetRequestIdLayer::x_request_id(RequestIds::default()))
}

/// Hands a request for a host that is not the app's (a site's custom domain) to the module
/// that serves such hosts, before any of the app's routes can answer it.
async fn custom_hosts(State(state): State<AppState>, req: Request<Body>, next: Next) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| req.uri().host())
        .unwrap_or("");
    if !app::platform::request::is_app_host(&state.config, host) {
        if let Some(serve) = state.modules.iter().find_map(|m| m.custom_hosts) {
            return serve(state.clone(), req).await;
        }
    }
    next.run(req).await
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

/// Security headers on every response, and a cache policy on those that set none: content-hashed
/// assets are immutable, everything else is revalidated.
async fn headers(State(state): State<AppState>, req: Request<Body>, next: Next) -> Response {
    let immutable = state.assets.hashed && req.uri().path().starts_with("/pkg/");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, name: HeaderName, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(
        h,
        header::REFERRER_POLICY,
        "strict-origin-when-cross-origin",
    );
    // A response made to be framed by our own pages (the email preview) says so itself.
    if !h.contains_key(header::X_FRAME_OPTIONS) {
        set(h, header::X_FRAME_OPTIONS, "DENY");
    }
    set(
        h,
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        h,
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    );
    if state.config.secure_cookies() {
        set(
            h,
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=63072000; includeSubDomains",
        );
    }
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        set(h, header::CONTENT_SECURITY_POLICY, DEFAULT_CSP);
    }
    if !h.contains_key(header::CACHE_CONTROL) {
        let ok = res.status().is_success() || res.status() == 304;
        let value = if immutable && ok {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    res
}
