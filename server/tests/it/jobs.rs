//! The job queue as replicas share it: one run per job across workers, retries with backoff, a
//! dead letter after the limit, a job whose worker died finished by another, idempotency keys,
//! shutdown handing leases back, a cron schedule firing once per tick across workers, and email
//! sent through it.

use crate::common::{all, mongodb_uri, worker_options, TestApp};
use app::platform::jobs::{jobs, Enqueue, JobKind, Schedule, Status, Worker, WorkerOptions};
use app::platform::mailer::Email;
use app::platform::{AppState, Module};
use futures_util::future::BoxFuture;
use mongodb::bson::{doc, Document};
use std::time::Duration;

const RUNS: &str = "test_job_runs";

/// Records the run, then succeeds.
const COUNT: JobKind = JobKind {
    name: "test.count",
    run: count,
    max_attempts: 3,
};
/// Records the run, then fails.
const FAIL: JobKind = JobKind {
    name: "test.fail",
    run: fail,
    max_attempts: 3,
};
/// Records the run; the first run of each job never returns (its worker "dies" in it).
const HANG_ONCE: JobKind = JobKind {
    name: "test.hang_once",
    run: hang_once,
    max_attempts: 3,
};

const TEST_JOBS: Module = Module {
    jobs: &[COUNT, FAIL, HANG_ONCE],
    ..Module::named("test_jobs")
};

/// Records the tick it was run for.
const TICK: JobKind = JobKind {
    name: "test.tick",
    run: tick,
    max_attempts: 3,
};

/// Every minute, on the minute.
const TICKING: Module = Module {
    jobs: &[TICK],
    schedules: &[Schedule {
        kind: "test.tick",
        cron: "* * * * *",
        time_zone: "UTC",
    }],
    ..Module::named("test_ticking")
};

fn tick<'a>(state: &'a AppState, payload: &'a Document) -> BoxFuture<'a, Result<(), String>> {
    Box::pin(async move {
        let at = payload.get_datetime("tick").map_err(|e| e.to_string())?;
        let runs = state.db.collection::<Document>(RUNS);
        runs.insert_one(doc! { "tick": at }).await.unwrap();
        Ok(())
    })
}

async fn record(state: &AppState, payload: &Document) -> u64 {
    let n = payload.get_i32("n").unwrap_or_default();
    let runs = state.db.collection::<Document>(RUNS);
    runs.insert_one(doc! { "n": n }).await.unwrap();
    runs.count_documents(doc! { "n": n }).await.unwrap()
}

fn count<'a>(state: &'a AppState, payload: &'a Document) -> BoxFuture<'a, Result<(), String>> {
    Box::pin(async move {
        record(state, payload).await;
        Ok(())
    })
}

fn fail<'a>(state: &'a AppState, payload: &'a Document) -> BoxFuture<'a, Result<(), String>> {
    Box::pin(async move {
        record(state, payload).await;
        Err("the far end said no".into())
    })
}

fn hang_once<'a>(state: &'a AppState, payload: &'a Document) -> BoxFuture<'a, Result<(), String>> {
    Box::pin(async move {
        if record(state, payload).await == 1 {
            std::future::pending::<()>().await;
        }
        Ok(())
    })
}

async fn app() -> TestApp {
    TestApp::start_with_modules(&mongodb_uri(), &[], vec![TEST_JOBS], false).await
}

async fn runs(app: &TestApp, n: i32) -> u64 {
    app.state
        .db
        .collection::<Document>(RUNS)
        .count_documents(doc! { "n": n })
        .await
        .unwrap()
}

async fn job(app: &TestApp, id: &str) -> app::platform::jobs::Job {
    jobs(&app.state.db)
        .find_one(doc! { "_id": id })
        .await
        .unwrap()
        .expect("job")
}

fn worker(app: &TestApp) -> Worker {
    Worker::new(app.state.clone(), worker_options())
}

#[tokio::test]
async fn two_workers_run_each_job_exactly_once() {
    let app = app().await;
    for n in 0..20 {
        let payload = doc! { "n": n };
        app.state
            .jobs
            .enqueue(COUNT.name, payload, Enqueue::default())
            .await
            .unwrap();
    }
    let drain = |w: Worker| async move { while w.run_one().await.unwrap() {} };
    tokio::join!(drain(worker(&app)), drain(worker(&app)));
    for n in 0..20 {
        assert_eq!(runs(&app, n).await, 1, "job {n} ran once");
    }
    let done = jobs(&app.state.db)
        .count_documents(doc! { "status": "done" })
        .await
        .unwrap();
    assert_eq!(done, 20);
    app.cleanup().await;
}

