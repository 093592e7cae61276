//! A payment Stripe reports after its hold ran out: booked if the time is still free, else
//! nobody is double-booked and the payment is refunded through Stripe.

use crate::booking::{first_start, form, post, with_service};
use crate::common;
use common::crm::ok;
use common::fake_stripe::PaidApp;
use common::mail;
use common::people::{signed_up, unique};

/// Holds `start` and fills in the details as `who`; returns the payment page.
async fn to_pay(c: &mut common::client::Client, book: &str, start: &str, who: &str) -> String {
    let hold = post(
        c,
        &format!("{book}/hold"),
        &form(&[("start", start), ("tz", "UTC")]),
    )
    .await;
    let details = hold.location().unwrap().to_owned();
    let paying = post(
        c,
        &details,
        &form(&[("name", who), ("email", &format!("{who}@example.com"))]),
    )
    .await;
    paying.location().expect("sent to pay").to_owned()
}

#[tokio::test]
async fn a_late_payment_books_a_free_time_and_never_a_taken_one() {
    let paid = PaidApp::start(&[]).await;
    let (app, stripe) = (&paid.app, &paid.stripe);
    let (mut c, _) = signed_up(app, "late").await;
    let fields = [
        ("name", "Coaching"),
        ("durations", "60"),
        ("price", "25"),
        ("notice_hours", "24"),
    ];
    let (ws, handle) = with_service(&mut c, "late", &fields).await;
    let service = ok(&mut c, "get_booking_services", &[("workspace_id", &ws)]).await["services"][0]
        ["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let book = format!("/@{handle}/book/coaching");
    let mut visitor = app.client();
    let page = visitor.get(&format!("{book}?tz=UTC")).await.body;
    let first = first_start(&page);
    let (ann, ben) = (unique("ann"), unique("ben"));
    let ann_pays = to_pay(&mut visitor, &book, &first, &ann).await;
    let second = page
        .split("name=\"start\" value=\"")
        .nth(2)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let ben_pays = to_pay(&mut app.client(), &book, &second, &ben).await;

    // Both holds run out (set in the database: moving the app's clock would also put Stripe's
    // signatures outside their five minutes); the owner gives Ann's time to someone else.
    let past =
        mongodb::bson::DateTime::from_millis(app.state.clock.now().timestamp_millis() - 60_000);
    app.state
        .db
        .collection::<mongodb::bson::Document>("bookings")
        .update_many(
            mongodb::bson::doc! { "status": "held" },
            mongodb::bson::doc! { "$set": { "hold_until": past } },
        )
        .await
        .unwrap();
    let paris = jiff::tz::TimeZone::get("Europe/Paris").unwrap();
    let local = first
        .parse::<jiff::Timestamp>()
        .unwrap()
        .to_zoned_datetime(paris)
        .strftime("%Y-%m-%dT%H:%M")
        .to_string();
    let manual = [
        ("workspace_id", ws.as_str()),
        ("service_id", &service),
        ("start", &local),
        ("name", "Olive"),
        ("email", "olive@example.com"),
    ];
    ok(&mut c, "book_manually", &manual).await;

    // Ann pays late: her time is taken, so she is not booked and her payment goes back.
    stripe.pay(&ann_pays).await;
    mail::latest(
        &format!("{ann}@example.com"),
        "Not booked: Coaching (refunded)",
    )
    .await;
    // Ben pays late: his time is still free, so he is booked.
    stripe.pay(&ben_pays).await;
    mail::latest(&format!("{ben}@example.com"), "Booked: Coaching").await;

    let list = ok(&mut c, "get_bookings", &[("workspace_id", &ws)]).await;
    let anns = list["bookings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["name"] == ann.as_str())
        .unwrap();
    assert_eq!(
        anns["paid"], "EUR 25.00 refunded",
        "Stripe gave Ann's payment back"
    );
    let mut seen: Vec<(String, String)> = list["bookings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["name"].as_str().unwrap().to_owned(),
                b["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    seen.sort();
    let expected = vec![
        (ann.clone(), "cancelled".to_owned()),
        (ben.clone(), "cancelled".to_owned()),
        (ben.clone(), "confirmed".to_owned()),
        ("Olive".to_owned(), "confirmed".to_owned()),
    ];
    let mut expected = expected;
    expected.sort();
    assert_eq!(
        seen, expected,
        "Ben's late booking replaces his ran-out hold; Ann's is cancelled"
    );
    paid.app.cleanup().await;
}
