//! Sites' custom domains: served by `Host` only once their DNS records (checked against a local
//! name server) are verified, a 404 naming nobody otherwise, and the proxy's certificate
//! question answered from the verified ones.

use crate::common;
use crate::sites::{create, hidden, pairs, post, publish, visit, APP_HOST};
use axum::http::{header, StatusCode};
use common::crm::ok;
use common::fake_dns::{name_server_with, Names, Zone};
use common::people::{signed_up, unique, workspace};
use common::TestApp;
use mongodb::bson::{doc, Document};
use std::time::Duration;

#[tokio::test]
async fn a_custom_domain_serves_its_site_only_once_verified() {
    let (zone, cnames, addresses) = (Zone::default(), Names::default(), Names::default());
    let dns = name_server_with(zone.clone(), cnames.clone(), addresses).await;
    let app = TestApp::start_with(
        &common::mongodb_uri(),
        &[
            ("DNS_RESOLVER", &dns.to_string()),
            ("SITES_CNAME_TARGET", "sites.mewayz.test"),
        ],
    )
    .await;
    let (mut c, _) = signed_up(&app, "domainowner").await;
    let handle = unique("dom");
    let ws = workspace(&mut c, &handle).await;
    let slug = unique("dom");
    let site = create(&mut c, &ws, "personal", &slug).await;
    let id = site["id"].as_str().unwrap().to_owned();
    publish(&mut c, &ws, &id).await;
    let domain = format!("www.{slug}.test");
    let add = |d: String| {
        [
            ("workspace_id", ws.clone()),
            ("id", id.clone()),
            ("domain", d),
        ]
    };

    // Not in the free plan: refused with the reason.
    let a = c
        .call("add_site_domain", &pairs(&add(domain.clone())))
        .await;
    assert!(!a.field_errors("domain").is_empty(), "{}", a.body);
    app.state
        .db
        .collection::<Document>("plans")
        .update_one(
            doc! { "key": "free" },
            doc! { "$push": { "features": "custom_domain" } },
        )
        .await
        .unwrap();
    let a = c
        .call("add_site_domain", &pairs(&add("https://nope".into())))
        .await;
    assert_eq!(
        a.field_errors("domain"),
        vec!["Enter a domain name, like www.example.com."]
    );
    let panel = ok(&mut c, "add_site_domain", &pairs(&add(domain.clone()))).await;
    let d = &panel["domains"][0];
    assert_eq!(d["status"], "pending", "{panel}");
    assert_eq!(d["records"][0]["host"], format!("_mewayz.{domain}"));
    assert_eq!(d["records"][1]["kind"], "CNAME");
    assert_eq!(d["records"][1]["value"], "sites.mewayz.test");
    let txt = d["records"][0]["value"].as_str().unwrap().to_owned();

    // Pending: the host is a 404 that names nobody, and the proxy may not issue for it.
    let ask = |d: &str| format!("/sites/tls/ask?domain={d}");
    let (status, body, _) = visit(&app, &domain, "/").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        !body.contains("Sam") && !body.contains(&handle) && !body.contains(&slug),
        "{body}"
    );
    assert_eq!(
        visit(&app, APP_HOST, &ask(&domain)).await.0,
        StatusCode::NOT_FOUND
    );

    zone.lock()
        .unwrap()
        .insert(format!("_mewayz.{domain}"), vec![vec![txt]]);
    cnames
        .lock()
        .unwrap()
        .insert(domain.clone(), "sites.mewayz.test".into());
    let panel = ok(
        &mut c,
        "check_site_domains",
        &[("workspace_id", &ws), ("id", &id)],
    )
    .await;
    assert_eq!(panel["domains"][0]["status"], "active", "{panel}");
    assert_eq!(visit(&app, APP_HOST, &ask(&domain)).await.0, StatusCode::OK);
    assert_eq!(
        visit(&app, APP_HOST, &ask("other.test")).await.0,
        StatusCode::NOT_FOUND
    );

    let (status, body, _) = visit(&app, &domain, "/").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("I help small teams write clearly"));
    assert!(
        body.contains(&format!(
            "<link rel=\"canonical\" href=\"https://{domain}/\">"
        )),
        "{body}"
    );
    assert!(body.contains("href=\"/about\""), "links stay on the domain");
    assert_eq!(visit(&app, &domain, "/about").await.0, StatusCode::OK);
    let (status, other, _) = visit(&app, "unknown.test", "/").await;
    assert_eq!(
        (status, other.contains("This page does not exist")),
        (StatusCode::NOT_FOUND, true)
    );
    let listed = ok(&mut c, "list_sites", &[("workspace_id", &ws)]).await;
    assert_eq!(listed[0]["public_url"], format!("https://{domain}"));

    // Its form posts to its own origin.
    app.state.clock.advance(Duration::from_secs(5));
    let (_, html, _) = visit(&app, &domain, "/contact").await;
    app.state.clock.advance(Duration::from_secs(5));
    let (section, t) = (hidden(&html, "section"), hidden(&html, "t"));
    let res = post(
        &app,
        &format!("https://{domain}"),
        "/contact",
        &[
            ("section", &section),
            ("t", &t),
            ("f0", "Bo"),
            ("f1", "bo@example.com"),
            ("f2", "Hi"),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers()[header::LOCATION],
        format!("/contact?sent={section}#contact")
    );

    ok(
        &mut c,
        "remove_site_domain",
        &[("workspace_id", &ws), ("id", &id), ("domain", &domain)],
    )
    .await;
    assert_eq!(visit(&app, &domain, "/").await.0, StatusCode::NOT_FOUND);
    assert_eq!(
        visit(&app, APP_HOST, &ask(&domain)).await.0,
        StatusCode::NOT_FOUND
    );
    app.cleanup().await;
}
