//! A sending domain: its records are shown, checked against a name server (a local one that
//! speaks DNS over UDP), and once found, campaigns go From the domain with a DKIM signature
//! that verifies with the published key; before, from the platform with Reply-To set.

use crate::common;
use crate::email_campaigns::{draft, list_of, received_eventually};
use base64::Engine;
use common::crm::ok;
use common::mail;
use common::people::{signed_up, unique, workspace};
use common::TestApp;
use rsa::pkcs8::DecodePublicKey;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Arc;

use common::fake_dns::{name_server, Zone};

/// The header fields of a raw message, in order, each as written (folded lines kept).
fn fields(head: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in head.split("\r\n") {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = out.last_mut() {
                last.push_str("\r\n");
                last.push_str(line);
            }
        } else if !line.is_empty() {
            out.push(line.to_owned());
        }
    }
    out
}

fn squash(s: &str) -> String {
    s.split([' ', '\t'])
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// RFC 6376 relaxed header canonicalization, without the final CRLF.
fn relaxed_header(field: &str) -> String {
    let (name, value) = field.split_once(':').unwrap();
    format!(
        "{}:{}",
        name.trim().to_lowercase(),
        squash(&value.replace("\r\n", ""))
    )
}

/// RFC 6376 relaxed body canonicalization.
fn relaxed_body(body: &str) -> String {
    // Runs of WSP become one SP (a leading run too); WSP at the end of a line goes.
    let line = |l: &str| {
        let mut out = String::new();
        for ch in l.chars() {
            let wsp = ch == ' ' || ch == '\t';
            if !(wsp && out.ends_with(' ')) {
                out.push(if wsp { ' ' } else { ch });
            }
        }
        out.trim_end().to_owned()
    };
    let mut lines: Vec<String> = body.split("\r\n").map(line).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.iter().map(|l| format!("{l}\r\n")).collect()
}

/// Checks the DKIM-Signature of `raw` (relaxed/relaxed, rsa-sha256) against `public` (base64
/// SubjectPublicKeyInfo); returns the signing domain.
fn verify_dkim(raw: &str, public: &str) -> String {
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let all = fields(head);
    let sig_field = all
        .iter()
        .find(|f| f.to_lowercase().starts_with("dkim-signature:"))
        .expect("signed");
    let tags: HashMap<String, String> = sig_field
        .split_once(':')
        .unwrap()
        .1
        .replace("\r\n", "")
        .split(';')
        .filter_map(|t| {
            t.split_once('=').map(|(k, v)| {
                (
                    k.trim().to_owned(),
                    v.split_whitespace().collect::<String>(),
                )
            })
        })
        .collect();
    assert_eq!(
        (tags["a"].as_str(), tags["c"].as_str()),
        ("rsa-sha256", "relaxed/relaxed")
    );
    let bh = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(relaxed_body(body)));
    assert_eq!(bh, tags["bh"], "the body hash holds");
    let mut signed = String::new();
    let mut used = vec![false; all.len()];
    for name in tags["h"].split(':') {
        let found = (0..all.len()).rev().find(|&i| {
            !used[i]
                && all[i]
                    .split_once(':')
                    .is_some_and(|(n, _)| n.trim().eq_ignore_ascii_case(name.trim()))
        });
        if let Some(i) = found {
            used[i] = true;
            signed.push_str(&relaxed_header(&all[i]));
            signed.push_str("\r\n");
        }
    }
    // The signature field itself, its b= emptied.
    let own = relaxed_header(sig_field);
    let b_at = own
        .find("b=")
        .filter(|&i| own[..i].ends_with([' ', ';']))
        .unwrap()
        + 2;
    let b_end = own[b_at..].find(';').map_or(own.len(), |e| b_at + e);
    signed.push_str(&format!("{}{}", &own[..b_at], &own[b_end..]));
    let key = rsa::RsaPublicKey::from_public_key_der(
        &base64::engine::general_purpose::STANDARD
            .decode(public)
            .unwrap(),
    )
    .unwrap();
    let sig = base64::engine::general_purpose::STANDARD
        .decode(&tags["b"])
        .unwrap();
    key.verify(
        rsa::Pkcs1v15Sign::new::<Sha256>(),
        &Sha256::digest(signed.as_bytes()),
        &sig,
    )
    .expect("the DKIM signature verifies with the published key");
    tags["d"].clone()
}

