//! Rendered pages and static files through the real router: status codes, security and cache
//! headers, compression.

use crate::common;

use app::platform::assets::Assets;
use axum::http::StatusCode;
use common::{text, TestApp};
use std::sync::Arc;

#[tokio::test]
async fn landing_page_carries_a_nonce_csp_that_matches_its_scripts() {
    let app = TestApp::start().await;
    let res = app.get("/", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let h = res.headers().clone();
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "strict-origin-when-cross-origin");
    assert_eq!(h["cross-origin-opener-policy"], "same-origin");
    assert!(h.contains_key("x-request-id"));
    let csp = h["content-security-policy"].to_str().unwrap().to_owned();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("'wasm-unsafe-eval'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|s| s.split('\'').next())
        .expect("a nonce in the CSP")
        .to_owned();

    let html = text(res).await;
    assert!(
        html.contains(r#"href="/register""#) && html.contains(">Sign up<"),
        "{html}"
    );
    assert!(html.contains(r#"href="/login""#) && html.contains(">Log in<"));
    assert!(html.contains(r#"rel="manifest" href="/manifest.webmanifest""#));
    // Every inline script runs only because it carries this response's nonce.
    let inline_scripts = html.matches("<script").count() - html.matches("<script src=").count();
    assert!(inline_scripts > 0);
    let with_nonce = html.matches(&format!(r#"nonce="{nonce}""#)).count();
    assert!(with_nonce >= inline_scripts, "{html}");

    // A second response gets a different nonce.
    let again = app.get("/", &[]).await;
    assert_ne!(
        again.headers()["content-security-policy"].to_str().unwrap(),
        csp
    );
    app.cleanup().await;
}

#[tokio::test]
async fn unknown_addresses_get_the_404_page() {
    let app = TestApp::start().await;
    for path in ["/no-such-page", "/no-such/deeper/page", "/pkg/missing.js"] {
        let res = app.get(path, &[]).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
        assert_eq!(res.headers()["cache-control"], "no-cache", "{path}");
        let html = text(res).await;
        assert!(html.contains("Page not found"), "{path}: {html}");
    }
    app.cleanup().await;
}

#[tokio::test]
async fn the_theme_cookie_is_rendered_on_the_first_byte() {
    let app = TestApp::start().await;
    let html = text(app.get("/", &[("cookie", "a=b; theme=dark")]).await).await;
    assert!(
        html.contains(r#"<html lang="en" data-theme="dark""#),
        "{html}"
    );
    let html = text(app.get("/", &[]).await).await;
    assert!(!html.contains("data-theme="));
    app.cleanup().await;
}

#[tokio::test]
async fn pages_are_compressed_for_browsers_that_accept_it() {
    let app = TestApp::start().await;
    let res = app.get("/", &[("accept-encoding", "br")]).await;
    assert_eq!(res.headers()["content-encoding"], "br");
    let res = app.get("/", &[("accept-encoding", "gzip")]).await;
    assert_eq!(res.headers()["content-encoding"], "gzip");
    app.cleanup().await;
}

#[tokio::test]
async fn hashed_assets_are_served_precompressed_and_cached_forever() {
    let mut app = TestApp::start().await;
    let mut state = app.state.clone();
    state.assets = Arc::new(Assets::from_hash_file(
        &state.leptos_options,
        Some("js: j1\nwasm: w1\ncss: c1\n"),
    ));
    app.router = server::router(state);
    let css = "body { color: red }".repeat(20);
    app.site.write("pkg/mewayz.c1.css", css.as_bytes());
    app.site.write("pkg/mewayz.c1.css.br", b"pretend-brotli");

    let res = app
        .get("/pkg/mewayz.c1.css", &[("accept-encoding", "br")])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-encoding"], "br");
    assert_eq!(
        res.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(text(res).await, "pretend-brotli");

    let res = app.get("/pkg/mewayz.c1.css", &[]).await;
    assert!(res.headers().get("content-encoding").is_none());
    assert_eq!(text(res).await, css);
    app.cleanup().await;
}

#[tokio::test]
async fn public_files_are_revalidated() {
    let app = TestApp::start().await;
    app.site.write("offline.html", b"<h1>You are offline</h1>");
    let res = app.get("/offline.html", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["cache-control"], "no-cache");
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    app.cleanup().await;
}

#[tokio::test]
async fn the_service_worker_names_this_builds_assets() {
    let mut app = TestApp::start().await;
    let mut state = app.state.clone();
    state.assets = Arc::new(Assets::from_hash_file(
        &state.leptos_options,
        Some("js: j1\nwasm: w1\ncss: c1\n"),
    ));
    app.router = server::router(state);
    let res = app.get("/sw.js", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["cache-control"], "no-cache");
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .contains("javascript"));
    let js = text(res).await;
    assert!(js.contains(r#"const VERSION = "j1-w1-c1";"#), "{js}");
    for asset in [
        "/pkg/mewayz.j1.js",
        "/pkg/mewayz.w1.wasm",
        "/pkg/mewayz.c1.css",
        "/offline.html",
    ] {
        assert!(
            js.contains(&format!("\"{asset}\"")),
            "{asset} missing from {js}"
        );
    }
    assert!(!js.contains("__PRECACHE__"));
    app.cleanup().await;
}

#[tokio::test]
async fn the_dev_mailbox_exists_only_in_development() {
    let dev = TestApp::start_with(&common::mongodb_uri(), &[("APP_ENV", "development")]).await;
    let mut c = dev.client();
    let email = format!(
        "{}@example.com",
        common::fresh_db_name("devmail").to_lowercase()
    );
    c.call(
        "register",
        &[
            ("name", "Dee <b>"),
            ("email", &email),
            ("password", "a perfectly long passphrase"),
        ],
    )
    .await;
    dev.settle_jobs().await;
    // Asked from this machine, as a developer's browser does.
    let mut req = axum::http::Request::get("/dev/mailbox")
        .body(axum::body::Body::empty())
        .unwrap();
    req.extensions_mut().insert(axum::extract::ConnectInfo(
        "127.0.0.1:40000".parse::<std::net::SocketAddr>().unwrap(),
    ));
    let res = dev.request(req).await;
    assert_eq!(res.status(), StatusCode::OK);
    let body = common::text(res).await;
    assert!(body.contains("Confirm your email for Mewayz"), "{body}");
    assert!(body.contains(&email));
    assert!(body.contains("<a href=\"http://mewayz.test/verify-email?token="));
    assert!(!body.contains("<b>"), "names are escaped");
    dev.cleanup().await;

    let test = TestApp::start().await;
    assert_eq!(
        test.get("/dev/mailbox", &[]).await.status(),
        StatusCode::NOT_FOUND
    );
    test.cleanup().await;
}
