//! Images of bio pages: uploaded from the builder (checked by their bytes, counted against the
//! plan's storage, for editors only), then shown on the public page with their size reserved
//! and their thumbnail in small places.

use crate::common;

use axum::http::StatusCode;
use common::bio::{link, publish, visit, PHONE};
use common::client::Client;
use common::people::{signed_up, unique, workspace};
use common::TestApp;
use mongodb::bson::{doc, DateTime, Document};
use serde_json::json;

/// An 800×400 PNG, `pad` bytes longer than its pixels need.
pub fn wide_png(pad: usize) -> Vec<u8> {
    let wide = image::RgbImage::from_fn(800, 400, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut png = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(wide)
        .write_to(&mut png, image::ImageFormat::Png)
        .unwrap();
    [png.into_inner(), vec![0; pad]].concat()
}

async fn upload(c: &mut Client, ws: &str, bytes: &[u8]) -> common::client::Answer {
    c.upload(&format!("/bio/{ws}/images"), "image", bytes).await
}

#[tokio::test]
async fn an_uploaded_image_is_shown_sized_and_small_places_get_its_thumbnail() {
    let app = TestApp::start().await;
    let (mut owner, _) = signed_up(&app, "img").await;
    let handle = unique("img");
    let ws = workspace(&mut owner, &handle).await;

    let up = upload(&mut owner, &ws, &wide_png(0)).await;
    assert_eq!(up.status, StatusCode::OK, "{}", up.body);
    let image = up.json();
    let url = image["url"].as_str().unwrap().to_owned();
    assert!(url.starts_with(&format!("/media/{ws}/")), "{url}");
    assert_eq!(
        (image["width"].as_u64(), image["height"].as_u64()),
        (Some(800), Some(400))
    );
    app.settle_jobs().await;

    let mut blocks = vec![
        json!({ "id": "head", "on": true, "kind": { "type": "header", "name": "Studio", "bio": "", "avatar_url": &url } }),
        json!({ "id": "pic", "on": true, "kind": { "type": "image", "url": &url, "alt": "The studio" } }),
        link("shop", "Shop", "https://example.com/shop"),
    ];
    blocks[2]["kind"]["thumbnail_url"] = json!(&url);
    publish(&mut owner, &ws, json!(blocks)).await;

    let page = visit(&mut app.client(), &format!("/@{handle}"), PHONE).await;
    assert_eq!(page.status, StatusCode::OK);
    let file = app::platform::media::files(&app.state.db)
        .find_one(doc! { "_id": url.trim_start_matches("/media/") })
        .await
        .unwrap()
        .unwrap();
    let thumb = format!("/media/{}", file.thumbnail.expect("a thumbnail"));
    // The image block keeps the full image, its space reserved; the photo and the button's
    // picture use the thumbnail; the social preview gets an absolute address.
    assert!(
        page.body.contains(&format!(
            "src=\"{url}\" alt=\"The studio\" width=\"800\" height=\"400\""
        )),
        "{}",
        page.body
    );
    assert!(page
        .body
        .contains(&format!("<img class=\"avatar\" src=\"{thumb}\"")));
    assert!(page
        .body
        .contains(&format!("<img src=\"{thumb}\" alt=\"\" width=\"36\"")));
    let base = common::BASE_URL;
    assert!(page
        .body
        .contains(&format!("og:image\" content=\"{base}{url}\"")));
    let served = app.client().get(&thumb).await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.headers["content-type"], "image/jpeg");
    app.cleanup().await;
}

#[tokio::test]
async fn uploads_are_refused_with_a_reason_and_only_editors_may_upload() {
    let app = TestApp::start().await;
    let (mut owner, _) = signed_up(&app, "imgno").await;
    let ws = workspace(&mut owner, &unique("imgno")).await;

    let svg = upload(&mut owner, &ws, b"<svg onload=alert(1)></svg>").await;
    assert_eq!(svg.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        svg.field_errors("image"),
        ["Choose a PNG, JPEG, WebP or GIF image."]
    );
    let huge = upload(&mut owner, &ws, &wide_png(5 * 1024 * 1024)).await;
    assert_eq!(huge.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(huge.field_errors("image"), ["Choose an image under 5 MB."]);

    // A plan's storage is a limit like any other: the upload that would pass it is refused.
    app.state
        .db
        .collection::<Document>("plans")
        .update_one(
            doc! { "key": "free" },
            doc! { "$set": { "limits.storage_mb": 1_i64 } },
        )
        .await
        .unwrap();
    let small = upload(&mut owner, &ws, &wide_png(0)).await;
    assert_eq!(small.status, StatusCode::OK, "{}", small.body);
    let full = upload(&mut owner, &ws, &wide_png(1024 * 1024)).await;
    assert_eq!(full.status, StatusCode::PAYMENT_REQUIRED, "{}", full.body);
    assert!(full.json()["kind"] == "limit_reached", "{}", full.body);
    assert_eq!(app.state.media.megabytes_used(&ws).await.unwrap(), 1);

    // Visitors, strangers and viewers are refused, and nothing is stored for them.
    let png = wide_png(7);
    assert_eq!(
        upload(&mut app.client(), &ws, &png).await.status,
        StatusCode::UNAUTHORIZED
    );
    let (mut stranger, _) = signed_up(&app, "imgstranger").await;
    assert_eq!(
        upload(&mut stranger, &ws, &png).await.status,
        StatusCode::NOT_FOUND
    );
    let (mut viewer, _) = signed_up(&app, "imgviewer").await;
    let viewer_id = viewer.me().await["id"].as_str().unwrap().to_owned();
    app.state
        .db
        .collection::<Document>("memberships")
        .insert_one(doc! { "_id": format!("{ws}-{viewer_id}"), "workspace_id": &ws, "user_id": &viewer_id, "role": "viewer", "created_at": DateTime::now() })
        .await
        .unwrap();
    assert_eq!(
        upload(&mut viewer, &ws, &png).await.status,
        StatusCode::FORBIDDEN
    );
    let stored = app::platform::media::files(&app.state.db)
        .count_documents(doc! { "workspace_id": &ws })
        .await
        .unwrap();
    assert_eq!(stored, 1, "only the owner's first image");
    app.cleanup().await;
}

#[tokio::test]
async fn with_a_bucket_configured_images_are_stored_in_it_and_served_from_it() {
    let s3 = common::fake_s3::FakeS3::start().await;
    let app = TestApp::start_with(&common::mongodb_uri(), &s3.settings()).await;
    let (mut owner, _) = signed_up(&app, "bucket").await;
    let ws = workspace(&mut owner, &unique("bucket")).await;
    let up = upload(&mut owner, &ws, &wide_png(0)).await;
    assert_eq!(up.status, StatusCode::OK, "{}", up.body);
    let url = up.json()["url"].as_str().unwrap().to_owned();
    let key = url.trim_start_matches("/media/").to_owned();
    app.settle_jobs().await;
    // The image and the thumbnail the job made from it, read back from the bucket.
    let file = app::platform::media::files(&app.state.db)
        .find_one(doc! { "_id": &key })
        .await
        .unwrap()
        .unwrap();
    let thumb = file.thumbnail.expect("a thumbnail");
    assert_eq!(s3.keys(), [key.clone(), thumb.clone()]);
    let served = app.client().get(&url).await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.headers["content-type"], "image/png");
    let other = app.replica().await;
    assert_eq!(
        other.client().get(&format!("/media/{thumb}")).await.status,
        StatusCode::OK
    );
    app.cleanup().await;
}
