//! Serving until SIGTERM or SIGINT, then draining in-flight requests for a bounded time.

use app::platform::jobs::{Worker, WorkerOptions};
use app::platform::AppState;
use axum::extract::Request;
use axum::response::Response;
use axum::ServiceExt;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tower::Service;

/// Resolves on SIGINT (Ctrl-C) or SIGTERM (what Kubernetes sends).
pub async fn signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

/// Serves `app` until `stop` resolves; then stops accepting, lets open requests finish for at
/// most `grace`, and returns.
pub async fn serve<S>(
    listener: TcpListener,
    app: S,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
    grace: Duration,
) -> std::io::Result<()>
where
    S: Service<Request, Response = Response, Error = Infallible> + Clone + Send + Sync + 'static,
    S::Future: Send,
{
    let stopping = Arc::new(Notify::new());
    let notify = stopping.clone();
    let service = app.into_make_service_with_connect_info::<std::net::SocketAddr>();
    let server = axum::serve(listener, service).with_graceful_shutdown(async move {
        stop.await;
        tracing::info!("shutdown signal received; draining");
        notify.notify_one();
    });
    let server = std::future::IntoFuture::into_future(server);
    tokio::pin!(server);
    tokio::select! {
        result = &mut server => result,
        _ = async { stopping.notified().await; tokio::time::sleep(grace).await } => {
            tracing::warn!(grace_secs = grace.as_secs(), "drain took too long; closing remaining connections");
            Ok(())
        }
    }
}

/// Runs the app on `listener` with its job worker, event writer and cache-invalidation feed
/// until `stop` resolves. Then
/// requests and running jobs drain side by side for at most `grace`, and the events the
/// requests recorded are written before this returns.
pub async fn run_app(
    state: AppState,
    listener: TcpListener,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
    grace: Duration,
) -> std::io::Result<()> {
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let stopped = |mut rx: tokio::sync::watch::Receiver<bool>| async move {
        let _ = rx.wait_for(|stop| *stop).await;
    };
    let worker_options = WorkerOptions {
        drain: grace,
        ..WorkerOptions::default()
    };
    let worker =
        tokio::spawn(Worker::new(state.clone(), worker_options).run(stopped(stop_rx.clone())));
    let events = state.events.clone();
    let writing = stopped(stop_rx.clone());
    let writer = tokio::spawn(async move { events.run(writing).await });
    let feed = tokio::spawn(app::platform::invalidate::watch(
        state.clone(),
        stopped(stop_rx),
    ));
    let events = state.events.clone();
    let stop = async move {
        stop.await;
        let _ = stop_tx.send(true);
    };
    let served = serve(listener, super::service(state), stop, grace).await;
    let _ = writer.await;
    match events.flush().await {
        Ok(n) => tracing::info!(events = n, "events written at shutdown"),
        Err(e) => {
            tracing::error!(error = %e, lost = events.waiting(), "events not written at shutdown")
        }
    }
    let _ = worker.await;
    let _ = feed.await;
    served
}
