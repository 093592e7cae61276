//! Bookings: the database lets exactly one visitor into a seat however many try at once, and a
//! visitor books from the public pages with JavaScript off, in their own zone, becoming a
//! contact.

use crate::common;
use app::booking::service::book;
use app::booking::service::services::find_public;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::client::{Answer, Client};
use common::crm::ok;
use common::mail;
use common::people::{signed_up, unique, workspace};
use common::TestApp;

/// A workspace with bookings on and a service saved with `fields`; returns (workspace id, handle).
pub async fn with_service(c: &mut Client, tag: &str, fields: &[(&str, &str)]) -> (String, String) {
    let handle = unique(tag);
    let ws = workspace(c, &handle).await;
    ok(
        c,
        "update_workspace_modules",
        &[("workspace_id", &ws), ("modules[0]", "booking")],
    )
    .await;
    // Defaults the test's own fields may replace.
    let mut f = vec![("workspace_id", ws.as_str()), ("active", "on")];
    if !fields.iter().any(|(k, _)| *k == "notice_hours") {
        f.push(("notice_hours", "0"));
    }
    f.extend_from_slice(fields);
    ok(c, "save_booking_service", &f).await;
    (ws, handle)
}

/// A browser without JavaScript posting `body` (form-encoded) to `path`.
pub async fn post(c: &mut Client, path: &str, body: &str) -> Answer {
    let req = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, common::BASE_URL);
    c.send(req, Body::from(body.to_owned())).await
}

pub fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", app::url::encode_query_value(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Holds attempted at once on service `slug` at its first open time of `minutes` (the first
/// of its lengths): half of them that length, and with `overlap` the other half 30 minutes
/// shorter and 30 minutes later (overlapping it). How many held.
async fn rush(app: &TestApp, ws: &str, slug: &str, attempts: usize, overlap: bool) -> usize {
    let s = find_public(&app.state, ws, slug).await.unwrap().unwrap();
    let minutes = s.settings.durations[0];
    let now = app::booking::service::store::ts(app.state.clock.now());
    let week = (now, now + jiff::SignedDuration::from_hours(24 * 8));
    let (start, _) = book::open_times(&app.state, &s, minutes, week, None)
        .await
        .unwrap()[0];
    let tries = (0..attempts).map(|i| {
        let (state, s) = (app.state.clone(), s.clone());
        let (at, length) = match overlap && i % 2 == 1 {
            true => (start + jiff::SignedDuration::from_mins(30), minutes - 30),
            false => (start, minutes),
        };
        tokio::spawn(async move { book::hold(&state, &s, length, at, "UTC").await.unwrap() })
    });
    let mut held = 0;
    for t in futures_util::future::join_all(tries).await {
        if t.unwrap().is_ok() {
            held += 1;
        }
    }
    held
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_at_once_fill_one_seat_once_and_a_group_exactly_its_seats() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "rush").await;
    let (ws, _) = with_service(&mut c, "rush", &[("name", "Call"), ("durations", "60, 30")]).await;
    assert_eq!(rush(&app, &ws, "call", 20, true).await, 1);
    let class = [("name", "Class"), ("durations", "30"), ("seats", "3")];
    ok(
        &mut c,
        "save_booking_service",
        &[
            &[
                ("workspace_id", ws.as_str()),
                ("active", "on"),
                ("notice_hours", "0"),
            ][..],
            &class[..],
        ]
        .concat(),
    )
    .await;
    assert_eq!(rush(&app, &ws, "class", 20, false).await, 3);
    let stored = app
        .state
        .db
        .collection::<mongodb::bson::Document>("bookings")
        .count_documents(mongodb::bson::doc! { "workspace_id": &ws })
        .await
        .unwrap();
    assert_eq!(stored, 4, "refused attempts wrote nothing");
    app.cleanup().await;
}

/// The `value` of the first button named `start` in `html`.
pub fn first_start(html: &str) -> String {
    let at = html.find("name=\"start\" value=\"").expect("an open time") + 20;
    html[at..at + html[at..].find('"').unwrap()].to_owned()
}

