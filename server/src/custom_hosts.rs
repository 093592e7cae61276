//! Requests for a host that is not the app's (a site's custom domain) go to the module that
//! serves such hosts, before any of the app's routes can answer them. A plain tower layer, so
//! the app's own requests pay one comparison, not a boxed middleware.

use app::platform::request::is_app_host;
use app::platform::AppState;
use axum::extract::Request;
use axum::http::header;
use axum::response::Response;
use futures_util::future::{BoxFuture, Either, FutureExt, Map};
use std::convert::Infallible;
use std::task::{Context, Poll};
use tower::{Layer, Service};

/// Hands custom hosts' requests to their module.
#[derive(Clone)]
pub struct CustomHosts(pub AppState);

impl<S> Layer<S> for CustomHosts {
    type Service = WithCustomHosts<S>;
    fn layer(&self, inner: S) -> WithCustomHosts<S> {
        WithCustomHosts {
            inner,
            state: self.0.clone(),
        }
    }
}

/// The app's service, with custom hosts taken out first.
#[derive(Clone)]
pub struct WithCustomHosts<S> {
    inner: S,
    state: AppState,
}

type Served = Map<BoxFuture<'static, Response>, fn(Response) -> Result<Response, Infallible>>;

impl<S> Service<Request> for WithCustomHosts<S>
where
    S: Service<Request, Response = Response, Error = Infallible>,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Either<S::Future, Served>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let host = req
            .headers()
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .or_else(|| req.uri().host())
            .unwrap_or("");
        if !is_app_host(&self.state.config, host) {
            if let Some(serve) = self.state.modules.iter().find_map(|m| m.custom_hosts) {
                return Either::Right(serve(self.state.clone(), req).map(Ok));
            }
        }
        Either::Left(self.inner.call(req))
    }
}
