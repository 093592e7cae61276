//! A site's contact form, posted: spam is kept out without any third-party script (a honeypot
//! field, a signed timing token, a per-IP limit), the message is kept for the submissions list,
//! the sender becomes a CRM contact with the message on their timeline, and the workspace's
//! owners get an email.

use super::public::{not_found, render, respond, site_at, Place};
use super::store::{submissions, SiteDoc, SubmissionDoc};
use crate::render::form::{field_name, HONEYPOT};
use crate::render::FormState;
use app_core::error::{AppError, FieldMessages};
use app_core::ids::new_id;
use axum::response::{IntoResponse, Redirect, Response};
use http::StatusCode;
use identity::model::{email_problem, normalize_email};
use identity::service::secrets::{mac, verify_mac};
use platform::events::visitors::Hit;
use platform::mailer::Email;
use platform::{AppState, Capture, ContactEvent};
use std::collections::HashMap;
use workspaces::WorkspaceScope;

/// The fewest seconds between serving a form and its post: people take longer, bots do not.
pub const MIN_SECONDS: i64 = 2;
/// How long a served form can be posted.
const MAX_SECONDS: i64 = 24 * 3600;
const PURPOSE: &str = "site-form";

fn now_secs(state: &AppState) -> i64 {
    state.clock.now().timestamp_millis() / 1000
}

/// The token a form of site `site_id` carries: when it was served, signed.
pub fn token(state: &AppState, site_id: &str) -> String {
    let secs = now_secs(state);
    let tag = mac(
        state.config.app_secret.expose(),
        PURPOSE,
        &format!("{secs}.{site_id}"),
    );
    format!("{secs}.{tag}")
}

/// Why token `t` of site `site_id` is not acceptable now, if it is not.
fn token_problem(state: &AppState, site_id: &str, t: &str) -> Option<&'static str> {
    let expired = "This form was open too long. Please send it again.";
    let (secs, tag) = t.split_once('.')?;
    let Ok(at) = secs.parse::<i64>() else {
        return Some(expired);
    };
    if !verify_mac(
        state.config.app_secret.expose(),
        PURPOSE,
        &format!("{at}.{site_id}"),
        tag,
    ) {
        return Some(expired);
    }
    let age = now_secs(state) - at;
    if age < MIN_SECONDS {
        Some("That was quick! Please check your message and press Send again.")
    } else if age > MAX_SECONDS {
        Some(expired)
    } else {
        None
    }
}

