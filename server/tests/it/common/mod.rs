//! Shared test harness: a real router on the test MongoDB, one fresh database per test.

use app::platform::jobs::{Worker, WorkerOptions};
use app::platform::{AppState, Config, Module};
use axum::body::Body;
use axum::http::{Request, Response};
use leptos::config::LeptosOptions;
use std::path::{Path, PathBuf};
use tower::ServiceExt;

/// `relative` to the repository's root. Read from the manifest directory cargo gives the running
/// test, not the one compiled in: every clone on a machine shares one target directory, and a
/// test binary built in another clone (since deleted) can be reused here.
pub fn repo_path(relative: &str) -> PathBuf {
    let server = std::env::var("CARGO_MANIFEST_DIR")
        .unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_owned());
    Path::new(&server).join("..").join(relative)
}

/// The test database server, started by `make test` (or any MongoDB named by `MONGODB_URI`).
pub fn mongodb_uri() -> String {
    std::env::var("MONGODB_URI")
        .expect("MONGODB_URI must point at the test database; run the tests with `make test`")
}

/// A database name no other test uses.
pub fn fresh_db_name(prefix: &str) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!(
        "t_{prefix}_{}_{}_{nanos}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    )
}

/// The public origin of the test app (`APP_BASE_URL`), which browsers send as `Origin`.
pub const BASE_URL: &str = "http://mewayz.test";

/// Configuration for tests, with the given database and any extra variables.
pub fn config(uri: &str, db: &str, extra: &[(&str, &str)]) -> Config {
    let mut vars: Vec<(String, String)> = vec![
        ("APP_ENV".into(), "test".into()),
        ("MONGODB_URI".into(), uri.into()),
        ("MONGODB_DB".into(), db.into()),
        ("APP_BASE_URL".into(), BASE_URL.into()),
        ("AUTH_RATE_LIMIT_PER_MINUTE".into(), "1000".into()),
        ("MEDIA_DIR".into(), media_dir(db)),
    ];
    if let Ok(smtp) = std::env::var("MEWAYZ_TEST_SMTP_URL") {
        vars.push(("SMTP_URL".into(), smtp));
    }
    for (k, v) in extra {
        vars.retain(|(n, _)| n != k);
        vars.push((k.to_string(), v.to_string()));
    }
    Config::from_lookup(
        |k| vars.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()),
        false,
    )
    .expect("test config")
}

/// The uploads folder of the app on database `db` (its replicas share it, as they would a bucket).
pub fn media_dir(db: &str) -> String {
    std::env::temp_dir()
        .join("mewayz-test-media")
        .join(db)
        .to_string_lossy()
        .into_owned()
}

/// Site options pointing at `site_root`.
pub fn leptos_options(site_root: &Path) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("mewayz")
        .site_root(site_root.to_string_lossy().to_string())
        .site_pkg_dir("pkg")
        .build()
}

/// The worker's pace in tests: quick retries, so a test sees a failed job come back, and leases
/// longer than any test moves the clock, so a job in flight is never taken twice.
pub fn worker_options() -> WorkerOptions {
    WorkerOptions {
        lease: std::time::Duration::from_secs(365 * 86_400),
        poll: std::time::Duration::from_millis(100),
        backoff: std::time::Duration::from_millis(200),
        ..WorkerOptions::default()
    }
}

/// One test's app: the real router over a fresh database that is dropped at the end.
pub struct TestApp {
    pub state: AppState,
    pub router: axum::Router,
    pub site: tempdir::TempSite,
}

impl TestApp {
    /// Builds the app against the test database with indexes ensured, as at start-up.
    pub async fn start() -> Self {
        Self::start_with(&mongodb_uri(), &[]).await
    }

    /// A browser-like client of this app with its own cookie jar.
    pub fn client(&self) -> client::Client {
        client::Client::new(self.router.clone(), &self.state.config.base_url)
    }

    /// Builds the app against any MongoDB URI (which may be unreachable).
    pub async fn start_with_uri(uri: &str) -> Self {
        Self::start_with(uri, &[]).await
    }

    /// Builds the app with extra configuration, indexes ensured when the database is up.
    pub async fn start_with(uri: &str, extra: &[(&str, &str)]) -> Self {
        Self::start_with_modules(uri, extra, Vec::new(), true).await
    }