/// Sends a new draft to `list` and returns the raw message `who` got.
async fn send_and_read(
    app: &TestApp,
    c: &mut common::client::Client,
    ws: &str,
    list: &str,
    tag: &str,
    round: usize,
) -> String {
    let id = draft(c, ws, list).await;
    ok(
        c,
        "control_email_campaign",
        &[("workspace_id", ws), ("id", &id), ("action", "send")],
    )
    .await;
    app.settle_jobs().await;
    let by = received_eventually(tag, 2 * round).await;
    let mine = &by[&format!("{tag}-1@example.com")];
    let id = mine.last().unwrap()["id"].as_str().unwrap().to_owned();
    tokio::task::spawn_blocking(move || mail::raw_source(&id))
        .await
        .unwrap()
}

fn header<'a>(raw: &'a str, name: &str) -> Option<&'a str> {
    raw.split("\r\n\r\n")
        .next()
        .unwrap()
        .split("\r\n")
        .find_map(|l| l.strip_prefix(&format!("{name}: ")))
}

#[tokio::test]
async fn a_domain_whose_records_are_found_sends_signed_mail_from_itself() {
    let zone: Zone = Arc::default();
    let dns = name_server(zone.clone()).await;
    let app = TestApp::start_with(
        &common::mongodb_uri(),
        &[
            ("DNS_RESOLVER", &dns.to_string()),
            ("EMAIL_SPF_INCLUDE", "spf.sink.test"),
        ],
    )
    .await;
    let (mut c, _) = signed_up(&app, "domainer").await;
    let ws = workspace(&mut c, &unique("domain")).await;
    let tag = unique("dkim");
    let list = list_of(&app, &mut c, &ws, &tag, 2).await;
    let domain = "letters-from-us.test";
    let save = |d: &'static str, from: &'static str| {
        [
            ("workspace_id", ws.clone()),
            ("domain", d.to_owned()),
            ("from_address", from.to_owned()),
            ("from_name", "Letters Co".to_owned()),
        ]
    };
    let refuse = save("not a domain", "x@y.test");
    let f: Vec<(&str, &str)> = refuse.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert!(!c
        .call("save_email_domain", &f)
        .await
        .field_errors("domain")
        .is_empty());
    let elsewhere = save(domain, "news@elsewhere.test");
    let f: Vec<(&str, &str)> = elsewhere.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        c.call("save_email_domain", &f)
            .await
            .field_errors("from_address"),
        vec![format!("Give an address at {domain}, like news@{domain}.")]
    );
    let good = save(domain, "News@Letters-From-Us.test");
    let f: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let page = ok(&mut c, "save_email_domain", &f).await;
    let records = page["domain"]["records"].as_array().unwrap().clone();
    let hosts: Vec<&str> = records
        .iter()
        .map(|r| r["host"].as_str().unwrap())
        .collect();
    assert_eq!(
        hosts,
        vec![
            domain,
            "mewayz._domainkey.letters-from-us.test",
            "_dmarc.letters-from-us.test"
        ]
    );
    assert_eq!(records[0]["value"], "v=spf1 include:spf.sink.test ~all");
    let dkim_value = records[1]["value"].as_str().unwrap().to_owned();
    let public = dkim_value.rsplit("p=").next().unwrap().to_owned();

    // Nothing published yet: not verified; mail goes from the platform, replies to the domain.
    let page = ok(&mut c, "check_email_domain", &[("workspace_id", &ws)]).await;
    assert_eq!(page["domain"]["verified"], false);
    let raw = send_and_read(&app, &mut c, &ws, &list, &tag, 1).await;
    assert!(
        header(&raw, "From")
            .unwrap()
            .contains("no-reply@mewayz.local"),
        "{raw}"
    );
    assert!(header(&raw, "Reply-To")
        .unwrap()
        .contains("news@letters-from-us.test"));
    assert!(header(&raw, "DKIM-Signature").is_none());

    // Published (the DKIM key in two strings, as long keys are): verified, then signed mail.
    {
        let mut z = zone.lock().unwrap();
        z.insert(
            domain.into(),
            vec![vec!["v=spf1 include:spf.sink.test ~all".into()]],
        );
        let (a, b) = dkim_value.split_at(200);
        z.insert(
            format!("mewayz._domainkey.{domain}"),
            vec![vec![a.into(), b.into()]],
        );
        z.insert(
            format!("_dmarc.{domain}"),
            vec![vec!["v=DMARC1; p=none".into()]],
        );
    }
    let page = ok(&mut c, "check_email_domain", &[("workspace_id", &ws)]).await;
    assert_eq!(page["domain"]["verified"], true, "{page}");
    let raw = send_and_read(&app, &mut c, &ws, &list, &tag, 2).await;
    assert_eq!(
        header(&raw, "From"),
        Some("\"Letters Co\" <news@letters-from-us.test>"),
        "{raw}"
    );
    assert_eq!(verify_dkim(&raw, &public), domain);
    app.cleanup().await;
}
