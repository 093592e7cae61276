//! Security headers on every response, and a cache policy on those that set none:
//! content-hashed assets are immutable, everything else is revalidated. A plain tower layer
//! rather than `middleware::from_fn`, which boxes the rest of the stack and its future on
//! every request (a visible share of a public page's cost under `make bench`).

use app::platform::security::{CROSS_ORIGIN_OPENER_POLICY, DEFAULT_CSP};
use app::platform::AppState;
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue};
use axum::response::Response;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use tower::{Layer, Service};

/// Adds the headers to the responses of the service it wraps.
#[derive(Clone)]
pub struct ResponseHeaders {
    /// Whether `/pkg/` names are content-hashed.
    hashed: bool,
    /// Whether the app is served over HTTPS (HSTS).
    secure: bool,
}

impl ResponseHeaders {
    /// The layer for the app in `state`.
    pub fn new(state: &AppState) -> Self {
        ResponseHeaders {
            hashed: state.assets.hashed,
            secure: state.config.secure_cookies(),
        }
    }
}

impl<S> Layer<S> for ResponseHeaders {
    type Service = WithHeaders<S>;
    fn layer(&self, inner: S) -> WithHeaders<S> {
        WithHeaders {
            inner,
            config: self.clone(),
        }
    }
}

/// A service whose responses get the headers.
#[derive(Clone)]
pub struct WithHeaders<S> {
    inner: S,
    config: ResponseHeaders,
}

impl<S> Service<Request> for WithHeaders<S>
where
    S: Service<Request, Response = Response>,
{
    type Response = Response;
    type Error = S::Error;
    type Future = HeadersFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let immutable = self.config.hashed && req.uri().path().starts_with("/pkg/");
        HeadersFuture {
            inner: self.inner.call(req),
            immutable,
            secure: self.config.secure,
        }
    }
}

pin_project_lite::pin_project! {
    /// The wrapped service's response, with the headers added.
    pub struct HeadersFuture<F> {
        #[pin]
        inner: F,
        immutable: bool,
        secure: bool,
    }
}

impl<F, E> Future for HeadersFuture<F>
where
    F: Future<Output = Result<Response, E>>,
{
    type Output = Result<Response, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let mut res = std::task::ready!(this.inner.poll(cx))?;
        let ok = res.status().is_success() || res.status() == 304;
        add(res.headers_mut(), *this.secure, *this.immutable && ok);
        Poll::Ready(Ok(res))
    }
}

fn add(h: &mut HeaderMap, secure: bool, immutable: bool) {
    let set = |h: &mut HeaderMap, name: HeaderName, value: &'static str| {
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
    // Public pages choose their own (`platform::encoded`).
    if !h.contains_key(CROSS_ORIGIN_OPENER_POLICY) {
        set(h, CROSS_ORIGIN_OPENER_POLICY, "same-origin");
    }
    set(
        h,
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    );
    if secure {
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
        let value = if immutable {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        set(h, header::CACHE_CONTROL, value);
    }
}
