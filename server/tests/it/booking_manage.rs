//! A booking after it is made: the visitor moves it by the link in its email (the calendar
//! event keeps its UID), gets a reminder the day before, cannot cancel once it is too close,
//! and hears of it when the owner cancels.

use crate::booking::{first_start, form, post, with_service};
use crate::common;
use common::crm::ok;
use common::mail;
use common::people::{signed_up, unique};
use common::TestApp;
use std::time::Duration;

/// The address after `Need to cancel or move it? ` in a message.
fn manage_link(text: &str) -> String {
    let at = text
        .find("Need to cancel or move it? ")
        .expect("the manage link")
        + 27;
    let link = text[at..].split_whitespace().next().unwrap();
    link[link.find("/booking/").unwrap()..].to_owned()
}

fn ics_of(to: &str, subject: &str) -> String {
    let (to, subject) = (to.to_owned(), subject.to_owned());
    std::thread::spawn(move || mail::attachment(&to, &subject, "invite.ics"))
        .join()
        .unwrap()
}

#[tokio::test]
async fn a_visitor_moves_their_booking_is_reminded_and_cannot_cancel_too_late() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "manage").await;
    let (ws, handle) =
        with_service(&mut c, "manage", &[("name", "Lesson"), ("durations", "60")]).await;
    let mut visitor = app.client();
    let page = visitor.get(&format!("/@{handle}/book/lesson?tz=UTC")).await;
    let first = first_start(&page.body);
    let hold = post(
        &mut visitor,
        &format!("/@{handle}/book/lesson/hold"),
        &form(&[("start", &first), ("tz", "UTC")]),
    )
    .await;
    let email = format!("{}@example.com", unique("pupil"));
    let details = hold.location().unwrap().to_owned();
    let done = post(
        &mut visitor,
        &details,
        &form(&[("name", "Pat Pupil"), ("email", &email)]),
    )
    .await;
    assert!(done.body.contains("You're booked"), "{}", done.body);
    let link = manage_link(&mail::latest(&email, "Booked: Lesson").await.text);
    let first_ics = ics_of(&email, "Booked: Lesson");

    // Moving: the times page counts this booking's own time as free; the new time is booked
    // and the old one freed in one step.
    let manage = visitor.get(&link).await;
    assert!(manage.body.contains("Move to another time") && manage.body.contains("Cancel booking"));
    let times = visitor.get(&format!("{link}/move")).await;
    assert!(times.body.contains(&first), "its own time stays offered");
    let later = times
        .body
        .split("name=\"start\" value=\"")
        .nth(3)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let moved = post(
        &mut visitor,
        &format!("{link}/move"),
        &form(&[("start", &later), ("tz", "UTC")]),
    )
    .await;
    assert!(moved.body.contains("Moved: Lesson"), "{}", moved.body);
    let moved_mail = mail::latest(&email, "Moved: Lesson").await;
    let new_ics = ics_of(&email, "Moved: Lesson");
    let uid = |ics: &str| {
        ics.lines()
            .find(|l| l.starts_with("UID:"))
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        uid(&first_ics),
        uid(&new_ics),
        "calendars update the same event"
    );
    assert!(new_ics.contains("SEQUENCE:1"), "{new_ics}");
    assert!(visitor
        .get(&link)
        .await
        .body
        .contains("cancelled or has moved"));
    let list = ok(&mut c, "get_bookings", &[("workspace_id", &ws)]).await;
    let cancelled = ok(
        &mut c,
        "get_bookings",
        &[("workspace_id", &ws), ("status", "cancelled")],
    )
    .await;
    assert_eq!(
        cancelled["bookings"].as_array().unwrap().len(),
        1,
        "the moved-from booking"
    );
    let bogus = c
        .call(
            "get_bookings",
            &[("workspace_id", &ws), ("status", "bogus")],
        )
        .await;
    assert_eq!(bogus.status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    let confirmed: Vec<&str> = list["bookings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["status"] == "confirmed")
        .map(|b| b["start"].as_str().unwrap())
        .collect();
    assert_eq!(confirmed.len(), 1);
    assert_eq!(
        confirmed[0].replace(".000", ""),
        later.replace(".000", ""),
        "{confirmed:?} {later}"
    );
    assert!(
        visitor
            .get(&format!("/@{handle}/book/lesson?tz=UTC"))
            .await
            .body
            .contains(&first),
        "the old time is free"
    );

    // The day before, a reminder; too close to the session, the link no longer cancels.
    let new_link = manage_link(&moved_mail.text);
    let start: jiff::Timestamp = later.parse().unwrap();
    let now = app::booking::service::store::ts(app.state.clock.now());
    let until = (start - now).as_secs() - 23 * 3600;
    app.state.clock.advance(Duration::from_secs(until as u64));
    mail::latest(&email, "Reminder: Lesson tomorrow").await;
    let late = visitor.get(&new_link).await;
    assert!(
        late.body.contains("too close to the session"),
        "{}",
        late.body
    );
    let refused = post(&mut visitor, &format!("{new_link}/cancel"), "").await;
    assert_eq!(refused.status, axum::http::StatusCode::CONFLICT);

    // The owner can still cancel, and the visitor hears of it.
    let id = list["bookings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["status"] == "confirmed")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    ok(
        &mut c,
        "set_booking_status",
        &[("workspace_id", &ws), ("id", &id), ("status", "cancelled")],
    )
    .await;
    mail::latest(&email, "Cancelled: Lesson").await;
    let cancelled = ics_of(&email, "Cancelled: Lesson");
    assert!(cancelled.contains("STATUS:CANCELLED"), "{cancelled}");
    app.cleanup().await;
}

#[tokio::test]
async fn an_owner_books_someone_and_sees_it_on_the_calendar_and_the_home_page() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "ownbk").await;
    let (ws, _) = with_service(&mut c, "ownbk", &[("name", "Consult"), ("durations", "30")]).await;
    let service = ok(&mut c, "get_booking_services", &[("workspace_id", &ws)]).await["services"][0]
        ["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Monday of next week, on the workspace's clock (Europe/Paris).
    let tz = jiff::tz::TimeZone::get("Europe/Paris").unwrap();
    let today = app::booking::service::store::ts(app.state.clock.now())
        .to_zoned_datetime(tz)
        .date();
    let monday = today
        .checked_add(jiff::Span::new().days(7 - i64::from(today.weekday().to_monday_zero_offset())))
        .unwrap()
        .to_string();
    let person = format!("{}@example.com", unique("client"));
    let at = |time: &str| format!("{monday}T{time}");
    let book = |start: String| {
        let f = [
            ("workspace_id", ws.clone()),
            ("service_id", service.clone()),
            ("start", start),
            ("name", "Cleo Client".into()),
            ("email", person.clone()),
        ];
        f.to_vec()
    };
    let late = book(at("20:00"));
    let refused = c
        .call(
            "book_manually",
            &late
                .iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>(),
        )
        .await;
    assert_eq!(refused.status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("not offered"), "{}", refused.body);
    let fine = book(at("10:00"));
    ok(
        &mut c,
        "book_manually",
        &fine
            .iter()
            .map(|(k, v)| (*k, v.as_str()))
            .collect::<Vec<_>>(),
    )
    .await;
    mail::latest(&person, "Booked: Consult").await;

    let week = ok(
        &mut c,
        "get_booking_calendar",
        &[("workspace_id", &ws), ("view", "week"), ("date", &monday)],
    )
    .await;
    assert_eq!(week["days"].as_array().unwrap().len(), 7);
    assert_eq!(week["days"][0]["date"], monday.as_str());
    assert_eq!(week["days"][0]["bookings"][0]["name"], "Cleo Client");
    assert_eq!(week["days"][0]["bookings"][0]["time"], "10:00");
    let month = ok(
        &mut c,
        "get_booking_calendar",
        &[("workspace_id", &ws), ("view", "month"), ("date", &monday)],
    )
    .await;
    let days = month["days"].as_array().unwrap();
    assert_eq!(days.len() % 7, 0, "whole weeks");
    assert!(days
        .iter()
        .any(|d| d["date"] == monday.as_str() && d["bookings"].as_array().unwrap().len() == 1));

    let home = ok(&mut c, "get_home", &[("workspace_id", &ws)]).await;
    let made = home["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["label"] == "Bookings made")
        .expect("the booking figure");
    assert_eq!(made["value"], 1);
    let step = home["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["label"] == "Create a bookable service")
        .unwrap();
    assert_eq!(step["done"], true);
    app.cleanup().await;
}
