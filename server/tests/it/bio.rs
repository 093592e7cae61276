//! Link in bio over HTTP: the builder's saves and publishing, the public page visitors get,
//! the addresses it refuses, and a publish reaching another replica's cache.

use crate::common;

use app::platform::invalidate::live;
use axum::http::{header, StatusCode};
use common::bio::{link, open, publish, save, visit, PHONE};
use common::client::Client;
use common::people::{signed_up, unique, workspace};
use common::{TestApp, BASE_URL};
use serde_json::json;
use std::time::Duration;

#[tokio::test]
async fn a_published_page_shows_its_live_blocks_in_order_as_plain_html() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "bioowner").await;
    let handle = unique("bio");
    let ws = workspace(&mut c, &handle).await;
    let page = open(&mut c, &ws).await;
    assert_eq!(
        page["draft"]["blocks"].as_array().unwrap().len(),
        2,
        "{page}"
    );
    let mut visitor = app.client();
    assert_eq!(
        visit(&mut visitor, &format!("/@{handle}"), PHONE)
            .await
            .status,
        404
    );

    let mut later = link("later", "Later", "https://later.example");
    later["kind"]["starts_at"] = json!("2099-01-01T00:00:00Z");
    let mut hidden = link("hidden", "Hidden", "https://hidden.example");
    hidden["on"] = json!(false);
    let mut spicy = link("spicy", "Spicy", "https://spicy.example");
    spicy["kind"]["sensitive"] = json!(true);
    let header_block = json!({ "id": "head", "on": true, "kind": { "type": "header", "name": "Anna", "bio": "Makes things", "avatar_url": "" } });
    let blocks = json!([
        header_block,
        link("first", "First link", "https://first.example"),
        link("evil", "<script>alert(1)</script>", "second.example"),
        later,
        hidden,
        spicy,
    ]);
    let published = publish(&mut c, &ws, blocks.clone()).await;
    assert_eq!(published["unpublished_changes"], false);

    let a = visit(&mut visitor, &format!("/@{handle}"), PHONE).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let csp = a.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(!csp.contains("script-src"), "{csp}");
    assert!(!a.body.contains("<script"), "the page ships no script");
    assert!(a.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let first = a.body.find("First link").unwrap();
    let evil = a.body.find("&lt;script&gt;").unwrap();
    assert!(first < evil);
    assert!(!a.body.contains("Later") && !a.body.contains("Hidden"));
    assert!(a.body.contains("<details class=\"gate\">"));
    let page_id = published["id"].as_str().unwrap();
    assert!(a.body.contains(&format!("href=\"/l/{page_id}/first\"")));
    assert!(a
        .body
        .contains("<meta property=\"og:title\" content=\"Anna\">"));
    let canonical = format!(
        "{}/@{handle}",
        app.state.config.base_url.trim_end_matches('/')
    );
    assert!(a
        .body
        .contains(&format!("<link rel=\"canonical\" href=\"{canonical}\">")));

    // Reordered in the draft: visitors keep the published order until the next publish.
    let mut swapped = blocks.as_array().unwrap().clone();
    swapped.swap(1, 2);
    let page = open(&mut c, &ws).await;
    let saved = save(&mut c, &ws, &page, json!(swapped)).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert_eq!(saved.json()["unpublished_changes"], true);
    let a = visit(&mut visitor, &format!("/@{handle}"), PHONE).await;
    assert!(a.body.find("First link").unwrap() < a.body.find("&lt;script&gt;").unwrap());
    publish(&mut c, &ws, json!(swapped)).await;
    let a = visit(&mut visitor, &format!("/@{handle}"), PHONE).await;
    assert!(a.body.find("First link").unwrap() > a.body.find("&lt;script&gt;").unwrap());

    // Unpublished, the address answers "not found" again.
    let a = c
        .call(
            "unpublish_bio_page",
            &[("workspace_id", &ws), ("page_id", page_id)],
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(
        visit(&mut visitor, &format!("/@{handle}"), PHONE)
            .await
            .status,
        404
    );
    app.cleanup().await;
}

#[tokio::test]
async fn unsafe_addresses_are_refused_next_to_the_field_and_change_nothing() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "careful").await;
    let ws = workspace(&mut c, &unique("careful")).await;
    let page = open(&mut c, &ws).await;
    // The starter's link has no address yet: a draft may be unfinished, a published page not.
    let starter_link = page["draft"]["blocks"][1]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let a = c
        .call(
            "publish_bio_page",
            &[
                ("workspace_id", &ws),
                ("page_id", page["id"].as_str().unwrap()),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    assert_eq!(
        a.field_errors(&format!("blocks.{starter_link}.url")),
        vec!["Enter an address."]
    );
    let a = save(
        &mut c,
        &ws,
        &page,
        json!([link("x", "Click me", "javascript:alert(1)")]),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    assert_eq!(
        a.field_errors("blocks.x.url"),
        vec!["Use a web address (https://…), an email (mailto:…) or a phone number (tel:…)."]
    );
    let mut embed = json!({ "id": "e", "on": true, "kind": { "type": "embed", "url": "https://evil.example/player" } });
    let a = save(&mut c, &ws, &page, json!([embed.clone()])).await;
    assert!(!a.field_errors("blocks.e.url").is_empty(), "{}", a.body);
    let after = open(&mut c, &ws).await;
    assert_eq!(after["revision"], page["revision"]);
    assert_eq!(after["draft"], page["draft"]);

    // A save based on an old revision (another tab) is refused, not silently merged.
    embed["kind"]["url"] = json!("https://youtu.be/dQw4w9WgXcQ");
    let ok = save(&mut c, &ws, &page, json!([embed])).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let stale = save(
        &mut c,
        &ws,
        &page,
        json!([link("y", "Other tab", "https://a.example")]),
    )
    .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    assert_eq!(open(&mut c, &ws).await["draft"]["blocks"][0]["id"], "e");
    app.cleanup().await;
}

#[tokio::test]
async fn another_page_needs_a_plan_that_allows_it() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "biopages").await;
    let ws = workspace(&mut c, &unique("pages")).await;
    let a = c
        .call(
            "create_bio_page",
            &[("workspace_id", &ws), ("slug", "shop")],
        )
        .await;
    assert_eq!(a.status, StatusCode::PAYMENT_REQUIRED, "{}", a.body);
    assert!(a.body.contains("bio pages"), "{}", a.body);
    let a = c
        .call("list_bio_pages", &[("workspace_id", &ws)])
        .await
        .json();
    assert_eq!(a.as_array().unwrap().len(), 1);
    app.cleanup().await;
}