/// `POST` of a form on page `slug` of the site at `place`.
pub async fn submit(
    state: &AppState,
    place: Place,
    slug: &str,
    fields: HashMap<String, String>,
    hit: &Hit<'_>,
) -> Response {
    let ip = hit.ip;
    let site = match site_at(state, &place).await {
        Ok(Some(s)) => s,
        Ok(None) => return not_found(),
        Err(e) => return (e.status_code(), e.to_string()).into_response(),
    };
    let section_id = fields.get("section").cloned().unwrap_or_default();
    let Some((page_title, form)) = site.published.as_ref().and_then(|c| {
        let page = c.page(slug)?;
        let s = page
            .sections
            .iter()
            .find(|s| s.on && s.kind == "contact" && s.id == section_id)?;
        Some((page.title.clone(), s.clone()))
    }) else {
        return not_found();
    };
    let path = crate::render::page_path(&place.base(), slug);
    let thanks = Redirect::to(&format!("{path}?sent={}#contact", form.id)).into_response();
    // A bot filled the field people never see: it is told it worked, and nothing is kept.
    if fields.get(HONEYPOT).is_some_and(|v| !v.trim().is_empty()) {
        return thanks;
    }
    let mut state_of_form = FormState {
        section: form.id.clone(),
        sent: false,
        values: fields.clone(),
        errors: FieldMessages::new(),
    };
    let (site_ref, place_ref) = (&site, &place);
    let again = |state_of_form: FormState, status: StatusCode| async move {
        match render(state, site_ref, place_ref, slug, Some(&state_of_form)).await {
            Some(served) => respond(state, &served, hit.headers, status),
            None => not_found(),
        }
    };
    if let Some(problem) =
        token_problem(state, &site.id, fields.get("t").map_or("", String::as_str))
    {
        state_of_form
            .errors
            .insert("form".into(), vec![problem.into()]);
        return again(state_of_form, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    if let Err(e) = state
        .limits
        .signups
        .check(&format!("{ip} {}", site.workspace_id))
        .await
    {
        let message = match e {
            AppError::RateLimited { .. } => {
                "Too many messages from your network. Please try again in a minute.".to_owned()
            }
            other => other.to_string(),
        };
        state_of_form.errors.insert("form".into(), vec![message]);
        return again(state_of_form, StatusCode::TOO_MANY_REQUESTS).await;
    }
    let mut values = Vec::new();
    let (mut email, mut name) = (String::new(), None);
    // What the contact record has no field for (phone, message, the rest) goes on its timeline.
    let mut details = Vec::new();
    for (i, item) in form.items.iter().enumerate() {
        let key = field_name(i);
        let value = fields
            .get(&key)
            .map(|v| v.trim().to_owned())
            .unwrap_or_default();
        let max = if item.extra == "message" { 5000 } else { 300 };
        let problem = if value.is_empty() {
            (item.required || item.extra == "email").then_some("Fill this in.")
        } else if value.chars().count() > max {
            Some(if max == 300 {
                "Keep it to 300 characters."
            } else {
                "Keep it to 5000 characters."
            })
        } else if item.extra == "email" {
            email = normalize_email(&value);
            email_problem(&email)
        } else {
            None
        };
        if let Some(p) = problem {
            state_of_form.errors.insert(key, vec![p.into()]);
        }
        if item.extra == "name" && !value.is_empty() && name.is_none() {
            name = Some(value.clone());
        } else if item.extra != "email" && !value.is_empty() {
            details.push(format!("{}: {value}", item.title));
        }
        values.push((item.title.clone(), value));
    }
    if !state_of_form.errors.is_empty() {
        return again(state_of_form, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let doc = SubmissionDoc {
        id: new_id(),
        workspace_id: site.workspace_id.clone(),
        site_id: site.id.clone(),
        page: page_title.clone(),
        section_id: form.id.clone(),
        form: form.heading.clone(),
        email: email.clone(),
        values,
        at: state.clock.now(),
    };
    if let Err(e) = keep(
        state,
        &site,
        &doc,
        name.as_deref(),
        &details.join(" · "),
        ip,
    )
    .await
    {
        tracing::error!(error = %e, "site form submission not kept");
        state_of_form.errors.insert(
            "form".into(),
            vec!["Your message could not be sent. Please try again.".into()],
        );
        return again(state_of_form, StatusCode::SERVICE_UNAVAILABLE).await;
    }
    if let Some(page) = site.published.as_ref().and_then(|c| c.page(slug)) {
        let ids = (site.workspace_id.as_str(), site.id.as_str());
        super::public::count(state, ids, &page.id, super::public::SUBMIT, hit).await;
    }
    thanks
}

/// Stores the submission, makes the sender a contact (what the contact has no field for on
/// its timeline entry) and tells the owners.
async fn keep(
    state: &AppState,
    site: &SiteDoc,
    doc: &SubmissionDoc,
    name: Option<&str>,
    details: &str,
    ip: &str,
) -> Result<(), AppError> {
    submissions(&state.db).insert_one(doc).await?;
    let mut summary = format!("Sent the form on {} · {}", site.name, doc.page);
    if !details.is_empty() {
        // The timeline shows a line, not the whole message: the submissions list has it all.
        let short: String = details.chars().take(300).collect();
        let more = if short.len() < details.len() {
            "…"
        } else {
            ""
        };
        summary.push_str(&format!(": {short}{more}"));
    }
    let capture = Capture {
        workspace_id: &site.workspace_id,
        email: &doc.email,
        name,
        source: "form",
        kind: "site.form_submitted",
        summary: &summary,
        ip: Some(ip),
    };
    if let Some(intake) = state.contact_intake() {
        intake.capture(state, capture).await?;
    }
    state.contact_event(ContactEvent::Captured(capture)).await?;
    notify(state, site, doc).await;
    Ok(())
}

/// Emails the workspace's owners the message. A message that cannot be mailed is still kept.
async fn notify(state: &AppState, site: &SiteDoc, doc: &SubmissionDoc) {
    let owners = match workspaces::service::members::owners_of(&state.db, &site.workspace_id).await
    {
        Ok(o) => o,
        Err(e) => {
            tracing::warn!(error = %e, "form owners not found");
            return;
        }
    };
    let link = format!(
        "{}/app/{}/sites/{}/submissions",
        state.config.base_url,
        workspaces::service::workspaces::get(state, &WorkspaceScope::system(&site.workspace_id))
            .await
            .map(|w| w.handle)
            .unwrap_or_default(),
        site.id
    );
    let lines: String = doc
        .values
        .iter()
        .map(|(k, v)| format!("{k}: {v}\n"))
        .collect();
    let rows: String = doc
        .values
        .iter()
        .map(|(k, v)| {
            format!(
                "<p><strong>{}</strong><br>{}</p>",
                app_core::text::escape_html(k),
                app_core::text::escape_html(v).replace('\n', "<br>")
            )
        })
        .collect();
    for owner in owners {
        let email = Email {
            to: owner.email.clone(),
            subject: format!("New message from {} on {}", doc.email, site.name),
            text: format!(
                "{} sent the form on {} · {}:\n\n{lines}\nAll messages: {link}\n",
                doc.email, site.name, doc.page
            ),
            html: platform::mailer::html(
                &owner.name,
                &format!(
                    "{} sent the form on {} · {}:</p>{rows}<p>",
                    app_core::text::escape_html(&doc.email),
                    app_core::text::escape_html(&site.name),
                    app_core::text::escape_html(&doc.page)
                ),
                &link,
                "See all messages",
                "You get this because you own the workspace.",
            ),
        };
        if let Err(e) = state.send_email(email).await {
            tracing::warn!(error = %e, "form notification not sent");
        }
    }
}
