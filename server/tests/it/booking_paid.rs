//! Paid services: the seat is held while the visitor pays on Stripe's page; the booking is
//! confirmed only when Stripe reports the payment, and an unpaid page that runs out frees it.

use crate::booking::{first_start, form, post, with_service};
use crate::common;
use common::crm::ok;
use common::fake_stripe::PaidApp;
use common::mail;
use common::people::{signed_up, unique};
use common::TestApp;

#[tokio::test]
async fn a_paid_booking_is_confirmed_by_the_payment_and_an_unpaid_one_frees_its_seat() {
    let paid = PaidApp::start(&[]).await;
    let (app, stripe) = (&paid.app, &paid.stripe);
    let (mut c, _) = signed_up(app, "paid").await;
    let (ws, handle) = with_service(
        &mut c,
        "paid",
        &[("name", "Coaching"), ("durations", "60"), ("price", "25")],
    )
    .await;
    let book = format!("/@{handle}/book/coaching");
    let mut visitor = app.client();
    let times = visitor.get(&format!("{book}?tz=UTC")).await;
    assert!(
        times.body.contains("EUR 25.00"),
        "the price is shown: {}",
        times.body
    );
    let start = first_start(&times.body);
    let hold = post(
        &mut visitor,
        &format!("{book}/hold"),
        &form(&[("start", &start), ("tz", "UTC")]),
    )
    .await;
    let details = hold.location().unwrap().to_owned();
    // Browsers apply form-action to the redirect to the payment page too.
    let form_page = visitor.get(&details).await;
    let csp = form_page.headers[axum::http::header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains(&format!("form-action 'self' http://{}", stripe.addr)),
        "{csp}"
    );
    let email = format!("{}@example.com", unique("payer"));
    let to_pay = post(
        &mut visitor,
        &details,
        &form(&[("name", "Pia Payer"), ("email", &email)]),
    )
    .await;
    assert_eq!(
        to_pay.status,
        axum::http::StatusCode::SEE_OTHER,
        "{}",
        to_pay.body
    );
    let checkout = to_pay.location().unwrap().to_owned();
    assert!(checkout.contains(&stripe.addr.to_string()), "{checkout}");

    // Not paid yet: nothing is booked, but nobody else can take the seat.
    let list = ok(&mut c, "get_bookings", &[("workspace_id", &ws)]).await;
    assert_eq!(list["bookings"].as_array().unwrap().len(), 0);
    assert!(!app
        .client()
        .get(&format!("{book}?tz=UTC"))
        .await
        .body
        .contains(&start));

    // Paid: Stripe's report confirms it before the visitor is back.
    let back = stripe.pay(&checkout).await;
    let back = &back[back.find("/@").unwrap()..];
    let page = visitor.get(back).await;
    assert!(page.body.contains("You're booked"), "{}", page.body);
    mail::latest(&email, "Booked: Coaching").await;
    let list = ok(&mut c, "get_bookings", &[("workspace_id", &ws)]).await;
    assert_eq!(list["bookings"][0]["status"], "confirmed");
    assert_eq!(list["bookings"][0]["paid"], "EUR 25.00");

    // A second visitor leaves the payment page unpaid; when it runs out the seat is free again.
    let mut second = app.client();
    let next = first_start(&second.get(&format!("{book}?tz=UTC")).await.body);
    let hold = post(
        &mut second,
        &format!("{book}/hold"),
        &form(&[("start", &next), ("tz", "UTC")]),
    )
    .await;
    let details = hold.location().unwrap().to_owned();
    let to_pay = post(
        &mut second,
        &details,
        &form(&[
            ("name", "Quinn"),
            ("email", &format!("{}@example.com", unique("quinn"))),
        ]),
    )
    .await;
    let session = to_pay
        .location()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    assert!(
        !second
            .get(&format!("{book}?tz=UTC"))
            .await
            .body
            .contains(&next),
        "held while paying"
    );
    app::billing::service::one_off::expire(&app.state, &session)
        .await
        .unwrap();
    let mut freed = false;
    for _ in 0..50 {
        if second
            .get(&format!("{book}?tz=UTC"))
            .await
            .body
            .contains(&next)
        {
            freed = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(freed, "an expired payment page frees the seat");
    let list = ok(&mut c, "get_bookings", &[("workspace_id", &ws)]).await;
    let statuses: Vec<&str> = list["bookings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        vec!["confirmed", "cancelled"],
        "the unpaid one is cancelled, not booked"
    );
    paid.app.cleanup().await;

    // A server without payments says so instead of offering times it cannot sell.
    let plain = TestApp::start().await;
    let (mut c, _) = signed_up(&plain, "nopay").await;
    let (_, handle) = with_service(
        &mut c,
        "nopay",
        &[("name", "Coaching"), ("durations", "60"), ("price", "25")],
    )
    .await;
    let page = plain
        .client()
        .get(&format!("/@{handle}/book/coaching"))
        .await;
    assert_eq!(page.status, axum::http::StatusCode::SERVICE_UNAVAILABLE);
    assert!(page.body.contains("payments are not set up"));
    plain.cleanup().await;
}

/// The `value` of the hidden `package` field, if the page carries one.
fn carried(html: &str) -> Option<String> {
    let at = html.find("name=\"package\" value=\"")? + 22;
    Some(html[at..at + html[at..].find('"').unwrap()].to_owned())
}

#[tokio::test]
async fn a_package_is_bought_once_and_spent_one_session_per_booking() {
    let paid = PaidApp::start(&[]).await;
    let (app, stripe) = (&paid.app, &paid.stripe);
    let (mut c, _) = signed_up(app, "pack").await;
    let fields = [
        ("name", "Coaching"),
        ("durations", "60"),
        ("price", "50"),
        ("package_sessions", "2"),
        ("package_price", "90"),
    ];
    let (ws, handle) = with_service(&mut c, "pack", &fields).await;
    let book = format!("/@{handle}/book/coaching");
    let mut visitor = app.client();
    assert!(visitor
        .get(&format!("{book}?tz=UTC"))
        .await
        .body
        .contains("Buy 2 sessions for EUR 90.00"));
    let bad = post(
        &mut visitor,
        &format!("{book}/package"),
        &form(&[("name", "Pat"), ("email", "nope")]),
    )
    .await;
    assert_eq!(bad.status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("id=\"email-error\""));
    let email = format!("{}@example.com", unique("pat"));
    let to_pay = post(
        &mut visitor,
        &format!("{book}/package"),
        &form(&[("name", "Pat"), ("email", &email)]),
    )
    .await;
    assert_eq!(
        to_pay.status,
        axum::http::StatusCode::SEE_OTHER,
        "{}",
        to_pay.body
    );
    stripe.pay(to_pay.location().unwrap()).await;
    let mail = mail::latest(&email, "Your package: Coaching").await;
    let link = mail.text[mail.text.find("/@").unwrap()..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();

    // Two bookings from the package's link, nothing to pay.
    for left in [1, 0] {
        let times = visitor.get(&link).await;
        assert!(
            times
                .body
                .contains(&format!("{} of 2 sessions left", left + 1)),
            "{}",
            times.body
        );
        let token = carried(&times.body).expect("the package is carried");
        let start = first_start(&times.body);
        let hold = post(
            &mut visitor,
            &format!("{book}/hold"),
            &form(&[("start", &start), ("tz", "UTC"), ("package", &token)]),
        )
        .await;
        let details = hold.location().unwrap().to_owned();
        assert!(details.contains("package="), "{details}");
        let done = post(
            &mut visitor,
            &details,
            &form(&[("name", "Pat"), ("email", &email)]),
        )
        .await;
        assert_eq!(
            done.status,
            axum::http::StatusCode::OK,
            "no payment page: {}",
            done.body
        );
        assert!(
            done.body.contains(&format!("{left} of 2 sessions left")),
            "{}",
            done.body
        );
    }
    let spent = visitor.get(&link).await;
    assert!(spent.body.contains("no sessions left") && carried(&spent.body).is_none());

    // A cancelled booking gives its session back; a forged package is refused.
    let list = ok(&mut c, "get_bookings", &[("workspace_id", &ws)]).await;
    let id = list["bookings"][0]["id"].as_str().unwrap().to_owned();
    ok(
        &mut c,
        "set_booking_status",
        &[("workspace_id", &ws), ("id", &id), ("status", "cancelled")],
    )
    .await;
    assert!(visitor
        .get(&link)
        .await
        .body
        .contains("1 of 2 sessions left"));
    let forged = format!("{}x", &link[..link.len() - 1]);
    assert!(
        carried(&visitor.get(&forged).await.body).is_none(),
        "a forged token is no package"
    );
    paid.app.cleanup().await;
}
