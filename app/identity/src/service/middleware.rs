//! Who is calling: reads the auth cookies on every page and server-function request, renews an
//! expired access token from the refresh token, and guards the signed-in pages.

use super::cookies;
use super::jwt;
use super::sessions::{self, Refresh};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use platform::request::ClientInfo;
use platform::AppState;

/// The authenticated caller, in the request's extensions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Auth {
    /// The user id.
    pub user_id: String,
    /// The session id.
    pub sid: String,
}

/// Paths that never need to know the caller (no database work for them).
fn is_public_asset(path: &str) -> bool {
    [
        "/pkg/",
        "/media/",
        "/icons/",
        "/healthz",
        "/readyz",
        "/sw.js",
        "/pwa.js",
        "/manifest.webmanifest",
        "/offline.",
    ]
    .iter()
    .any(|p| path.starts_with(p))
}

/// Pages that need a signed-in user.
fn needs_sign_in(path: &str) -> bool {
    ["/app", "/settings", "/onboarding", "/admin"]
        .iter()
        .any(|p| path == *p || path.starts_with(&format!("{p}/")))
}

/// Pages a signed-in user has no use for.
fn for_signed_out_only(path: &str) -> bool {
    matches!(path, "/login" | "/register")
}

/// The middleware: see the module docs.
pub async fn authenticate(
    State(state): State<AppState>,
    mut req: Request<Body>,
    next: Next,
) -> Response {
    let path = req.uri().path().to_owned();
    if is_public_asset(&path) {
        return next.run(req).await;
    }
    let cookie_header = req
        .headers()
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let secure = state.config.secure_cookies();
    let mut set_cookies: Vec<String> = Vec::new();
    let mut auth = None;

    if let Some(token) = cookies::get(&cookie_header, cookies::ACCESS) {
        let secret = state.config.app_secret.expose();
        if let Some(claims) = jwt::verify(secret, &state.config.base_url, token, state.clock.unix())
        {
            match sessions::is_live(&state.db, state.clock.now(), &claims.sub, &claims.sid).await {
                Ok(true) => {
                    auth = Some(Auth {
                        user_id: claims.sub,
                        sid: claims.sid,
                    })
                }
                Ok(false) => {}
                Err(e) => tracing::warn!(error = %e, "session check failed"),
            }
        }
    }
    if auth.is_none() {
        if let Some(refresh) = cookies::get(&cookie_header, cookies::REFRESH) {
            let (parts, body) = req.into_parts();
            let client = ClientInfo::from_parts(&parts, state.config.trusted_proxy_hops);
            req = Request::from_parts(parts, body);
            match sessions::refresh(&state.db, state.clock.now(), refresh, &client).await {
                Ok(Refresh::Rotated { session, token }) => {
                    let access = super::auth::access_token(&state, &session);
                    set_cookies.extend(cookies::sign_in(&access, &token, secure));
                    auth = Some(Auth {
                        user_id: session.user_id,
                        sid: session.id,
                    });
                }
                Ok(Refresh::Raced { session }) => {
                    auth = Some(Auth {
                        user_id: session.user_id,
                        sid: session.id,
                    });
                }
                Ok(Refresh::Refused) => set_cookies.extend(cookies::sign_out(secure)),
                Err(e) => tracing::warn!(error = %e, "session refresh failed"),
            }
        }
    }

    let is_page = req.method() == Method::GET;
    let mut res = if is_page && auth.is_none() && needs_sign_in(&path) {
        let next = req
            .uri()
            .path_and_query()
            .map(|p| p.as_str())
            .unwrap_or("/app");
        Redirect::to(&format!(
            "/login?next={}",
            app_core::url::encode_query_value(next)
        ))
        .into_response()
    } else if is_page && auth.is_some() && for_signed_out_only(&path) {
        Redirect::to("/app").into_response()
    } else {
        if let Some(a) = auth {
            req.extensions_mut().insert(a);
        }
        next.run(req).await
    };
    // A handler that signed in or out already chose the cookies.
    let handler_set_auth = res.headers().get_all(header::SET_COOKIE).iter().any(|v| {
        v.to_str()
            .is_ok_and(|v| v.starts_with(cookies::ACCESS) || v.starts_with(cookies::REFRESH))
    });
    if !handler_set_auth {
        for c in set_cookies {
            if let Ok(v) = HeaderValue::from_str(&c) {
                res.headers_mut().append(header::SET_COOKIE, v);
            }
        }
    }
    if res.status() == StatusCode::SEE_OTHER || res.status() == StatusCode::FOUND {
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// Refuses state-changing requests that a browser made for another site (CSRF). A request
/// counts as ours when its `Origin` is the origin of `APP_BASE_URL` (never compared with `Host`,
/// which the request itself names), or, without `Origin`, when `Sec-Fetch-Site` says
/// same-origin. Browsers send one of the two on every such request; a request with neither is
/// refused when it carries a session cookie, and passes otherwise (webhooks, API clients: there
/// is no session to ride on).
pub async fn same_origin_only(
    State(state): State<AppState>,
    req: Request<Body>,
    next: Next,
) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let h = req.headers();
    // A site's custom domain: its forms post to their own origin, and the request never reaches
    // the app's routes (the server hands such hosts to the sites module), nor carries our
    // cookies (a browser sends them to our host only).
    let host = h
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !platform::request::is_app_host(&state.config, host) {
        return next.run(req).await;
    }
    let header_str = |name| h.get(name).and_then(|v: &HeaderValue| v.to_str().ok());
    let origin = header_str(header::ORIGIN);
    let fetch_site = header_str(HeaderName::from_static("sec-fetch-site"));
    let cookies = header_str(header::COOKIE).unwrap_or("");
    let has_session = [cookies::ACCESS, cookies::REFRESH]
        .iter()
        .any(|name| cookies::get(cookies, name).is_some());
    let ours = &state.config.base_origin;
    let allowed = !matches!(fetch_site, Some("cross-site" | "same-site"))
        && match (origin, fetch_site) {
            (Some(origin), _) => origin == ours.as_str(),
            (None, Some(site)) => matches!(site, "same-origin" | "none"),
            (None, None) => !has_session,
        };
    if !allowed {
        tracing::warn!(
            ?origin,
            ?fetch_site,
            has_session,
            "cross-origin request refused"
        );
        return (
            StatusCode::FORBIDDEN,
            format!("Cross-origin requests are not allowed. Open Mewayz at {ours}."),
        )
            .into_response();
    }
    next.run(req).await
}

/// The caller of the current server function, if signed in.
pub fn current_auth() -> Option<Auth> {
    platform::api::parts().extensions.get::<Auth>().cloned()
}

/// The caller of the current server function, or `Unauthorized`.
pub fn require_auth() -> Result<Auth, app_core::error::AppError> {
    current_auth().ok_or(app_core::error::AppError::Unauthorized)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guarded_paths() {
        assert!(needs_sign_in("/app"));
        assert!(needs_sign_in("/app/more"));
        assert!(needs_sign_in("/settings/security"));
        assert!(!needs_sign_in("/apple"));
        assert!(!needs_sign_in("/"));
    }
}
