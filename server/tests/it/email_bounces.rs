//! Bounces and complaints: Postmark's webhook behind its token and Amazon SES through signed SNS
//! messages suppress addresses; a missing token, a forged or tampered signature, an unknown
//! topic or SHA1 signatures change nothing.

use crate::common;
use crate::email_campaigns::list_of;
use axum::http::{Request, StatusCode};
use base64::Engine;
use common::crm::ok;
use common::people::{signed_up, unique, workspace};
use common::TestApp;
use rsa::pkcs8::DecodePrivateKey;
use rsa::signature::{SignatureEncoding, Signer};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

const TOPIC: &str = "arn:aws:sns:eu-west-1:123456789012:ses-notices";
const CERT: &str = include_str!("fixtures/sns-test-cert.pem");
const KEY: &[u8] = include_bytes!("fixtures/sns-test-key.pk8");

/// A stand-in for SNS's web side: the signing certificate, and subscription confirmations
/// (counted). Returns its address prefix.
async fn fake_sns(confirmed: Arc<AtomicUsize>) -> String {
    let app = axum::Router::new()
        .route("/cert.pem", axum::routing::get(|| async { CERT }))
        .route(
            "/confirm",
            axum::routing::get(move || async move {
                confirmed.fetch_add(1, Ordering::SeqCst);
                "<ConfirmSubscriptionResponse/>"
            }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{addr}/")
}

/// An SNS message of `kind` carrying `message`, signed as SNS signs (version 2).
fn sns(prefix: &str, kind: &str, message: &str, topic: &str) -> Value {
    let mut m = json!({
        "Type": kind, "MessageId": unique("msg"), "TopicArn": topic, "Message": message,
        "Timestamp": "2026-12-04T10:00:00.000Z", "SignatureVersion": "2",
        "SigningCertURL": format!("{prefix}cert.pem"),
    });
    let fields: &[&str] = if kind == "Notification" {
        &["Message", "MessageId", "Timestamp", "TopicArn", "Type"]
    } else {
        m["SubscribeURL"] = json!(format!("{prefix}confirm"));
        m["Token"] = json!("tok");
        &[
            "Message",
            "MessageId",
            "SubscribeURL",
            "Timestamp",
            "Token",
            "TopicArn",
            "Type",
        ]
    };
    let canonical: String = fields
        .iter()
        .map(|f| format!("{f}\n{}\n", m[*f].as_str().unwrap()))
        .collect();
    let key = rsa::RsaPrivateKey::from_pkcs8_der(KEY).unwrap();
    let signer = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(key);
    let sig = signer.sign(canonical.as_bytes()).to_vec();
    m["Signature"] = json!(base64::engine::general_purpose::STANDARD.encode(sig));
    m
}

fn ses_bounce(ws: &str, email: &str) -> String {
    json!({
        "notificationType": "Bounce",
        "bounce": { "bounceType": "Permanent", "bounceSubType": "General",
                    "bouncedRecipients": [{ "emailAddress": email, "diagnosticCode": "smtp; 550 5.1.1 user unknown" }] },
        "mail": { "tags": { "workspace": [ws] } }
    })
    .to_string()
}

async fn post(
    c: &mut common::client::Client,
    path: &str,
    body: &Value,
    auth: Option<&str>,
) -> StatusCode {
    let mut req = Request::post(path).header("content-type", "application/json");
    if let Some(a) = auth {
        let basic = base64::engine::general_purpose::STANDARD.encode(a);
        req = req.header("authorization", format!("Basic {basic}"));
    }
    c.send(req, axum::body::Body::from(body.to_string()))
        .await
        .status
}

#[tokio::test]
async fn bounces_and_complaints_suppress_addresses_only_when_their_sender_is_proven() {
    let confirmed = Arc::new(AtomicUsize::new(0));
    let prefix = fake_sns(confirmed.clone()).await;
    let app = TestApp::start_with(
        &common::mongodb_uri(),
        &[
            ("EMAIL_WEBHOOK_TOKEN", "pm-token"),
            ("SNS_TOPIC_ARNS", TOPIC),
            ("SNS_CERT_URL_PREFIX", &prefix),
        ],
    )
    .await;
    let (mut c, _) = signed_up(&app, "bounced").await;
    let ws = workspace(&mut c, &unique("bounce")).await;
    let tag = unique("addr");
    let list = list_of(&app, &mut c, &ws, &tag, 4).await;
    let addr = |i: usize| format!("{tag}-{i}@example.com");
    let mut hook = app.client();

    // Postmark: its token or nothing; a soft bounce changes nothing.
    let hard = json!({ "RecordType": "Bounce", "Type": "HardBounce", "Email": addr(0),
        "Description": "Unknown user.", "Inactive": true, "Metadata": { "workspace": ws } });
    assert_eq!(
        post(&mut hook, "/webhooks/email/postmark", &hard, None).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        post(
            &mut hook,
            "/webhooks/email/postmark",
            &hard,
            Some("x:wrong")
        )
        .await,
        StatusCode::UNAUTHORIZED
    );
    let soft = json!({ "RecordType": "Bounce", "Type": "SoftBounce", "Email": addr(1),
        "Inactive": false, "Metadata": { "workspace": ws } });
    assert_eq!(
        post(
            &mut hook,
            "/webhooks/email/postmark",
            &soft,
            Some("postmark:pm-token")
        )
        .await,
        StatusCode::OK
    );
    let suppressed = |page: &Value| -> Vec<String> {
        page["suppressed"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["email"].as_str().unwrap().to_owned())
            .collect()
    };
    let page = ok(&mut c, "get_email_suppressions", &[("workspace_id", &ws)]).await;
    assert!(suppressed(&page).is_empty(), "{page}");

    assert_eq!(
        post(
            &mut hook,
            "/webhooks/email/postmark",
            &hard,
            Some("postmark:pm-token")
        )
        .await,
        StatusCode::OK
    );
    let spam = json!({ "RecordType": "SpamComplaint", "Type": "SpamComplaint", "Email": addr(1),
        "Metadata": { "workspace": ws } });
    assert_eq!(
        post(
            &mut hook,
            "/webhooks/email/postmark",
            &spam,
            Some("postmark:pm-token")
        )
        .await,
        StatusCode::OK
    );

    // SES through SNS: a tampered message, an unknown topic or a SHA1 signature are refused.
    let good = sns(&prefix, "Notification", &ses_bounce(&ws, &addr(2)), TOPIC);
    let mut tampered = good.clone();
    tampered["Message"] = json!(ses_bounce(&ws, &addr(3)));
    assert_eq!(
        post(&mut hook, "/webhooks/email/ses", &tampered, None).await,
        StatusCode::FORBIDDEN
    );
    let elsewhere = sns(
        &prefix,
        "Notification",
        &ses_bounce(&ws, &addr(3)),
        "arn:aws:sns:eu-west-1:9:other",
    );
    assert_eq!(
        post(&mut hook, "/webhooks/email/ses", &elsewhere, None).await,
        StatusCode::FORBIDDEN
    );
    let mut sha1 = sns(&prefix, "Notification", &ses_bounce(&ws, &addr(3)), TOPIC);
    sha1["SignatureVersion"] = json!("1");
    assert_eq!(
        post(&mut hook, "/webhooks/email/ses", &sha1, None).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post(&mut hook, "/webhooks/email/ses", &good, None).await,
        StatusCode::OK
    );
    let subscribe = sns(&prefix, "SubscriptionConfirmation", "confirm it", TOPIC);
    assert_eq!(
        post(&mut hook, "/webhooks/email/ses", &subscribe, None).await,
        StatusCode::OK
    );
    assert_eq!(
        confirmed.load(Ordering::SeqCst),
        1,
        "the subscription was confirmed"
    );

    let page = ok(&mut c, "get_email_suppressions", &[("workspace_id", &ws)]).await;
    let mut got = suppressed(&page);
    got.sort();
    assert_eq!(got, vec![addr(0), addr(1), addr(2)]);
    let reasons: Vec<&str> = page["suppressed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["reason"].as_str().unwrap())
        .collect();
    assert!(
        reasons.contains(&"complained") && reasons.contains(&"bounced"),
        "{page}"
    );
    let subs = ok(
        &mut c,
        "get_email_subscribers",
        &[
            ("workspace_id", &ws),
            ("list_id", &list),
            ("status", "subscribed"),
        ],
    )
    .await;
    let left: Vec<&str> = subs["subscribers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["email"].as_str().unwrap())
        .collect();
    assert_eq!(
        left,
        vec![addr(3).as_str()],
        "only the untouched address is still subscribed"
    );

    // Lifting keeps the subscription as it is: nobody is re-subscribed behind their back.
    ok(
        &mut c,
        "lift_email_suppression",
        &[("workspace_id", &ws), ("email", &addr(0))],
    )
    .await;
    let page = ok(&mut c, "get_email_suppressions", &[("workspace_id", &ws)]).await;
    assert_eq!(suppressed(&page).len(), 2);
    let subs = ok(
        &mut c,
        "get_email_subscribers",
        &[
            ("workspace_id", &ws),
            ("list_id", &list),
            ("status", "subscribed"),
        ],
    )
    .await;
    assert_eq!(subs["subscribers"].as_array().unwrap().len(), 1);
    app.cleanup().await;
}
