//! A full day's waitlist: a cancelled time is held for the first person waiting and offered by
//! email; an offer not taken in time passes to the next, who books it.

use crate::booking::{first_start, form, post, with_service};
use crate::common;
use common::crm::ok;
use common::mail;
use common::people::{signed_up, unique};
use common::TestApp;
use std::time::Duration;

/// The path of the first link to this app in a message.
fn link_in(text: &str) -> String {
    let at = text.find("/@").expect("a link");
    text[at..].split_whitespace().next().unwrap().to_owned()
}

#[tokio::test]
async fn a_cancelled_time_goes_to_the_waitlist_in_order() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "wait").await;
    let (ws, handle) =
        with_service(&mut c, "wait", &[("name", "Session"), ("durations", "60")]).await;
    // One session a week: Mondays 09:00-10:00 in Paris.
    let hours = [
        ("workspace_id", ws.as_str()),
        ("time_zone", "Europe/Paris"),
        ("day0", "09:00-10:00"),
    ];
    ok(&mut c, "save_booking_hours", &hours).await;
    let book = format!("/@{handle}/book/session");
    let mut first = app.client();
    let start = first_start(&first.get(&format!("{book}?tz=Europe/Paris")).await.body);
    let hold = post(
        &mut first,
        &format!("{book}/hold"),
        &form(&[("start", &start), ("tz", "Europe/Paris")]),
    )
    .await;
    let ann = format!("{}@example.com", unique("ann"));
    post(
        &mut first,
        hold.location().unwrap(),
        &form(&[("name", "Ann"), ("email", &ann)]),
    )
    .await;
    let ann_mail = mail::latest(&ann, "Booked: Session").await;

    let day = start
        .parse::<jiff::Timestamp>()
        .unwrap()
        .to_zoned_datetime(jiff::tz::TimeZone::get("Europe/Paris").unwrap())
        .date()
        .to_string();
    let mut others = app.client();
    let bad = post(
        &mut others,
        &format!("{book}/waitlist"),
        &form(&[
            ("date", &day),
            ("tz", "Europe/Paris"),
            ("name", "Ben"),
            ("email", "nope"),
        ]),
    )
    .await;
    assert_eq!(bad.status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("id=\"waitlist-email-error\"") && bad.body.contains("value=\"Ben\""));
    let (ben, cat) = (
        format!("{}@example.com", unique("ben")),
        format!("{}@example.com", unique("cat")),
    );
    for (name, email) in [("Ben", &ben), ("Cat", &cat)] {
        let joined = post(
            &mut others,
            &format!("{book}/waitlist"),
            &form(&[
                ("date", &day),
                ("tz", "Europe/Paris"),
                ("name", name),
                ("email", email),
            ]),
        )
        .await;
        assert!(joined.body.contains("on the waitlist"), "{}", joined.body);
    }

    // Ann cancels: the time is held for Ben, the first waiting, and nobody else sees it.
    let text = &ann_mail.text;
    let at = text.find("Need to cancel or move it? ").unwrap() + 27;
    let manage = text[at..].split_whitespace().next().unwrap();
    let manage = &manage[manage.find("/booking/").unwrap()..];
    post(&mut first, &format!("{manage}/cancel"), "").await;
    let offer = mail::latest(&ben, "A time opened up: Session").await;
    assert!(
        !others
            .get(&format!("{book}?tz=Europe/Paris"))
            .await
            .body
            .contains(&start),
        "held for Ben"
    );

    // Ben lets it pass: two hours later it is Cat's, and she books it.
    assert!(
        others
            .get(&link_in(&offer.text))
            .await
            .body
            .contains("value=\"Ben\""),
        "his details are filled in"
    );
    app.state.clock.advance(Duration::from_secs(2 * 3600 + 60));
    let second = mail::latest(&cat, "A time opened up: Session").await;
    let details = link_in(&second.text);
    let page = others.get(&details).await;
    assert!(page.body.contains("value=\"Cat\""), "{}", page.body);
    let done = post(
        &mut others,
        &details,
        &form(&[("name", "Cat"), ("email", &cat)]),
    )
    .await;
    assert!(done.body.contains("You're booked"), "{}", done.body);
    let list = ok(&mut c, "get_bookings", &[("workspace_id", &ws)]).await;
    let confirmed: Vec<&str> = list["bookings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["status"] == "confirmed")
        .map(|b| b["name"].as_str().unwrap())
        .collect();
    assert_eq!(confirmed, vec!["Cat"]);
    app.cleanup().await;
}