#[tokio::test]
async fn a_failing_job_backs_off_then_is_dead_and_an_admin_can_retry_or_discard_it() {
    let app = app().await;
    let id = app
        .state
        .jobs
        .enqueue(FAIL.name, doc! { "n": 1 }, Enqueue::default())
        .await
        .unwrap();
    let w = worker(&app);
    let base = worker_options().backoff;

    assert!(w.run_one().await.unwrap());
    let j = job(&app, &id).await;
    assert_eq!((j.status, j.attempts), (Status::Failed, 1));
    assert_eq!(j.last_error.as_deref(), Some("the far end said no"));
    let wait = j.run_at.timestamp_millis() - app.state.clock.now().timestamp_millis();
    assert!(wait > 0, "the retry waits");
    assert!(!w.run_one().await.unwrap(), "not due before its backoff");

    app.state.clock.advance(base * 2);
    assert!(w.run_one().await.unwrap());
    let j = job(&app, &id).await;
    assert_eq!((j.status, j.attempts), (Status::Failed, 2));
    let second_wait = j.run_at.timestamp_millis() - app.state.clock.now().timestamp_millis();
    assert!(
        second_wait >= 2 * base.as_millis() as i64 - 50,
        "the second wait doubles: {second_wait} ms"
    );

    app.state.clock.advance(base * 4);
    assert!(w.run_one().await.unwrap());
    let j = job(&app, &id).await;
    assert_eq!(j.status, Status::Dead, "dead after its last attempt");
    assert_eq!(runs(&app, 1).await, 3);
    app.state.clock.advance(Duration::from_secs(3600));
    assert!(!w.run_one().await.unwrap(), "a dead job is not run again");
    let dead = app.state.jobs.dead(10).await.unwrap();
    assert_eq!(dead.len(), 1);
    let counts = app.state.jobs.counts().await.unwrap();
    assert!(counts.contains(&(FAIL.name.to_owned(), Status::Dead, 1)));

    assert!(app.state.jobs.retry(&id).await.unwrap());
    assert!(w.run_one().await.unwrap(), "a retried job runs at once");
    assert_eq!(runs(&app, 1).await, 4);
    assert_eq!(job(&app, &id).await.attempts, 1, "with fresh attempts");
    app.state.clock.advance(Duration::from_secs(3600));
    while w.run_one().await.unwrap() {
        app.state.clock.advance(Duration::from_secs(3600));
    }
    assert!(app.state.jobs.discard(&id).await.unwrap());
    assert!(jobs(&app.state.db)
        .find_one(doc! { "_id": &id })
        .await
        .unwrap()
        .is_none());
    app.cleanup().await;
}

#[tokio::test]
async fn a_job_whose_worker_died_is_finished_by_another_once_its_lease_expires() {
    let app = app().await;
    let id = app
        .state
        .jobs
        .enqueue(HANG_ONCE.name, doc! { "n": 7 }, Enqueue::default())
        .await
        .unwrap();
    let first = worker(&app);
    let dying = tokio::spawn(async move { first.run_one().await });
    while runs(&app, 7).await == 0 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    dying.abort();
    let other = worker(&app);
    assert!(!other.run_one().await.unwrap(), "the lease still holds");
    assert_eq!(job(&app, &id).await.status, Status::Running);

    app.state
        .clock
        .advance(worker_options().lease + Duration::from_secs(1));
    assert!(other.run_one().await.unwrap());
    let j = job(&app, &id).await;
    assert_eq!((j.status, j.attempts), (Status::Done, 2));
    assert_eq!(runs(&app, 7).await, 2);
    app.cleanup().await;
}

