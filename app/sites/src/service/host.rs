//! Requests for hosts that are not the app's own: a site's custom domain. The server hands them
//! here before routing (see `Module::custom_hosts`). An active domain serves its site; any other
//! host gets a plain 404 that names no site and no workspace. Also the proxy's question before
//! it issues a certificate.

use super::public::{self, not_found, Place};
use axum::extract::{FromRequest, Path, Query, Request, State};
use axum::response::{IntoResponse, Response};
use futures_util::future::BoxFuture;
use http::{header, Method, StatusCode};
use platform::events::visitors::Hit;
use platform::request::{client_ip, host_name};
use platform::AppState;
use serde::Deserialize;
use std::collections::HashMap;

/// The query of a public page: the form just sent.
#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    /// The section id of the form that was sent.
    pub sent: Option<String>,
}

/// Serves `req`, whose host is not the app's.
pub fn serve(state: AppState, req: Request) -> BoxFuture<'static, Response> {
    Box::pin(async move {
        let host = req
            .headers()
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .map(host_name)
            .or_else(|| req.uri().host().map(host_name))
            .unwrap_or_default();
        let path = req.uri().path().to_owned();
        if let Some(key) = path.strip_prefix("/media/") {
            if req.method() == Method::GET || req.method() == Method::HEAD {
                return platform::media::serve(State(state), Path(key.to_owned())).await;
            }
        }
        let slug = path.trim_matches('/').to_owned();
        if slug.contains('/') {
            return not_found();
        }
        let place = Place::Host(host);
        if req.method() == Method::POST {
            return post(state, place, slug, req).await;
        }
        if req.method() != Method::GET && req.method() != Method::HEAD {
            return StatusCode::METHOD_NOT_ALLOWED.into_response();
        }
        let q = Query::<PageQuery>::try_from_uri(req.uri())
            .map(|q| q.0)
            .unwrap_or_default();
        visit(state, place, slug, q, req).await
    })
}

/// A visit of `slug` of the site at `place`.
pub async fn visit(
    state: AppState,
    place: Place,
    slug: String,
    q: PageQuery,
    req: Request,
) -> Response {
    let (parts, _) = req.into_parts();
    let ip = client_ip(&parts, state.config.trusted_proxy_hops);
    let hit = Hit {
        ip: &ip,
        headers: &parts.headers,
    };
    public::page(&state, place, &slug, q.sent.as_deref(), &hit).await
}

/// A form posted to `slug` of the site at `place`.
pub async fn post(state: AppState, place: Place, slug: String, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let ip = client_ip(&parts, state.config.trusted_proxy_hops);
    let headers = parts.headers.clone();
    let req = Request::from_parts(parts, body);
    let Ok(axum::Form(fields)) =
        axum::Form::<HashMap<String, String>>::from_request(req, &state).await
    else {
        return (StatusCode::BAD_REQUEST, "The form could not be read.").into_response();
    };
    let hit = Hit {
        ip: &ip,
        headers: &headers,
    };
    super::forms::submit(&state, place, &slug, fields, &hit).await
}

/// Query of the proxy's question.
#[derive(Debug, Deserialize)]
pub struct AskQuery {
    /// The domain a certificate would be for.
    domain: String,
}

/// `GET /sites/tls/ask?domain=…`: 200 when a site serves `domain` (the proxy may issue its
/// certificate), 404 otherwise. Caddy's on-demand TLS `ask` and the Kubernetes issuer's check
/// call it.
pub async fn ask(State(state): State<AppState>, Query(q): Query<AskQuery>) -> Response {
    if super::domains::may_issue(&state, &q.domain).await {
        (StatusCode::OK, "yes").into_response()
    } else {
        (StatusCode::NOT_FOUND, "no").into_response()
    }
}
