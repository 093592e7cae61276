//! Bounces and complaints from the mail provider: `POST /webhooks/email/postmark` (Postmark's
//! bounce and spam-complaint webhooks, behind HTTP Basic with `EMAIL_WEBHOOK_TOKEN`) and
//! `POST /webhooks/email/ses` (Amazon SES notifications through an SNS subscription, signed by
//! SNS). A permanent bounce or a complaint suppresses the address; soft bounces change nothing.
//! The workspace comes from the metadata each campaign message carries (`X-PM-Metadata-workspace`,
//! `X-SES-MESSAGE-TAGS`).

use super::sns::{self, SnsMessage};
use super::suppressions::suppress;
use crate::model::ConsentMethod;
use axum::body::Bytes;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use http::{HeaderMap, StatusCode};
use identity::service::secrets::{mac, verify_mac};
use platform::AppState;
use serde_json::Value;

/// One address to suppress, as a notification reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// The address.
    pub email: String,
    /// A bounce or a complaint.
    pub reason: ConsentMethod,
    /// What the provider said.
    pub detail: String,
    /// The workspace whose message it was, when the notification says.
    pub workspace: Option<String>,
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

/// The addresses to suppress in a Postmark webhook body: hard bounces and spam complaints
/// (Postmark marks both `Inactive`); nothing for soft bounces and other records.
pub fn postmark_notices(body: &Value) -> Vec<Notice> {
    let kind = body["RecordType"].as_str().unwrap_or_default();
    let hard =
        body["Type"].as_str() == Some("HardBounce") || body["Inactive"].as_bool() == Some(true);
    let reason = match kind {
        "SpamComplaint" => ConsentMethod::Complained,
        "Bounce" if hard => ConsentMethod::Bounced,
        _ => return Vec::new(),
    };
    let email = text(&body["Email"]);
    if email.is_empty() {
        return Vec::new();
    }
    let detail = [text(&body["Description"]), text(&body["Details"])]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    vec![Notice {
        email,
        reason,
        detail,
        workspace: body["Metadata"]["workspace"].as_str().map(str::to_owned),
    }]
}

/// The addresses to suppress in an SES notification (or event): permanent bounces and
/// complaints.
pub fn ses_notices(n: &Value) -> Vec<Notice> {
    let kind = n["notificationType"]
        .as_str()
        .or_else(|| n["eventType"].as_str())
        .unwrap_or_default();
    let workspace = n["mail"]["tags"]["workspace"][0]
        .as_str()
        .map(str::to_owned);
    let (reason, recipients, detail) = match kind {
        "Bounce" if n["bounce"]["bounceType"].as_str() == Some("Permanent") => (
            ConsentMethod::Bounced,
            &n["bounce"]["bouncedRecipients"],
            format!("{} bounce", text(&n["bounce"]["bounceSubType"])),
        ),
        "Complaint" => (
            ConsentMethod::Complained,
            &n["complaint"]["complainedRecipients"],
            text(&n["complaint"]["complaintFeedbackType"]),
        ),
        _ => return Vec::new(),
    };
    recipients
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| {
            let email = r["emailAddress"].as_str()?.to_owned();
            let said = text(&r["diagnosticCode"]);
            Some(Notice {
                email,
                reason,
                detail: if said.is_empty() {
                    detail.clone()
                } else {
                    said
                },
                workspace: workspace.clone(),
            })
        })
        .collect()
}

async fn apply(state: &AppState, notices: Vec<Notice>) -> Response {
    for n in notices {
        if let Err(e) = suppress(state, n.workspace.as_deref(), &n.email, n.reason, &n.detail).await
        {
            // The provider retries a failed delivery; nothing was half-done that matters.
            tracing::warn!(error = %e, "suppressing an address failed");
            return e.status_code().into_response();
        }
    }
    StatusCode::OK.into_response()
}

/// Whether `headers` carry HTTP Basic credentials whose password is `token`, compared in
/// constant time (as MACs under the app secret).
fn basic_auth_holds(state: &AppState, headers: &HeaderMap, token: &str) -> bool {
    let Some(encoded) = headers
        .get(http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
    else {
        return false;
    };
    let Ok(decoded) = base64::engine::general_purpose::STANDARD.decode(encoded.trim()) else {
        return false;
    };
    let decoded = String::from_utf8_lossy(&decoded);
    let password = decoded.split_once(':').map_or("", |(_, p)| p);
    let secret = state.config.app_secret.expose();
    verify_mac(
        secret,
        "email.webhook",
        password,
        &mac(secret, "email.webhook", token),
    )
}

/// `POST /webhooks/email/postmark`.
pub async fn postmark(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let Some(token) = &state.config.email.token else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "EMAIL_WEBHOOK_TOKEN is not set",
        )
            .into_response();
    };
    if !basic_auth_holds(&state, &headers, token.expose()) {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let Ok(json) = serde_json::from_slice::<Value>(&body) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    apply(&state, postmark_notices(&json)).await
}

/// `POST /webhooks/email/ses`: SNS confirms the subscription first (followed once its signature
/// holds), then delivers notifications.
pub async fn ses(State(state): State<AppState>, body: Bytes) -> Response {
    let config = &state.config.email;
    if config.sns_topics.is_empty() {
        return (StatusCode::SERVICE_UNAVAILABLE, "SNS_TOPIC_ARNS is not set").into_response();
    }
    let Ok(m) = serde_json::from_slice::<SnsMessage>(&body) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    if let Err(e) = sns::verify(config, &m).await {
        return e.status_code().into_response();
    }
    match m.kind.as_str() {
        "SubscriptionConfirmation" => {
            let Some(url) = m.subscribe_url.filter(|u| sns::trusted_url(config, u)) else {
                return StatusCode::BAD_REQUEST.into_response();
            };
            match sns::fetch(&url).await {
                Ok(_) => StatusCode::OK.into_response(),
                Err(e) => e.status_code().into_response(),
            }
        }
        "Notification" => match serde_json::from_str::<Value>(&m.message) {
            Ok(n) => apply(&state, ses_notices(&n)).await,
            Err(_) => StatusCode::OK.into_response(),
        },
        _ => StatusCode::OK.into_response(),
    }
}