#[tokio::test]
async fn the_qr_code_downloads_as_svg_and_png() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "bioqr").await;
    let handle = unique("qr");
    workspace(&mut c, &handle).await;
    let svg = c.get(&format!("/@{handle}/qr?format=svg")).await;
    assert_eq!(svg.headers[header::CONTENT_TYPE], "image/svg+xml");
    assert!(svg.body.contains("<svg"));
    let png = app.get(&format!("/@{handle}/qr?format=png"), &[]).await;
    assert_eq!(png.headers()[header::CONTENT_TYPE], "image/png");
    let bytes = axum::body::to_bytes(png.into_body(), 1 << 20)
        .await
        .unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(c.get("/@nobody-here-at-all/qr").await.status, 404);
    app.cleanup().await;
}

#[tokio::test]
async fn a_page_of_ten_links_fits_in_fourteen_kilobytes_compressed() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "biosize").await;
    let handle = unique("size");
    let ws = workspace(&mut c, &handle).await;
    let mut blocks = vec![
        json!({ "id": "head", "on": true, "kind": { "type": "header", "name": "Size Studio", "bio": "Prints, workshops and a weekly letter.", "avatar_url": "https://cdn.example.com/me.jpg" } }),
    ];
    for i in 0..10 {
        blocks.push(link(
            &format!("l{i}"),
            &format!("Link number {i}: something worth a click"),
            &format!("https://example.com/{i}"),
        ));
    }
    publish(&mut c, &ws, json!(blocks)).await;
    let res = app
        .get(
            &format!("/@{handle}"),
            &[("user-agent", PHONE), ("accept-encoding", "gzip")],
        )
        .await;
    assert_eq!(res.headers()[header::CONTENT_ENCODING], "gzip");
    let bytes = axum::body::to_bytes(res.into_body(), 1 << 20)
        .await
        .unwrap();
    assert!(bytes.len() <= 14 * 1024, "{} bytes compressed", bytes.len());

    // Kept compressed with each coding: a browser's usual header gets brotli, which is the page.
    let plain = visit(
        &mut Client::new(app.router.clone(), BASE_URL),
        &format!("/@{handle}"),
        PHONE,
    )
    .await;
    let res = app
        .get(
            &format!("/@{handle}"),
            &[
                ("user-agent", PHONE),
                ("accept-encoding", "gzip, deflate, br, zstd"),
            ],
        )
        .await;
    assert_eq!(res.headers()[header::CONTENT_ENCODING], "br");
    assert_eq!(res.headers()[header::VARY], "accept-encoding");
    assert_eq!(res.headers()["cross-origin-opener-policy"], "unsafe-none");
    assert!(res.headers().get(header::SET_COOKIE).is_none());
    let br = axum::body::to_bytes(res.into_body(), 1 << 20)
        .await
        .unwrap();
    let mut page = String::new();
    std::io::Read::read_to_string(&mut brotli::Decompressor::new(&br[..], 4096), &mut page)
        .unwrap();
    assert_eq!(page, plain.body);
    app.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_publish_on_one_replica_is_served_by_the_other_at_once() {
    let app = TestApp::start().await;
    let other = app.replica().await;
    let (mut c, _) = signed_up(&app, "twin").await;
    let handle = unique("twin");
    let ws = workspace(&mut c, &handle).await;
    publish(
        &mut c,
        &ws,
        json!([link("a", "First", "https://a.example")]),
    )
    .await;
    let page = |r: &TestApp| {
        let path = format!("/@{handle}");
        let router = r.router.clone();
        async move {
            let mut visitor = Client::new(router, BASE_URL);
            visit(&mut visitor, &path, PHONE).await.body
        }
    };
    // Both replicas' feeds are open: entries are then kept for minutes, so only the
    // announcement can make the other one show a change.
    for _ in 0..100 {
        if live(&app.state) && live(&other.state) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(live(&other.state), "change streams reach the replica");
    assert!(page(&other).await.contains("First"));

    publish(
        &mut c,
        &ws,
        json!([link("a", "Second", "https://a.example")]),
    )
    .await;
    let mut seen = String::new();
    for _ in 0..50 {
        seen = page(&other).await;
        if seen.contains("Second") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(seen.contains("Second"), "{seen}");
    app.cleanup().await;
}
