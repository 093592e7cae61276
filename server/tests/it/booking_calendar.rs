//! A member's Google Calendar: connected by OAuth with its tokens sealed at rest, its busy
//! times taken out of the booking page, each booking written to it and removed when
//! cancelled, a run-out access token refreshed, and disconnecting stops all of it.

use crate::booking::{first_start, form, post, with_service};
use crate::common;
use common::crm::ok;
use common::fake_google::{app_with, person, FakeGoogle};
use common::people::unique;
use mongodb::bson::Document;
use std::time::Duration;

async fn until(mut check: impl FnMut() -> bool) -> bool {
    for _ in 0..60 {
        if check() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}

#[tokio::test]
async fn a_connected_google_calendar_blocks_busy_times_and_receives_bookings() {
    let fake = FakeGoogle::start().await;
    let app = app_with(&fake).await;
    let (mut c, _) = common::people::signed_up(&app, "gcal").await;
    let (ws, handle) = with_service(&mut c, "gcal", &[("name", "Call"), ("durations", "60")]).await;
    let status = ok(
        &mut c,
        "get_booking_calendar_link",
        &[("workspace_id", &ws)],
    )
    .await;
    assert_eq!(status, serde_json::json!([true, false]));

    let start = c.get(&format!("/booking/google/connect/{ws}")).await;
    let to_google = start.location().expect("sent to Google").to_owned();
    assert!(
        to_google.starts_with(&fake.issuer) && to_google.contains("access_type=offline"),
        "{to_google}"
    );
    let member = person("gcal", true);
    let back = c.get(&fake.consent(&to_google, &member)).await;
    assert_eq!(
        back.location(),
        Some(format!("/app/{handle}/booking/hours?calendar=connected").as_str())
    );
    assert_eq!(
        ok(
            &mut c,
            "get_booking_calendar_link",
            &[("workspace_id", &ws)]
        )
        .await,
        serde_json::json!([true, true])
    );
    let links = app.state.db.collection::<Document>("booking_calendars");
    let stored = links
        .find_one(mongodb::bson::doc! {})
        .await
        .unwrap()
        .unwrap()
        .to_string();
    assert!(
        !stored.contains("ref-") && !stored.contains("acc-"),
        "tokens are sealed: {stored}"
    );

    // A busy hour in Google takes that time off the booking page.
    let book = format!("/@{handle}/book/call");
    let mut visitor = app.client();
    let first = first_start(&visitor.get(&format!("{book}?tz=UTC")).await.body);
    let end = (first.parse::<jiff::Timestamp>().unwrap() + jiff::SignedDuration::from_hours(1))
        .to_string();
    fake.set_busy(&member.email, &[(&first, &end)]);
    // Taking a seat always asks Google; the page reads it again within a minute.
    let hold = form(&[("start", &first), ("tz", "UTC")]);
    let refused = post(&mut visitor, &format!("{book}/hold"), &hold).await;
    assert_eq!(
        refused.status,
        axum::http::StatusCode::CONFLICT,
        "the booking check reads Google"
    );
    app.state.clock.advance(Duration::from_secs(61));
    let page = visitor.get(&format!("{book}?tz=UTC")).await.body;
    assert!(
        !page.contains(&format!("value=\"{first}\"")),
        "busy in Google"
    );

    // A booking appears in the calendar; cancelled, it goes away.
    let next = first_start(&page);
    let hold = post(
        &mut visitor,
        &format!("{book}/hold"),
        &form(&[("start", &next), ("tz", "UTC")]),
    )
    .await;
    let email = format!("{}@example.com", unique("caller"));
    post(
        &mut visitor,
        hold.location().unwrap(),
        &form(&[("name", "Cal Caller"), ("email", &email)]),
    )
    .await;
    assert!(
        until(|| fake.events(&member.email).len() == 1).await,
        "written to Google"
    );
    let event = &fake.events(&member.email)[0];
    assert!(event["summary"].as_str().unwrap().contains("Cal Caller"));
    assert_eq!(event["start"]["dateTime"].as_str().unwrap(), next.as_str());
    let id = ok(&mut c, "get_bookings", &[("workspace_id", &ws)]).await["bookings"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    ok(
        &mut c,
        "set_booking_status",
        &[("workspace_id", &ws), ("id", &id), ("status", "cancelled")],
    )
    .await;
    assert!(
        until(|| fake.events(&member.email).is_empty()).await,
        "removed from Google"
    );

    // Two hours later the access token has run out: it is refreshed and kept.
    let before = links
        .find_one(mongodb::bson::doc! {})
        .await
        .unwrap()
        .unwrap();
    app.state.clock.advance(Duration::from_secs(2 * 3600));
    assert!(!visitor
        .get(&format!("{book}?tz=UTC"))
        .await
        .body
        .contains(&format!("value=\"{first}\"")));
    let after = links
        .find_one(mongodb::bson::doc! {})
        .await
        .unwrap()
        .unwrap();
    assert_ne!(
        before.get_str("access").unwrap(),
        after.get_str("access").unwrap()
    );

    ok(
        &mut c,
        "disconnect_booking_calendar",
        &[("workspace_id", &ws)],
    )
    .await;
    assert!(
        visitor
            .get(&format!("{book}?tz=UTC"))
            .await
            .body
            .contains(&format!("value=\"{first}\"")),
        "Google no longer consulted"
    );
    app.cleanup().await;
}
