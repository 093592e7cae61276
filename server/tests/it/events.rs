//! The event pipeline as replicas share it: views served by two processes arrive in the rollups
//! exactly, including the ones still buffered when a process is told to stop; a busy second
//! keeps a sample of its raw events and counts the rest instead of making visitors wait, and its
//! sums stay exact; a rollup that runs twice at once counts once.

use crate::common::bio::{link, publish, stats, PHONE};
use crate::common::people::{signed_up, unique, workspace};
use crate::common::{all, mongodb_uri, TestApp};
use app::platform::events::{apply, events, rollups, Event, EventBuffer, VIEW};
use app::platform::jobs::jobs;
use app::platform::AppState;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use mongodb::bson::{doc, DateTime};
use serde_json::json;
use std::io::{Read, Write};
use std::time::Duration;

/// A view of `path` by visitor `n`, as the proxy in front reports it.
fn view(path: &str, n: u32) -> Request<Body> {
    Request::get(path)
        .header(header::USER_AGENT, PHONE)
        .header(
            "x-forwarded-for",
            format!("10.0.{}.{}", n / 250, n % 250 + 1),
        )
        .body(Body::empty())
        .unwrap()
}

/// The same over a real connection to a running server.
fn view_over_tcp(addr: std::net::SocketAddr, path: &str, n: u32) -> u16 {
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.0\r\nHost: {addr}\r\nUser-Agent: {PHONE}\r\nX-Forwarded-For: 10.1.{}.{}\r\nConnection: close\r\n\r\n",
        n / 250,
        n % 250 + 1
    )
    .unwrap();
    let mut raw = String::new();
    s.read_to_string(&mut raw).unwrap();
    raw.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn views_on_two_replicas_arrive_in_the_rollups_exactly_even_after_a_shutdown() {
    let app = TestApp::start_with(&mongodb_uri(), &[("TRUSTED_PROXY_HOPS", "1")]).await;
    let (mut c, _) = signed_up(&app, "pipe").await;
    let handle = unique("pipe");
    let ws = workspace(&mut c, &handle).await;
    let page = publish(&mut c, &ws, json!([link("a", "A", "https://a.example")])).await;
    let page_id = page["id"].as_str().unwrap().to_owned();
    let path = format!("/@{handle}");

    // Replica one serves 30 visitors in process.
    for n in 0..30 {
        assert_eq!(app.request(view(&path, n)).await.status(), StatusCode::OK);
    }

    // Replica two, on the same database, serves 40 over HTTP and is then told to stop: what it
    // still holds is written on the way out.
    let options = app.state.leptos_options.clone();
    let second = AppState::new((*app.state.config).clone(), options, server::modules())
        .await
        .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(server::shutdown::run_app(
        second,
        listener,
        async {
            let _ = stopped.await;
        },
        Duration::from_secs(5),
    ));
    let visits = tokio::task::spawn_blocking(move || {
        (0..40)
            .map(|n| view_over_tcp(addr, &path, n))
            .collect::<Vec<_>>()
    });
    assert!(visits.await.unwrap().iter().all(|s| *s == 200));
    stop.send(()).unwrap();
    running.await.unwrap().unwrap();

    app.settle_events().await;
    let s = stats(&mut c, &ws, &page_id).await;
    assert_eq!(
        (s["views"].as_u64(), s["visitors"].as_u64()),
        (Some(70), Some(70)),
        "{s}"
    );
    // The hours add up to the day.
    let hourly: Vec<_> = all(
        &rollups(&app.state.db),
        doc! { "item": &page_id, "hourly": true },
    )
    .await;
    assert_eq!(hourly.iter().map(|r| r.count(VIEW)).sum::<u64>(), 70);
    app.cleanup().await;
}

fn event(n: u32) -> Event {
    Event {
        id: None,
        workspace_id: "w1".into(),
        surface: "test".into(),
        item: "i1".into(),
        kind: VIEW.into(),
        target: None,
        visitor: format!("v{}", n % 7),
        referrer: "instagram.com".into(),
        device: "mobile".into(),
        at: DateTime::now(),
    }
}

async fn day_views(app: &TestApp) -> (u64, Vec<i64>) {
    let day: Vec<_> = all(
        &rollups(&app.state.db),
        doc! { "item": "i1", "hourly": false },
    )
    .await;
    (
        day.iter().map(|r| r.count(VIEW)).sum(),
        day.iter().map(|r| r.visitors).collect(),
    )
}

#[tokio::test]
async fn a_busy_second_keeps_a_sample_of_raw_events_and_every_count() {
    let app = TestApp::start().await;
    let s = &app.state;
    let buffer = EventBuffer::new(&s.db, &s.jobs, 10, 1000);
    for n in 0..200 {
        buffer.record(Event {
            target: Some(n.to_string()),
            ..event(n)
        });
    }
    assert_eq!(buffer.waiting(), 10);
    assert_eq!(buffer.dropped(), 190);
    assert_eq!(buffer.flush().await.unwrap(), 10);
    assert_eq!(buffer.waiting(), 0);
    let kept: Vec<_> = all(&events(&s.db), doc! {}).await;
    assert_eq!(kept.len(), 10, "what was kept is written");
    // A sample of the whole second, not its first ten (all ten among them: 1 in 2.2e16).
    let late = |e: &Event| e.target.as_deref().and_then(|t| t.parse::<u32>().ok()) >= Some(10);
    assert!(kept.iter().any(late), "{kept:?}");
    // The next second samples afresh.
    for n in 0..5 {
        buffer.record(event(n));
    }
    assert_eq!(buffer.waiting(), 5);
    app.settle_jobs().await;
    let (views, visitors) = day_views(&app).await;
    assert_eq!(views, 200, "every event is counted");
    assert!(visitors.iter().all(|v| *v == 7), "{visitors:?}");
    app.cleanup().await;
}

#[tokio::test]
async fn a_rollup_run_twice_at_once_counts_each_event_once() {
    let app = TestApp::start_with_modules(&mongodb_uri(), &[], Vec::new(), false).await;
    let s = &app.state;
    for round in 0..3 {
        for n in 0..700 {
            s.events.record(event(round * 1000 + n));
        }
        s.events.flush().await.unwrap();
    }
    let queued: Vec<_> = all(&jobs(&s.db), doc! { "kind": "events.rollup" }).await;
    assert_eq!(queued.len(), 3, "one rollup per flush");
    for job in &queued {
        // A worker that died after applying it, and another running it again meanwhile.
        let (a, b) = tokio::join!(apply(s, &job.payload), apply(s, &job.payload));
        assert!(a.is_ok() && b.is_ok());
        apply(s, &job.payload).await.unwrap();
    }
    let (views, visitors) = day_views(&app).await;
    assert_eq!(views, 2100);
    // Seven distinct visitors a day, however often they came.
    assert!(visitors.iter().all(|v| *v == 7), "{visitors:?}");
    let from_instagram: i64 = all(&rollups(&s.db), doc! { "item": "i1", "hourly": false })
        .await
        .iter()
        .map(|r| r.referrers.get("instagram%2Ecom").copied().unwrap_or(0))
        .sum();
    assert_eq!(from_instagram, 2100);
    app.cleanup().await;
}
