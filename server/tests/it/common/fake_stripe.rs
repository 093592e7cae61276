//! The local Stripe of `end2end/fakes/stripe.mjs`, run as a child process for one test, and an
//! app that it can send webhooks to (served on a real port, since Stripe calls us).

use super::TestApp;
use serde_json::Value;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The webhook signing secret the fake and the app share.
pub const WEBHOOK_SECRET: &str = "whsec_mewayz_test";

/// A running fake Stripe; stopped when dropped.
pub struct FakeStripe {
    child: Child,
    pub addr: SocketAddr,
}

impl Drop for FakeStripe {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A test app wired to a fake Stripe that delivers its webhooks to the app.
pub struct PaidApp {
    pub app: TestApp,
    pub stripe: FakeStripe,
}

impl PaidApp {
    /// Starts the app and the fake, with extra configuration.
    pub async fn start(extra: &[(&str, &str)]) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let stripe = FakeStripe::start(&format!("http://{addr}/webhooks/stripe"));
        let api_base = format!("http://{}/", stripe.addr);
        let mut vars = vec![
            ("STRIPE_SECRET_KEY", "sk_test_mewayz"),
            ("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET),
            ("STRIPE_API_BASE", api_base.as_str()),
        ];
        vars.extend_from_slice(extra);
        let app = TestApp::start_with(&super::mongodb_uri(), &vars).await;
        listener.set_nonblocking(true).unwrap();
        let listener = tokio::net::TcpListener::from_std(listener).unwrap();
        let router = app.router.clone();
        tokio::spawn(async move {
            axum::serve(
                listener,
                router.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .await
            .unwrap();
        });
        PaidApp { app, stripe }
    }
}

impl FakeStripe {
    /// Starts `node end2end/fakes/stripe.mjs` on a free port and waits until it answers.
    pub fn start(webhook_url: &str) -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let script = super::repo_path("end2end/fakes/stripe.mjs");
        let child = Command::new("node")
            .arg(script)
            .args([&port.to_string(), webhook_url, WEBHOOK_SECRET])
            .stdout(Stdio::null())
            .spawn()
            .expect("node runs the fake Stripe");
        let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
        let start = Instant::now();
        while TcpStream::connect(addr).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "fake Stripe did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        FakeStripe { child, addr }
    }

    /// `method path` with a JSON body; the status, the `Location` header and the JSON answer.
    /// Blocking I/O off the async runtime: the fake may call the app back before it answers.
    pub async fn request(&self, method: &str, path: &str, body: Value) -> (u16, String, Value) {
        let (addr, method, path) = (self.addr, method.to_owned(), path.to_owned());
        tokio::task::spawn_blocking(move || raw(addr, &method, &path, &body.to_string()))
            .await
            .unwrap()
    }

    /// Holds events instead of sending them (`true`), or sends them as they happen.
    pub async fn hold(&self, hold: bool) {
        self.request("POST", "/_test/config", serde_json::json!({ "hold": hold }))
            .await;
    }

    /// Every event so far: `id`, `type`, `payload` (the exact JSON sent) and `deliveries`.
    pub async fn events(&self) -> Vec<Value> {
        let (_, _, v) = self.request("GET", "/_test/events", Value::Null).await;
        v.as_array().cloned().unwrap_or_default()
    }

    /// The last event of `type_`.
    pub async fn last_event(&self, type_: &str) -> Value {
        self.events()
            .await
            .into_iter()
            .rev()
            .find(|e| e["type"] == type_)
            .unwrap_or_else(|| panic!("no {type_} event"))
    }

    /// Sends event `id` to the app now; the app's status code.
    pub async fn deliver(&self, id: &str) -> u16 {
        let (_, _, v) = self
            .request("POST", &format!("/_test/events/{id}/deliver"), Value::Null)
            .await;
        v["status"].as_u64().unwrap() as u16
    }

    /// Pays a checkout session on the hosted page; returns where Stripe sends the customer back.
    pub async fn pay(&self, checkout_url: &str) -> String {
        let path = checkout_url
            .split_once("/checkout/")
            .map(|(_, id)| format!("/checkout/{id}/pay"))
            .expect("a fake checkout URL");
        let (status, location, _) = self.request("POST", &path, Value::Null).await;
        assert_eq!(status, 303, "paying {checkout_url}");
        location
    }

    /// A test control on a subscription: `fail_payment`, `pay_invoice`, `update` or `end`.
    pub async fn subscription(&self, id: &str, action: &str, body: Value) -> Value {
        let (status, _, v) = self
            .request("POST", &format!("/_test/subscriptions/{id}/{action}"), body)
            .await;
        assert_eq!(status, 200, "{action} {id}: {v}");
        v
    }
}

fn raw(addr: SocketAddr, method: &str, path: &str, body: &str) -> (u16, String, Value) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let body = if body == "null" { "" } else { body };
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut raw = String::new();
    stream.read_to_string(&mut raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let location = head
        .lines()
        .find_map(|l| {
            l.strip_prefix("location: ")
                .or_else(|| l.strip_prefix("Location: "))
        })
        .unwrap_or_default()
        .to_owned();
    let json = serde_json::from_str(body).unwrap_or(Value::Null);
    (status, location, json)
}
