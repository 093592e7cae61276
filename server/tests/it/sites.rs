//! Websites over HTTP: a site from a template published as plain HTML with its SEO files,
//! revisions restored, and the contact form's spam checks and its way into the CRM.

use crate::common;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::crm::ok;
use common::people::{signed_up, unique, workspace};
use common::{text, TestApp};
use serde_json::Value;
use std::time::Duration;

/// Creates a site from `template` at `/s/<slug>`.
pub async fn create(c: &mut common::client::Client, ws: &str, template: &str, slug: &str) -> Value {
    ok(
        c,
        "create_site",
        &[
            ("workspace_id", ws),
            ("name", "Lee Coaching"),
            ("slug", slug),
            ("template", template),
        ],
    )
    .await
}

/// Saves `draft` over the site's `revision`.
async fn save(
    c: &mut common::client::Client,
    ws: &str,
    site: &Value,
    draft: &Value,
) -> common::client::Answer {
    c.call(
        "save_site_draft",
        &[
            ("workspace_id", ws),
            ("id", site["id"].as_str().unwrap()),
            ("revision", &site["revision"].to_string()),
            ("content", &draft.to_string()),
        ],
    )
    .await
}

pub async fn publish(c: &mut common::client::Client, ws: &str, id: &str) -> Value {
    ok(c, "publish_site", &[("workspace_id", ws), ("id", id)]).await
}

/// `GET path` as a visitor at `host`: status and body.
pub async fn visit(
    app: &TestApp,
    host: &str,
    path: &str,
) -> (StatusCode, String, axum::http::HeaderMap) {
    let res = app
        .get(path, &[("host", host), ("user-agent", common::bio::PHONE)])
        .await;
    let (status, headers) = (res.status(), res.headers().clone());
    (status, text(res).await, headers)
}

