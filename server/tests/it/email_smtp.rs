//! A campaign against an SMTP server that refuses one address for good and stops answering once
//! part way: the refused address is counted as failed (not retried forever), the send resumes
//! where the server stopped, and nobody but the few in flight at that moment gets a second copy.

use crate::common;
use crate::email_campaigns::{draft, list_of};
use common::crm::ok;
use common::people::{signed_up, unique, workspace};
use common::TestApp;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// What the server took: messages per address.
type Taken = Arc<Mutex<HashMap<String, usize>>>;

/// An SMTP server that answers 550 to RCPT for addresses containing `refused`, and 421 (closing
/// the connection) to the DATA of its `down_at`-th message, once.
async fn smtp(taken: Taken, refused: &'static str, down_at: usize) -> u16 {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let data_seen = Arc::new(AtomicUsize::new(0));
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let (taken, data_seen) = (taken.clone(), data_seen.clone());
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 fake ESMTP\r\n").await;
                let mut rcpt = Vec::new();
                while let Ok(Some(line)) = lines.next_line().await {
                    let verb = line.get(..4).unwrap_or("").to_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" => b"250-fake\r\n250 8BITMIME\r\n",
                        "RCPT" if line.contains(refused) => b"550 5.1.1 no such user\r\n",
                        "RCPT" => {
                            rcpt.push(line[8..].trim_matches(['<', '>', ' ']).to_owned());
                            b"250 OK\r\n"
                        }
                        "DATA" => {
                            if data_seen.fetch_add(1, Ordering::SeqCst) + 1 == down_at {
                                let _ = write.write_all(b"421 4.3.2 going down\r\n").await;
                                return;
                            }
                            let _ = write.write_all(b"354 go on\r\n").await;
                            while let Ok(Some(l)) = lines.next_line().await {
                                if l == "." {
                                    break;
                                }
                            }
                            let mut t = taken.lock().unwrap();
                            for r in rcpt.drain(..) {
                                *t.entry(r).or_default() += 1;
                            }
                            b"250 OK\r\n"
                        }
                        "RSET" => {
                            rcpt.clear();
                            b"250 OK\r\n"
                        }
                        "QUIT" => {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            return;
                        }
                        _ => b"250 OK\r\n",
                    };
                    if write.write_all(reply).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    port
}

#[tokio::test]
async fn a_refused_address_fails_alone_and_a_server_that_stops_costs_no_more_than_its_moment() {
    let taken: Taken = Arc::default();
    let port = smtp(taken.clone(), "-7@", 150).await;
    let app = TestApp::start_with(
        &common::mongodb_uri(),
        &[("SMTP_URL", &format!("smtp://127.0.0.1:{port}"))],
    )
    .await;
    let (mut c, _) = signed_up(&app, "smtp").await;
    let ws = workspace(&mut c, &unique("smtp")).await;
    let tag = unique("flaky");
    let list = list_of(&app, &mut c, &ws, &tag, 300).await;
    let id = draft(&mut c, &ws, &list).await;
    ok(
        &mut c,
        "control_email_campaign",
        &[("workspace_id", &ws), ("id", &id), ("action", "send")],
    )
    .await;
    // The job's retry after the server went down waits its backoff (200 ms in tests).
    let mut done = serde_json::Value::Null;
    for _ in 0..100 {
        app.settle_jobs().await;
        done = ok(
            &mut c,
            "get_email_campaign",
            &[("workspace_id", &ws), ("id", &id)],
        )
        .await;
        if done["status"] == "sent" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        (
            done["status"].as_str(),
            done["sent"].as_u64(),
            done["failed"].as_u64()
        ),
        (Some("sent"), Some(299), Some(1)),
        "{done}"
    );
    let t = taken.lock().unwrap().clone();
    let mine: Vec<usize> = (0..300)
        .filter(|i| *i != 7)
        .map(|i| {
            t.get(&format!("{tag}-{i}@example.com"))
                .copied()
                .unwrap_or(0)
        })
        .collect();
    assert!(
        mine.iter().all(|n| *n >= 1),
        "everyone but the refused got it"
    );
    let twice = mine.iter().filter(|n| **n > 1).count();
    println!("{twice} got it twice after the server stopped answering");
    assert!(
        twice <= app::email::service::sender::CONCURRENCY,
        "{twice} twice: more than the messages in flight beside the failure"
    );
    assert!(!t.contains_key(&format!("{tag}-7@example.com")));
    app.cleanup().await;
}

#[tokio::test]
async fn batches_take_turns_on_several_servers_each_within_its_providers_caps() {
    let (a, b): (Taken, Taken) = (Arc::default(), Arc::default());
    let (pa, pb) = (
        smtp(a.clone(), "nobody", usize::MAX).await,
        smtp(b.clone(), "nobody", usize::MAX).await,
    );
    let servers = format!(
        "smtp://127.0.0.1:{pa}#per_hour=150,smtp://127.0.0.1:{pb}#per_hour=1000&per_day=100"
    );
    let app =
        TestApp::start_with(&common::mongodb_uri(), &[("CAMPAIGN_SMTP_URLS", &servers)]).await;
    let (mut c, _) = signed_up(&app, "capped").await;
    let ws = workspace(&mut c, &unique("capped")).await;
    let tag = unique("capped");
    let list = list_of(&app, &mut c, &ws, &tag, 300).await;
    let id = draft(&mut c, &ws, &list).await;
    let f = [("workspace_id", ws.as_str()), ("id", &id)];
    let send = [f[0], f[1], ("action", "send")];
    ok(&mut c, "control_email_campaign", &send).await;
    app.settle_jobs().await;
    // 150 through the first server in its hour, 100 through the second in its day; the rest
    // waits, and the page says why.
    let now = ok(&mut c, "get_email_campaign", &f).await;
    assert_eq!(
        (now["status"].as_str(), now["sent"].as_u64()),
        (Some("sending"), Some(250))
    );
    assert!(now["waiting"].as_str().unwrap().contains("cap"), "{now}");
    let sum = |t: &Taken| t.lock().unwrap().values().sum::<usize>();
    assert_eq!((sum(&a), sum(&b)), (150, 100));

    // Two hours on, the first server has room again; the second's day is still full.
    app.state
        .clock
        .advance(std::time::Duration::from_secs(2 * 3600));
    app.settle_jobs().await;
    let done = ok(&mut c, "get_email_campaign", &f).await;
    assert_eq!(
        (done["status"].as_str(), done["sent"].as_u64()),
        (Some("sent"), Some(300))
    );
    assert_eq!(done["waiting"], "");
    assert_eq!((sum(&a), sum(&b)), (200, 100));
    let (a, b) = (a.lock().unwrap().clone(), b.lock().unwrap().clone());
    let reached = (0..300).filter(|i| {
        let e = format!("{tag}-{i}@example.com");
        a.get(&e).copied().unwrap_or(0) + b.get(&e).copied().unwrap_or(0) == 1
    });
    assert_eq!(reached.count(), 300, "everyone once");
    app.cleanup().await;
}
