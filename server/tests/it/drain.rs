//! Graceful shutdown lets in-flight requests finish, and gives up after the grace period.

use axum::routing::get;
use axum::Router;
use server::{probe, shutdown};
use std::time::Duration;
use tokio::sync::oneshot;

async fn start(
    handler_sleep: Duration,
    grace: Duration,
) -> (
    std::net::SocketAddr,
    oneshot::Sender<()>,
    tokio::task::JoinHandle<std::io::Result<()>>,
) {
    let app = Router::new().route(
        "/slow",
        get(move || async move {
            tokio::time::sleep(handler_sleep).await;
            "done"
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop_tx, stop_rx) = oneshot::channel::<()>();
    let task = tokio::spawn(shutdown::serve(
        listener,
        app,
        async {
            let _ = stop_rx.await;
        },
        grace,
    ));
    (addr, stop_tx, task)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_flight_requests_finish_after_the_stop_signal() {
    let (addr, stop, task) = start(Duration::from_millis(700), Duration::from_secs(10)).await;
    let request =
        tokio::task::spawn_blocking(move || probe::get(addr, "/slow", Duration::from_secs(10)));
    tokio::time::sleep(Duration::from_millis(200)).await;
    stop.send(()).unwrap();

    let (status, body) = request.await.unwrap().expect("request completes");
    assert_eq!((status, body.as_str()), (200, "done"));
    tokio::time::timeout(Duration::from_secs(10), task)
        .await
        .expect("server stops after draining")
        .unwrap()
        .unwrap();
    // And it no longer accepts connections.
    assert!(probe::get(addr, "/slow", Duration::from_secs(1)).is_err());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn draining_is_bounded_by_the_grace_period() {
    let (addr, stop, task) = start(Duration::from_secs(3600), Duration::from_millis(300)).await;
    // A plain thread: it must not keep the test runtime alive.
    let _stuck = std::thread::spawn(move || probe::get(addr, "/slow", Duration::from_secs(3600)));
    tokio::time::sleep(Duration::from_millis(200)).await;
    stop.send(()).unwrap();
    // A request that never ends cannot hold the process: serve returns after the grace period.
    tokio::time::timeout(Duration::from_secs(30), task)
        .await
        .expect("serve returned despite a stuck request")
        .unwrap()
        .unwrap();
}
