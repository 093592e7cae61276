//! Cross-site request forgery: a state-changing request is accepted only from our own origin
//! (`APP_BASE_URL`), judged by `Origin` or `Sec-Fetch-Site`, never by a `Host` header.

use crate::common::people::signed_up;
use crate::common::TestApp;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};

fn rename(name: &str) -> Request<Body> {
    Request::post("/api/update_name")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .body(Body::from(format!("name={name}")))
        .unwrap()
}

#[tokio::test]
async fn a_cookie_carrying_post_without_origin_or_fetch_metadata_is_refused() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "csrf").await;
    let cookies = c
        .cookies
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("; ");

    let mut bare = rename("Forged");
    bare.headers_mut()
        .insert(header::COOKIE, cookies.parse().unwrap());
    let res = app.request(bare).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(c.me().await["name"], "csrf", "the name is unchanged");

    // Without a session there is nothing to forge: a bare request (a webhook, curl) passes.
    let res = app.request(rename("Nobody")).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    app.cleanup().await;
}

#[tokio::test]
async fn a_foreign_origin_is_refused_whatever_the_host_header_says() {
    let app = TestApp::start().await;
    let register = |extra: &[(&str, &str)]| {
        let mut req = Request::post("/api/register")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        for (k, v) in extra {
            req = req.header(*k, *v);
        }
        req.body(Body::from(
            "name=A&email=csrf%40example.com&password=a+perfectly+long+passphrase",
        ))
        .unwrap()
    };
    // No Host at all (HTTP/2 sends :authority instead).
    let res = app
        .request(register(&[("origin", "https://evil.example")]))
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // A rebound DNS name: Host and Origin agree with each other, not with us. A host that is not
    // ours is a site's custom domain: the request goes to the sites module and never reaches the
    // app's routes (the last registration below, with the same address, proves none ran).
    let res = app
        .request(register(&[
            ("origin", "http://evil.example"),
            ("host", "evil.example"),
        ]))
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // Same host name, another port or scheme.
    let res = app
        .request(register(&[("origin", "https://mewayz.test")]))
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app
        .request(register(&[("origin", crate::common::BASE_URL)]))
        .await;
    assert!(res.status().is_success() || res.status().is_redirection());
    app.cleanup().await;
}