    /// Builds the app with every module and `more` (test-only modules) on database `uri`, with
    /// a job worker running in the background or not (a test then runs jobs itself).
    pub async fn start_with_modules(
        uri: &str,
        extra: &[(&str, &str)],
        more: Vec<Module>,
        worker: bool,
    ) -> Self {
        let site = tempdir::TempSite::new();
        let config = config(uri, &fresh_db_name("app"), extra);
        let mut modules = server::modules();
        modules.extend(more);
        let state = AppState::new(config, leptos_options(site.path()), modules)
            .await
            .expect("state");
        if uri == mongodb_uri() {
            app::platform::indexes::ensure(&state.db, &app::platform::indexes::of(&state.modules))
                .await
                .expect("indexes");
            app::billing::service::plans::ensure_free_plan(&state.db)
                .await
                .expect("free plan");
        }
        let router = server::router(state.clone());
        if worker {
            background(&state);
        }
        TestApp {
            state,
            router,
            site,
        }
    }

    /// A second server process on the same database (its own caches, buffer and worker), as
    /// another replica behind the load balancer.
    pub async fn replica(&self) -> TestApp {
        let site = tempdir::TempSite::new();
        let state = AppState::new(
            (*self.state.config).clone(),
            leptos_options(site.path()),
            server::modules(),
        )
        .await
        .expect("state");
        let router = server::router(state.clone());
        background(&state);
        TestApp {
            state,
            router,
            site,
        }
    }

    /// Sends one request through the whole middleware stack.
    pub async fn request(&self, req: Request<Body>) -> Response<Body> {
        self.router.clone().oneshot(req).await.expect("infallible")
    }

    /// `GET path` with optional extra headers.
    pub async fn get(&self, path: &str, headers: &[(&str, &str)]) -> Response<Body> {
        let mut req = Request::get(path);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        self.request(req.body(Body::empty()).unwrap()).await
    }

    /// Waits until no job is due or running (at most 10 s), so what they send has been sent.
    pub async fn settle_jobs(&self) {
        use mongodb::bson::doc;
        let busy = doc! { "$or": [
            { "status": "running" },
            { "status": { "$in": ["queued", "failed"] }, "run_at": { "$lte": self.state.clock.now() } },
        ] };
        for _ in 0..200 {
            let n = app::platform::jobs::jobs(&self.state.db)
                .count_documents(busy.clone())
                .await
                .expect("jobs");
            if n == 0 {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("jobs still due or running after 10 s");
    }

    /// Writes the buffered visitor events and waits for their rollup, as the pipeline does
    /// within a second or two, so what the analytics read is up to date.
    pub async fn settle_events(&self) {
        self.state.events.flush().await.expect("events written");
        self.settle_jobs().await;
    }

    /// Drops the test's database and its uploads.
    pub async fn cleanup(self) {
        let _ = self.state.db.database().drop().await;
        let _ = std::fs::remove_dir_all(media_dir(&self.state.config.mongodb_db));
    }
}

/// What runs beside the requests in the server: the job worker, the event writer and the cache
/// invalidation feed. They stop with the test's runtime.
fn background(state: &AppState) {
    tokio::spawn(Worker::new(state.clone(), worker_options()).run(std::future::pending()));
    let events = state.events.clone();
    tokio::spawn(async move { events.run(std::future::pending()).await });
    tokio::spawn(app::platform::invalidate::watch(
        state.clone(),
        std::future::pending(),
    ));
}

/// Every document of `collection` matching `filter`.
pub async fn all<T>(collection: &mongodb::Collection<T>, filter: mongodb::bson::Document) -> Vec<T>
where
    T: serde::de::DeserializeOwned + Send + Sync,
{
    use futures_util::TryStreamExt;
    collection
        .find(filter)
        .await
        .expect("find")
        .try_collect()
        .await
        .expect("documents")
}

/// Reads a whole response body as text.
pub async fn text(res: Response<Body>) -> String {
    let bytes = axum::body::to_bytes(res.into_body(), 16 * 1024 * 1024)
        .await
        .expect("body");
    String::from_utf8_lossy(&bytes).into_owned()
}

pub mod billing;
pub mod bio;
pub mod client;
pub mod crm;
pub mod fake_calendar;
pub mod fake_dns;
pub mod fake_google;
pub mod fake_s3;
pub mod fake_stripe;
pub mod mail;
pub mod people;

pub mod tempdir {
    use std::path::{Path, PathBuf};

    /// A throw-away site root with the public files the app links to, removed on drop.
    pub struct TempSite(PathBuf);

    impl TempSite {
        pub fn new() -> Self {
            let dir = std::env::temp_dir().join(super::fresh_db_name("site"));
            std::fs::create_dir_all(dir.join("pkg")).unwrap();
            TempSite(dir)
        }

        pub fn path(&self) -> &Path {
            &self.0
        }

        /// Writes `contents` at `rel` under the site root.
        pub fn write(&self, rel: &str, contents: &[u8]) {
            let path = self.0.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, contents).unwrap();
        }
    }

    impl Drop for TempSite {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}