/// Posts a form as a browser at `origin` would.
pub async fn post(
    app: &TestApp,
    origin: &str,
    path: &str,
    fields: &[(&str, &str)],
) -> axum::response::Response {
    let host = origin.split("://").nth(1).unwrap();
    let body = serde_urlencoded_pairs(fields);
    app.request(
        Request::post(path)
            .header("host", host)
            .header(header::ORIGIN, origin)
            .header(header::USER_AGENT, common::bio::PHONE)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

fn serde_urlencoded_pairs(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{k}={}", app::url::encode_query_value(v)))
        .collect::<Vec<_>>()
        .join("&")
}

pub fn pairs<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    v.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// The value of the first `name="<name>" value="…"` in `html`.
pub fn hidden(html: &str, name: &str) -> String {
    let at = html
        .find(&format!("name=\"{name}\" value=\""))
        .unwrap_or_else(|| panic!("{name} in {html}"));
    let rest = &html[at + name.len() + 15..];
    rest[..rest.find('"').unwrap()].to_owned()
}

pub const APP_HOST: &str = "mewayz.test";

#[tokio::test]
async fn a_site_from_a_template_is_published_as_plain_html_and_a_revision_comes_back() {
    let app = TestApp::start().await;
    let (mut c, _) = signed_up(&app, "siteowner").await;
    let ws = workspace(&mut c, &unique("site")).await;
    let slug = unique("lee");
    let site = create(&mut c, &ws, "coach", &slug).await;
    let id = site["id"].as_str().unwrap().to_owned();
    assert_eq!(
        site["draft"]["pages"].as_array().unwrap().len(),
        2,
        "{site}"
    );
    // The free plan has one site; another workspace cannot take the same address.
    let another = |ws: &str, slug: &str| {
        [
            ("workspace_id", ws.to_owned()),
            ("name", "Again".to_owned()),
            ("slug", slug.to_owned()),
            ("template", "blank".to_owned()),
        ]
    };
    let second = c
        .call("create_site", &pairs(&another(&ws, &unique("two"))))
        .await;
    assert_eq!(
        second.status,
        StatusCode::PAYMENT_REQUIRED,
        "{}",
        second.body
    );
    let other = workspace(&mut c, &unique("other")).await;
    let taken = c.call("create_site", &pairs(&another(&other, &slug))).await;
    assert_eq!(taken.status, StatusCode::CONFLICT);
    assert_eq!(
        taken.json()["message"],
        "That address is taken. Try another.",
        "{}",
        taken.body
    );
    assert_eq!(
        visit(&app, APP_HOST, &format!("/s/{slug}")).await.0,
        StatusCode::NOT_FOUND
    );

    publish(&mut c, &ws, &id).await;
    let (status, body, headers) = visit(&app, APP_HOST, &format!("/s/{slug}")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("Become the manager you wanted to have"));
    assert!(
        !body.contains("<script>") && !body.contains(".wasm") && !body.contains("/pkg/"),
        "no script, no WASM"
    );
    assert!(
        body.contains("application/ld+json") && body.contains("\"FAQPage\""),
        "structured data"
    );
    assert!(
        body.contains(&format!("href=\"/s/{slug}/contact\"")),
        "the menu links the contact page"
    );
    let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(!csp.contains("script-src"), "{csp}");
    // Opened from anywhere without a new browsing context group; still never framed.
    assert_eq!(headers["cross-origin-opener-policy"], "unsafe-none");
    assert_eq!(headers[header::X_FRAME_OPTIONS], "DENY");
    // The home page has no form: kept compressed, sent as brotli to a browser that takes it.
    let br = app
        .get(
            &format!("/s/{slug}"),
            &[("host", APP_HOST), ("accept-encoding", "gzip, br")],
        )
        .await;
    assert_eq!(br.headers()[header::CONTENT_ENCODING], "br");
    // The contact page's form carries a token made for each visitor: compressed per visit.
    let contact = app
        .get(
            &format!("/s/{slug}/contact"),
            &[("host", APP_HOST), ("accept-encoding", "gzip, br")],
        )
        .await;
    assert_eq!(contact.headers()[header::CONTENT_ENCODING], "gzip");
    let (_, sitemap, _) = visit(&app, APP_HOST, &format!("/s/{slug}/sitemap.xml")).await;
    assert!(
        sitemap.contains(&format!("/s/{slug}</loc>"))
            && sitemap.contains(&format!("/s/{slug}/contact</loc>")),
        "{sitemap}"
    );
    let (_, robots, _) = visit(&app, APP_HOST, &format!("/s/{slug}/robots.txt")).await;
    assert!(
        robots.contains(&format!("Sitemap: http://mewayz.test/s/{slug}/sitemap.xml")),
        "{robots}"
    );

    // A new headline, hidden from search, published; then the first version restored.
    let mut draft = site["draft"].clone();
    draft["pages"][0]["sections"][0]["heading"] = "Lead with calm".into();
    draft["pages"][1]["seo"]["noindex"] = true.into();
    let saved = save(&mut c, &ws, &site, &draft).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let mut evil = draft.clone();
    evil["pages"][0]["sections"][0]["link"] = "javascript:alert(1)".into();
    let refused = save(&mut c, &ws, &saved.json(), &evil).await;
    let sid = draft["pages"][0]["sections"][0]["id"].as_str().unwrap();
    assert!(
        !refused
            .field_errors(&format!("sections.{sid}.link"))
            .is_empty(),
        "{}",
        refused.body
    );
    publish(&mut c, &ws, &id).await;
    let (_, body, _) = visit(&app, APP_HOST, &format!("/s/{slug}")).await;
    assert!(body.contains("Lead with calm"));
    let (_, sitemap, _) = visit(&app, APP_HOST, &format!("/s/{slug}/sitemap.xml")).await;
    assert!(
        !sitemap.contains("/contact</loc>"),
        "hidden pages leave the sitemap"
    );

    let history = ok(
        &mut c,
        "get_site_history",
        &[("workspace_id", &ws), ("id", &id)],
    )
    .await;
    let versions = history.as_array().unwrap();
    assert_eq!(versions.len(), 2, "{history}");
    let first = versions[1]["id"].as_str().unwrap();
    let restored = ok(
        &mut c,
        "restore_site_revision",
        &[("workspace_id", &ws), ("id", &id), ("revision_id", first)],
    )
    .await;
    assert_eq!(
        restored["draft"]["pages"][0]["sections"][0]["heading"],
        "Become the manager you wanted to have"
    );
    assert_eq!(restored["unpublished_changes"], true);
    publish(&mut c, &ws, &id).await;
    let (_, body, _) = visit(&app, APP_HOST, &format!("/s/{slug}")).await;
    assert!(
        body.contains("Become the manager you wanted to have") && !body.contains("Lead with calm")
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_form_keeps_bots_out_and_turns_a_message_into_a_contact() {
    let app = TestApp::start().await;
    let (mut c, owner) = signed_up(&app, "formowner").await;
    let ws = workspace(&mut c, &unique("form")).await;
    let slug = unique("form");
    let site = create(&mut c, &ws, "coach", &slug).await;
    let id = site["id"].as_str().unwrap().to_owned();
    publish(&mut c, &ws, &id).await;
    let path = format!("/s/{slug}/contact");
    let origin = common::BASE_URL;
    let (_, html, _) = visit(&app, APP_HOST, &path).await;
    let (section, t) = (hidden(&html, "section"), hidden(&html, "t"));
    let good = |t: &str| -> Vec<(&'static str, String)> {
        vec![
            ("section", section.clone()),
            ("t", t.to_owned()),
            ("website", String::new()),
            ("f0", "Ada Visitor".into()),
            ("f1", "ada.visitor@example.com".into()),
            ("f2", "=HYPERLINK(\"http://x\")".into()),
        ]
    };

    // Posted the moment it was served: a bot's speed.
    let quick = post(&app, origin, &path, &pairs(&good(&t))).await;
    assert_eq!(quick.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(quick).await.contains("That was quick!"));
    app.state.clock.advance(Duration::from_secs(5));

    // The field people never see, filled: told it worked, nothing kept.
    let mut bot = good(&t);
    bot[2].1 = "https://spam.example".into();
    let res = post(&app, origin, &path, &pairs(&bot)).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // A forged token is refused.
    let forged = post(&app, origin, &path, &pairs(&good("1.abc"))).await;
    assert_eq!(forged.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A missing address: the message is next to its field, what was typed stays.
    let mut no_email = good(&t);
    no_email[4].1 = String::new();
    let res = post(&app, origin, &path, &pairs(&no_email)).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = text(res).await;
    assert!(
        body.contains(&format!("id=\"{section}-f1-err\">Fill this in.")),
        "{body}"
    );
    assert!(body.contains("value=\"Ada Visitor\""));
    let none = ok(
        &mut c,
        "get_site_submissions",
        &[("workspace_id", &ws), ("id", &id)],
    )
    .await;
    assert_eq!(none.as_array().unwrap().len(), 0, "{none}");

    let res = post(&app, origin, &path, &pairs(&good(&t))).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert_eq!(to, format!("{path}?sent={section}#contact"));
    let (_, thanks, _) = visit(&app, APP_HOST, to.split('#').next().unwrap()).await;
    assert!(thanks.contains("Thank you! Your message was sent."));

    let list = ok(
        &mut c,
        "get_site_submissions",
        &[("workspace_id", &ws), ("id", &id)],
    )
    .await;
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    assert_eq!(list[0]["email"], "ada.visitor@example.com");
    let contacts = ok(&mut c, "list_contacts", &[("workspace_id", &ws)]).await;
    assert_eq!(
        common::crm::names(&contacts),
        vec!["Ada Visitor"],
        "{contacts}"
    );
    let contact_id = contacts["items"][0]["id"].as_str().unwrap();
    let contact = ok(
        &mut c,
        "get_contact",
        &[("workspace_id", &ws), ("id", contact_id)],
    )
    .await;
    let entry = contact["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "site.form_submitted")
        .unwrap_or_else(|| panic!("{contact}"));
    assert!(
        entry["summary"]
            .as_str()
            .unwrap()
            .ends_with("Message: =HYPERLINK(\"http://x\")"),
        "the message is on the timeline: {entry}"
    );
    let csv = c.get(&format!("/sites/{ws}/{id}/submissions.csv")).await;
    assert!(
        csv.body.contains("'=HYPERLINK"),
        "formulas are guarded: {}",
        csv.body
    );
    // One view of the contact page (the thanks page is the visitor's own), one form sent.
    app.settle_events().await;
    let stats = ok(
        &mut c,
        "get_site_stats",
        &[("workspace_id", &ws), ("id", &id), ("from", ""), ("to", "")],
    )
    .await;
    assert_eq!(
        (stats["views"].as_u64(), stats["submissions"].as_u64()),
        (Some(1), Some(1)),
        "{stats}"
    );
    assert_eq!(stats["pages"][0]["name"], "Contact");
    assert_eq!(stats["devices"][0]["name"], "Phone");
    app.settle_jobs().await;
    let mail = common::mail::latest(
        &owner,
        "New message from ada.visitor@example.com on Lee Coaching",
    )
    .await;
    assert!(mail.text.contains("Ada Visitor"), "{}", mail.text);
    app.cleanup().await;
}
