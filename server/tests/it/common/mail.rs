//! Reads what the app sent through SMTP from the MailDev sink that `make test` starts.

use server::probe;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

/// A received message.
#[derive(Debug, Clone)]
pub struct Mail {
    pub subject: String,
    pub text: String,
}

impl Mail {
    /// The value of `token=` in the first link of the message.
    pub fn token(&self) -> String {
        let start = self.text.find("token=").expect("a link with a token") + "token=".len();
        self.text[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect()
    }
}

fn api() -> SocketAddr {
    std::env::var("MEWAYZ_TEST_MAILDEV")
        .expect("MEWAYZ_TEST_MAILDEV must name the mail sink's web address; run the tests with `make test`")
        .parse()
        .expect("host:port")
}

/// Every message the sink holds, as MailDev describes it (`to`, `subject`, `text`, `headers`).
pub fn everything() -> Vec<serde_json::Value> {
    let (status, body) =
        probe::get(api(), "/api/email", Duration::from_secs(5)).expect("mail sink answers");
    assert_eq!(status, 200, "{body}");
    let list: serde_json::Value = serde_json::from_str(body.trim()).expect("mail sink JSON");
    list.as_array().unwrap().clone()
}

/// The raw message `id` (from [`everything`]) as it arrived, with its header lines unfolded.
pub fn source(id: &str) -> String {
    let path = format!("/api/email/{id}/source");
    let (status, body) =
        probe::get(api(), &path, Duration::from_secs(5)).expect("mail sink answers");
    assert_eq!(status, 200, "{body}");
    body.replace("\r\n ", " ").replace("\r\n\t", " ")
}

/// The raw message `id` byte for byte as the sink received it (for signature checks).
pub fn raw_source(id: &str) -> String {
    let path = format!("/api/email/{id}/source");
    let (status, body) =
        probe::get(api(), &path, Duration::from_secs(5)).expect("mail sink answers");
    assert_eq!(status, 200, "{body}");
    body
}

/// Every message sent to `to` so far, oldest first.
pub fn all_to(to: &str) -> Vec<Mail> {
    everything()
        .iter()
        .filter(|m| {
            m["to"]
                .as_array()
                .is_some_and(|a| a.iter().any(|t| t["address"].as_str() == Some(to)))
        })
        .map(|m| Mail {
            subject: m["subject"].as_str().unwrap_or_default().to_owned(),
            text: m["text"].as_str().unwrap_or_default().to_owned(),
        })
        .collect()
}

/// Waits (bounded) until `pick` finds the message among those sent to `to` so far (oldest
/// first). Async, so the app's background sends keep running meanwhile.
async fn wait_until(to: &str, what: &str, pick: impl Fn(Vec<Mail>) -> Option<Mail>) -> Mail {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let owned = to.to_owned();
        let mails = tokio::task::spawn_blocking(move || all_to(&owned))
            .await
            .unwrap();
        if let Some(m) = pick(mails) {
            return m;
        }
        assert!(Instant::now() < deadline, "no {what} for {to}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits (bounded) until `count` messages for `to` have arrived; returns the newest.
pub async fn wait_for(to: &str, count: usize) -> Mail {
    wait_until(to, &format!("email #{count}"), |mails| {
        (mails.len() >= count)
            .then(|| mails.last().cloned())
            .flatten()
    })
    .await
}

/// Waits (bounded) for a message to `to` with `subject`; returns the newest such.
pub async fn latest(to: &str, subject: &str) -> Mail {
    wait_until(to, &format!("email \"{subject}\""), |mails| {
        mails.into_iter().rev().find(|m| m.subject == subject)
    })
    .await
}

/// Waits (bounded) for a message to `to` whose subject starts with `prefix`; the newest such.
pub async fn latest_starting(to: &str, prefix: &str) -> Mail {
    wait_until(to, &format!("email \"{prefix}…\""), |mails| {
        mails
            .into_iter()
            .rev()
            .find(|m| m.subject.starts_with(prefix))
    })
    .await
}

/// How many messages `to` has received.
pub async fn count(to: &str) -> usize {
    let owned = to.to_owned();
    tokio::task::spawn_blocking(move || all_to(&owned).len())
        .await
        .unwrap()
}

/// The attachment `name` of the latest message to `to` titled `subject`, as its bytes decoded.
pub fn attachment(to: &str, subject: &str, name: &str) -> String {
    let message = everything()
        .into_iter()
        .rev()
        .find(|m| {
            m["subject"] == subject
                && m["to"]
                    .as_array()
                    .is_some_and(|a| a.iter().any(|t| t["address"] == to))
        })
        .expect("the message");
    let file = message["attachments"]
        .as_array()
        .and_then(|a| a.iter().find(|f| f["filename"] == name))
        .unwrap_or_else(|| panic!("no attachment {name}: {}", message["attachments"]));
    let path = format!(
        "/api/email/{}/attachment/{}",
        message["id"].as_str().unwrap(),
        file["generatedFileName"].as_str().unwrap()
    );
    let (status, body) =
        probe::get(api(), &path, Duration::from_secs(5)).expect("mail sink answers");
    assert_eq!(status, 200, "{body}");
    body
}