#[tokio::test]
async fn the_same_idempotency_key_gives_one_job() {
    let app = app().await;
    let once = Enqueue {
        key: Some("welcome:42"),
        ..Enqueue::default()
    };
    let a = app
        .state
        .jobs
        .enqueue(COUNT.name, doc! { "n": 3 }, once)
        .await
        .unwrap();
    let b = app
        .state
        .jobs
        .enqueue(COUNT.name, doc! { "n": 3 }, once)
        .await
        .unwrap();
    assert_eq!(a, b);
    let w = worker(&app);
    while w.run_one().await.unwrap() {}
    app.state
        .jobs
        .enqueue(COUNT.name, doc! { "n": 3 }, once)
        .await
        .unwrap();
    while w.run_one().await.unwrap() {}
    assert_eq!(
        runs(&app, 3).await,
        1,
        "ran once, even when enqueued after it ran"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn shutdown_lets_quick_jobs_finish_and_hands_the_rest_back() {
    let app = app().await;
    let hanging = app
        .state
        .jobs
        .enqueue(HANG_ONCE.name, doc! { "n": 9 }, Enqueue::default())
        .await
        .unwrap();
    let quick = app
        .state
        .jobs
        .enqueue(COUNT.name, doc! { "n": 10 }, Enqueue::default())
        .await
        .unwrap();
    let options = WorkerOptions {
        drain: Duration::from_millis(300),
        ..worker_options()
    };
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(Worker::new(app.state.clone(), options).run(async move {
        let _ = stopped.await;
    }));
    while runs(&app, 9).await == 0 || runs(&app, 10).await == 0 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    stop.send(()).unwrap();
    running.await.unwrap();
    assert_eq!(job(&app, &quick).await.status, Status::Done);
    let j = job(&app, &hanging).await;
    assert_eq!(j.status, Status::Queued, "handed back for another replica");
    assert_eq!(
        (j.attempts, j.locked_by),
        (0, None),
        "the cut-off run does not count"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn an_email_that_cannot_leave_is_retried_and_shows_as_failed() {
    // An SMTP server that is not there: the port of a listener that was just closed.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let smtp = format!("smtp://127.0.0.1:{port}");
    let app =
        TestApp::start_with_modules(&mongodb_uri(), &[("SMTP_URL", &smtp)], vec![], false).await;
    let email = Email {
        to: "ana@example.com".into(),
        subject: "Hello".into(),
        text: "Hi".into(),
        html: "<p>Hi</p>".into(),
    };
    app.state.send_email(email).await.expect("queued");
    let bad = Email {
        to: "not an address".into(),
        subject: "Hello".into(),
        text: "Hi".into(),
        html: "<p>Hi</p>".into(),
    };
    assert!(app.state.send_email(bad).await.is_err(), "refused at once");

    assert!(worker(&app).run_one().await.unwrap());
    let j = jobs(&app.state.db)
        .find_one(doc! { "kind": "send_email" })
        .await
        .unwrap()
        .expect("one send_email job");
    assert_eq!((j.status, j.attempts), (Status::Failed, 1));
    assert_eq!(j.last_error.as_deref(), Some("Email is unavailable"));
    app.cleanup().await;
}

#[tokio::test]
async fn a_schedule_fires_once_per_tick_across_two_workers() {
    let app = TestApp::start_with_modules(&mongodb_uri(), &[], vec![TICKING], false).await;
    let (a, b) = (worker(&app), worker(&app));
    let minute = Duration::from_secs(60);
    for _ in 0..3 {
        // Both replicas schedule the next tick and both try to run what is due.
        tokio::join!(a.enqueue_ticks(), b.enqueue_ticks());
        let drain = |w: Worker| async move { while w.run_one().await.unwrap() {} };
        tokio::join!(drain(a.clone()), drain(b.clone()));
        app.state.clock.advance(minute);
    }
    tokio::join!(a.enqueue_ticks(), b.enqueue_ticks());
    let drain = |w: Worker| async move { while w.run_one().await.unwrap() {} };
    tokio::join!(drain(a.clone()), drain(b.clone()));

    let ticks: Vec<i64> = all(&app.state.db.collection::<Document>(RUNS), doc! {})
        .await
        .iter()
        .map(|d| d.get_datetime("tick").unwrap().timestamp_millis())
        .collect();
    // Three minutes passed: three ticks, each run once, each on a minute, one minute apart.
    assert_eq!(ticks.len(), 3, "{ticks:?}");
    assert!(ticks.iter().all(|t| t % 60_000 == 0), "{ticks:?}");
    let mut sorted = ticks.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), 3, "each tick once: {ticks:?}");
    assert!(
        sorted.windows(2).all(|w| w[1] - w[0] == 60_000),
        "{ticks:?}"
    );
    // The next one waits, queued once.
    let queued = jobs(&app.state.db)
        .count_documents(doc! { "kind": "test.tick", "status": "queued" })
        .await
        .unwrap();
    assert_eq!(queued, 1);
    app.cleanup().await;
}
