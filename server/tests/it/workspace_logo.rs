//! Workspace logos: uploaded as a form, checked by their bytes, served from /media.

use crate::common;

use axum::http::StatusCode;
use common::client::Client;
use common::people::{signed_up, unique, verified, workspace};
use common::{mail, TestApp};

async fn upload(c: &mut Client, ws: &str, bytes: &[u8]) -> common::client::Answer {
    c.upload(&format!("/workspaces/{ws}/logo"), "logo", bytes)
        .await
}

#[tokio::test]
async fn logos_are_checked_by_their_bytes_and_only_admins_may_upload() {
    let app = TestApp::start().await;
    let (mut owner, _) = signed_up(&app, "logo").await;
    let handle = unique("logo");
    let ws = workspace(&mut owner, &handle).await;
    let png = std::fs::read(common::repo_path("public/icons/icon-192.png")).unwrap();

    let bad = upload(&mut owner, &ws, b"<svg onload=alert(1)></svg>").await;
    assert_eq!(
        bad.location(),
        Some(format!("/app/{handle}/settings?logo_error=type").as_str())
    );
    let big = upload(
        &mut owner,
        &ws,
        &[&png[..], &vec![0u8; 1024 * 1024]].concat(),
    )
    .await;
    assert_eq!(
        big.location(),
        Some(format!("/app/{handle}/settings?logo_error=too_big").as_str())
    );

    let ok = upload(&mut owner, &ws, &png).await;
    assert_eq!(
        ok.location(),
        Some(format!("/app/{handle}/settings").as_str()),
        "{}",
        ok.body
    );
    let view = owner
        .call("get_workspace", &[("handle", &handle)])
        .await
        .json();
    let url = view["logo_url"].as_str().unwrap().to_owned();
    let served = app.client().get(&url).await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.headers["content-type"], "image/png");
    assert_eq!(
        served.headers["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert!(
        url.starts_with(&format!("/media/{ws}/")) && url.ends_with(".png"),
        "{url}"
    );
    // Another replica serves the same file, from the store they share.
    let other = app.replica().await;
    let there = other.client().get(&url).await;
    assert_eq!(there.status, StatusCode::OK);
    assert_eq!(there.body, served.body);
    // Its size and dimensions are known, and it counts against the plan's storage.
    let file = app::platform::media::files(&app.state.db)
        .find_one(mongodb::bson::doc! { "_id": url.trim_start_matches("/media/") })
        .await
        .unwrap()
        .expect("a file record");
    assert_eq!((file.width, file.height), (Some(192), Some(192)));
    assert_eq!(file.bytes as usize, png.len());
    assert_eq!(app.state.media.megabytes_used(&ws).await.unwrap(), 1);

    // Outsiders and viewers are refused; nothing changes.
    assert_eq!(
        upload(&mut app.client(), &ws, &png).await.status,
        StatusCode::UNAUTHORIZED
    );
    let (mut stranger, _) = signed_up(&app, "stranger").await;
    assert_eq!(
        upload(&mut stranger, &ws, &png).await.status,
        StatusCode::NOT_FOUND
    );
    let (mut vic, vic_email) = verified(&app, "vic").await;
    owner
        .call(
            "invite_member",
            &[
                ("workspace_id", &ws),
                ("email", &vic_email),
                ("role", "viewer"),
            ],
        )
        .await;
    let token = mail::wait_for(&vic_email, 2).await.token();
    vic.call("accept_invitation", &[("token", &token)]).await;
    assert_eq!(
        upload(&mut vic, &ws, &png).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        owner
            .call("get_workspace", &[("handle", &handle)])
            .await
            .json()["logo_url"]
            .as_str(),
        Some(url.as_str())
    );
    app.cleanup().await;
}

#[tokio::test]
async fn with_a_cdn_media_addresses_send_the_browser_there() {
    let app = TestApp::start_with(
        &crate::common::mongodb_uri(),
        &[("MEDIA_CDN_URL", "https://cdn.example/m/")],
    )
    .await;
    let a = app.client().get("/media/w1/0123abcd.png").await;
    assert_eq!(a.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(a.location(), Some("https://cdn.example/m/w1/0123abcd.png"));
    let missing = TestApp::start().await;
    assert_eq!(
        missing.client().get("/media/w1/nothing.png").await.status,
        StatusCode::NOT_FOUND
    );
    app.cleanup().await;
    missing.cleanup().await;
}

#[tokio::test]
async fn a_large_image_gets_a_thumbnail_that_fits_its_box() {
    let app = TestApp::start().await;
    let (mut owner, _) = signed_up(&app, "thumb").await;
    let handle = unique("thumb");
    let ws = workspace(&mut owner, &handle).await;
    let ok = upload(&mut owner, &ws, &crate::bio_images::wide_png(0)).await;
    assert_eq!(
        ok.location(),
        Some(format!("/app/{handle}/settings").as_str())
    );
    app.settle_jobs().await;

    let file = app::platform::media::files(&app.state.db)
        .find_one(mongodb::bson::doc! { "workspace_id": &ws })
        .await
        .unwrap()
        .expect("a file record");
    assert_eq!((file.width, file.height), (Some(800), Some(400)));
    let thumb = file.thumbnail.expect("a thumbnail");
    let served = app.get(&format!("/media/{thumb}"), &[]).await;
    assert_eq!(served.status(), StatusCode::OK);
    assert_eq!(served.headers()["content-type"], "image/jpeg");
    let bytes = axum::body::to_bytes(served.into_body(), 1 << 20)
        .await
        .unwrap();
    let small = image::load_from_memory(&bytes).unwrap();
    assert_eq!((small.width(), small.height()), (320, 160));
    app.cleanup().await;
}