#[tokio::test]
async fn a_visitor_books_without_javascript_in_their_zone_and_becomes_a_contact() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "bookme").await;
    let question = [
        ("name", "Intro call"),
        ("durations", "30"),
        ("questions", "What would you like to talk about? *"),
    ];
    let (ws, handle) = with_service(&mut c, "bookme", &question).await;
    let hours = [
        ("workspace_id", ws.as_str()),
        ("time_zone", "Europe/Paris"),
        ("day0", "09:00-12:00"),
        ("day1", "9:00-12:00"),
        ("day2", "09:00-12:00"),
        ("day3", "09:00-12:00"),
        ("day4", "09:00-12:00"),
    ];
    ok(&mut c, "save_booking_hours", &hours).await;
    let bad = c
        .call(
            "save_booking_hours",
            &[
                ("workspace_id", &ws),
                ("time_zone", "Europe/Paris"),
                ("day0", "9-5"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("day0"),
        "the problem is next to Monday: {}",
        bad.body
    );

    let mut visitor = app.client();
    let list = visitor.get(&format!("/@{handle}/book")).await;
    assert!(
        list.body.contains(&format!("/@{handle}/book/intro-call")),
        "{}",
        list.body
    );
    // 09:00 in Paris is 03:00 in New York in winter (and 02:00 or 04:00 around the changes):
    // the visitor reads the host's morning in their own night.
    let times = visitor
        .get(&format!("/@{handle}/book/intro-call?tz=America/New_York"))
        .await;
    assert_eq!(times.status, StatusCode::OK);
    assert!(
        times.body.contains(">03:00<")
            || times.body.contains(">04:00<")
            || times.body.contains(">02:00<"),
        "{}",
        times.body
    );
    assert!(!times.body.contains(">09:00<"));
    let csp = times.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    assert!(
        csp.contains("script-src 'sha256-"),
        "only the zone script runs: {csp}"
    );
    let start = first_start(&times.body);

    let hold = post(
        &mut visitor,
        &format!("/@{handle}/book/intro-call/hold"),
        &form(&[("start", &start), ("tz", "America/New_York")]),
    )
    .await;
    assert_eq!(hold.status, StatusCode::SEE_OTHER, "{}", hold.body);
    let details = hold.location().unwrap().to_owned();
    // Someone else choosing the held time is told at once.
    let mut other = app.client();
    let late = post(
        &mut other,
        &format!("/@{handle}/book/intro-call/hold"),
        &form(&[("start", &start), ("tz", "UTC")]),
    )
    .await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert!(late.body.contains("Someone has just booked that time"));
    assert!(!visitor
        .get(&format!("/@{handle}/book/intro-call?tz=UTC"))
        .await
        .body
        .contains(&start));
    // A forged address shows nothing.
    let forged = format!("{}x", &details[..details.len() - 1]);
    assert_eq!(visitor.get(&forged).await.status, StatusCode::NOT_FOUND);

    let page = visitor.get(&details).await;
    assert!(
        page.body.contains("We are keeping this time for you"),
        "{}",
        page.body
    );
    let email = format!("{}@example.com", unique("guest"));
    let wrong = post(
        &mut visitor,
        &details,
        &form(&[("name", "Grace Guest"), ("email", "not-an-address")]),
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("id=\"email-error\"") && wrong.body.contains("id=\"q0-error\""));
    assert!(
        wrong.body.contains("value=\"Grace Guest\""),
        "what was typed is kept"
    );
    let done = post(
        &mut visitor,
        &details,
        &form(&[
            ("name", "Grace Guest"),
            ("email", &email),
            ("q0", "Pricing"),
        ]),
    )
    .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(done.body.contains("You're booked") && done.body.contains("America/New_York"));
    let mail = mail::latest(&email, "Booked: Intro call").await;
    assert!(mail.text.contains("Intro call"), "{}", mail.text);
    // The invitation parses as iCalendar and holds the booked time.
    let (to, ics) = (email.clone(), "invite.ics");
    let ics = tokio::task::spawn_blocking(move || mail::attachment(&to, "Booked: Intro call", ics))
        .await
        .unwrap();
    let calendar: icalendar::Calendar = ics.parse().expect("an iCalendar file");
    let event = calendar
        .components
        .iter()
        .find_map(|c| c.as_event())
        .expect("an event");
    use icalendar::Component;
    let dtstart = event
        .property_value("DTSTART")
        .unwrap()
        .replace(['-', ':'], "");
    assert_eq!(dtstart, start.replace(['-', ':'], ""), "{ics}");
    assert!(event.get_summary().unwrap().contains("Grace Guest"));

    let bookings = ok(&mut c, "get_bookings", &[("workspace_id", &ws)]).await;
    let b = &bookings["bookings"][0];
    assert_eq!(
        (b["name"].as_str(), b["status"].as_str()),
        (Some("Grace Guest"), Some("confirmed"))
    );
    assert_eq!(b["answers"][0][1], "Pricing");
    let contacts = ok(
        &mut c,
        "list_contacts",
        &[("workspace_id", &ws), ("source", "booking")],
    )
    .await;
    assert_eq!(contacts["total"], 1, "{contacts}");
    assert_eq!(
        contacts["items"][0]["name"], "Grace Guest",
        "named as they gave it"
    );

    // Cancelled, the time is open again.
    let id = b["id"].as_str().unwrap();
    ok(
        &mut c,
        "set_booking_status",
        &[("workspace_id", &ws), ("id", id), ("status", "cancelled")],
    )
    .await;
    let again = visitor
        .get(&format!("/@{handle}/book/intro-call?tz=UTC"))
        .await;
    assert!(
        again.body.contains(&start),
        "a cancelled booking frees its time"
    );
    app.cleanup().await;
}
