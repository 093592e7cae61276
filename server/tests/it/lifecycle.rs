//! The process as an orchestrator sees it: starts without its database, becomes ready when the
//! database appears, and drains on SIGTERM.

use crate::common;

use server::probe;
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Polls `path` until `want` answers, for at most `within`; returns the last answer.
fn wait_for(addr: SocketAddr, path: &str, want: u16, within: Duration) -> (u16, String) {
    let deadline = Instant::now() + within;
    loop {
        let got = probe::get(addr, path, Duration::from_secs(5)).unwrap_or((0, String::new()));
        if got.0 == want || Instant::now() > deadline {
            return got;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

struct Proc(Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn_server(mongo_port: u16, http_port: u16, site: &std::path::Path, db: &str) -> Proc {
    let child = Command::new(env!("CARGO_BIN_EXE_server"))
        .env("APP_ENV", "test")
        .env(
            "MONGODB_URI",
            format!("mongodb://127.0.0.1:{mongo_port}/?directConnection=true"),
        )
        .env("MONGODB_DB", db)
        .env("LEPTOS_OUTPUT_NAME", "mewayz")
        .env("LEPTOS_SITE_ROOT", site)
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{http_port}"))
        .env("SHUTDOWN_GRACE_SECS", "5")
        .env("MEDIA_DIR", site.join("media"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn server");
    Proc(child)
}

/// SecantusDB, the test database server, on `port`.
fn spawn_database(port: u16) -> Proc {
    let bin = std::env::var("MEWAYZ_SECANTUSD").expect(
        "MEWAYZ_SECANTUSD must name the secantusd-py binary; run the tests with `make test`",
    );
    let child = Command::new(bin)
        .args([
            "--host",
            "127.0.0.1",
            "--port",
            &port.to_string(),
            "--storage-path",
            ":memory:",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn secantusd");
    Proc(child)
}

#[test]
fn starts_without_its_database_and_becomes_ready_when_it_appears() {
    let site = common::tempdir::TempSite::new();
    let mongo_port = free_port();
    let http_port = free_port();
    let addr: SocketAddr = ([127, 0, 0, 1], http_port).into();
    let db_name = common::fresh_db_name("proc");
    let _server = spawn_server(mongo_port, http_port, site.path(), &db_name);

    let (status, body) = wait_for(addr, "/healthz", 200, Duration::from_secs(20));
    assert_eq!(status, 200, "liveness with the database down: {body}");
    let (status, body) = probe::get(addr, "/readyz", Duration::from_secs(10)).unwrap();
    assert_eq!(status, 503, "{body}");
    let reason: serde_json::Value = serde_json::from_str(body.trim()).unwrap();
    assert_eq!(reason["status"], "unavailable");
    assert!(reason["reason"].is_string());

    // The database comes up later; the running server notices by itself.
    let _db = spawn_database(mongo_port);
    let (status, body) = wait_for(addr, "/readyz", 200, Duration::from_secs(90));
    assert_eq!(status, 200, "readiness after the database came up: {body}");

    // Start-up also created the data every deployment needs: the free plan.
    let uri = format!("mongodb://127.0.0.1:{mongo_port}/?directConnection=true");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let free = runtime.block_on(async {
        let client = mongodb::Client::with_uri_str(&uri).await.unwrap();
        let plans = client
            .database(&db_name)
            .collection::<mongodb::bson::Document>("plans");
        for _ in 0..100 {
            if let Some(plan) = plans
                .find_one(mongodb::bson::doc! { "key": "free" })
                .await
                .unwrap()
            {
                return Some(plan);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        None
    });
    assert!(free.is_some(), "no free plan after start-up");
}

#[test]
fn sigterm_stops_the_server_cleanly() {
    let site = common::tempdir::TempSite::new();
    let http_port = free_port();
    let addr: SocketAddr = ([127, 0, 0, 1], http_port).into();
    let mut server = spawn_server(
        free_port(),
        http_port,
        site.path(),
        &common::fresh_db_name("term"),
    );
    assert_eq!(
        wait_for(addr, "/healthz", 200, Duration::from_secs(20)).0,
        200
    );

    let pid = server.0.id().to_string();
    let killed = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(killed.success());
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = server.0.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "server did not exit after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "exit status after SIGTERM: {status}");
}
