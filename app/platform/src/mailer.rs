//! Outgoing email over SMTP (lettre). In development every message is also kept in the
//! `dev_mailbox` collection, shown at `/dev/mailbox`.

use super::config::{AppEnv, Config};
use super::db::Db;
use super::jobs::{Enqueue, JobKind};
use super::state::AppState;
use app_core::error::AppError;
use futures_util::future::BoxFuture;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use mongodb::bson::{self, doc, DateTime, Document};

/// One message to send (also the payload of a [`SEND_EMAIL`] job).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Email {
    /// Recipient address.
    pub to: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub text: String,
    /// HTML body.
    pub html: String,
}

/// Who a message is from when not the platform's own address: a workspace's verified domain
/// (its own From, DKIM-signed), or its reply address.
#[derive(Default)]
pub struct Sender {
    /// The From mailbox (`Name <news@example.com>`); the platform's `MAIL_FROM` when `None`.
    pub from: Option<Mailbox>,
    /// Where replies go.
    pub reply_to: Option<Mailbox>,
    /// Signs each message for the From domain.
    pub dkim: Option<lettre::message::dkim::DkimConfig>,
}

/// The app's mail sender.
#[derive(Clone)]
pub struct Mailer {
    transport: Option<AsyncSmtpTransport<Tokio1Executor>>,
    campaign: Vec<(CampaignServer, AsyncSmtpTransport<Tokio1Executor>)>,
    from: Mailbox,
    dev_mailbox: Option<Db>,
}

/// An SMTP server campaigns go out through, as senders pick one: its name and its provider's
/// caps (`CAMPAIGN_SMTP_URLS`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignServer {
    /// `host:port`.
    pub name: String,
    /// The most messages in any hour, if capped.
    pub per_hour: Option<u32>,
    /// The most messages in any day, if capped.
    pub per_day: Option<u32>,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("smtp", &self.transport.is_some())
            .field("from", &self.from.to_string())
            .finish()
    }
}

/// Connections kept open to each SMTP server, and so the messages a campaign sends at once (half
/// a batch): on a connection each message waits for the server's answer (tens of milliseconds),
/// so lettre's default of 10 held campaigns near 300 a second with the CPU mostly idle.
pub const SMTP_CONNECTIONS: u32 = 50;

/// An SMTP client of `url` keeping up to [`SMTP_CONNECTIONS`] connections.
fn smtp_client(
    url: &str,
) -> Result<AsyncSmtpTransport<Tokio1Executor>, lettre::transport::smtp::Error> {
    let pool = lettre::transport::smtp::PoolConfig::new().max_size(SMTP_CONNECTIONS);
    Ok(AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?
        .pool_config(pool)
        .build())
}

/// The development mailbox collection.
pub const DEV_MAILBOX: &str = "dev_mailbox";

impl Mailer {
    /// Builds the SMTP client from `SMTP_URL` (e.g. `smtp://127.0.0.1:1025`,
    /// `smtps://user:pass@smtp.example.com`); connects lazily.
    pub fn from_config(config: &Config, db: &Db) -> Result<Self, String> {
        let transport = match &config.smtp_url {
            Some(url) => {
                Some(smtp_client(url.expose()).map_err(|e| format!("SMTP_URL is invalid: {e}"))?)
            }
            None => None,
        };
        let mut campaign = Vec::new();
        for server in &config.email.campaign_smtp {
            let transport = smtp_client(server.url.expose())
                .map_err(|e| format!("CAMPAIGN_SMTP_URLS: {}: {e}", server.name))?;
            let about = CampaignServer {
                name: server.name.clone(),
                per_hour: server.per_hour,
                per_day: server.per_day,
            };
            campaign.push((about, transport));
        }
        let from: Mailbox = config
            .mail_from
            .parse()
            .map_err(|e| format!("MAIL_FROM is invalid: {e}"))?;
        Ok(Mailer {
            transport,
            campaign,
            from,
            dev_mailbox: (config.env == AppEnv::Development).then(|| db.clone()),
        })
    }

    /// Whether mail can leave this server (SMTP configured, or the development mailbox).
    pub fn is_available(&self) -> bool {
        self.transport.is_some() || self.dev_mailbox.is_some()
    }

    /// Sends `email`; `Unavailable` when SMTP is not configured or refuses the message.
    pub async fn send(&self, email: Email) -> Result<(), AppError> {
        self.send_with_headers(email, &[]).await
    }

    /// Sends `email` with more header lines (`List-Unsubscribe` on bulk mail), as
    /// [`Mailer::send`] does.
    pub async fn send_with_headers(
        &self,
        email: Email,
        headers: &[(&'static str, String)],
    ) -> Result<(), AppError> {
        self.send_as(email, headers, &Sender::default()).await
    }

    /// Sends `email` with more header lines from `sender`, as [`Mailer::send`] does.
    pub async fn send_as(
        &self,
        email: Email,
        headers: &[(&'static str, String)],
        sender: &Sender,
    ) -> Result<(), AppError> {
        self.send_through(self.transport.as_ref(), email, headers, sender, None)
            .await
    }

    /// Sends `email` with an iCalendar event (`ics`, attached as `invite.ics`) that mail
    /// clients offer to add to a calendar, as [`Mailer::send`] does.
    pub async fn send_invite(&self, email: Email, ics: String) -> Result<(), AppError> {
        let sender = Sender::default();
        self.send_through(self.transport.as_ref(), email, &[], &sender, Some(ics))
            .await
    }

    /// The SMTP servers campaigns go out through, by number; empty when they share `SMTP_URL`.
    pub fn campaign_servers(&self) -> Vec<CampaignServer> {
        self.campaign
            .iter()
            .map(|(about, _)| about.clone())
            .collect()
    }

    /// Sends campaign mail through campaign server number `server` (`None`, or a number out of
    /// range: through `SMTP_URL`), as [`Mailer::send_as`] does.
    pub async fn send_campaign(
        &self,
        server: Option<usize>,
        email: Email,
        headers: &[(&'static str, String)],
        sender: &Sender,
    ) -> Result<(), AppError> {
        let transport = server
            .and_then(|i| self.campaign.get(i))
            .map(|(_, t)| t)
            .or(self.transport.as_ref());
        self.send_through(transport, email, headers, sender, None)
            .await
    }

    async fn send_through(
        &self,
        transport: Option<&AsyncSmtpTransport<Tokio1Executor>>,
        email: Email,
        headers: &[(&'static str, String)],
        sender: &Sender,
        ics: Option<String>,
    ) -> Result<(), AppError> {
        if let Some(db) = &self.dev_mailbox {
            let entry = doc! {
                "to": &email.to, "subject": &email.subject, "text": &email.text,
                "sent_at": DateTime::now(),
            };
            if let Err(e) = db
                .collection::<Document>(DEV_MAILBOX)
                .insert_one(entry)
                .await
            {
                tracing::warn!(error = %e, "could not record email in the dev mailbox");
            }
        }
        let Some(transport) = transport else {
            if self.dev_mailbox.is_some() {
                tracing::info!(to = %email.to, subject = %email.subject, "email kept in /dev/mailbox (no SMTP_URL)");
                return Ok(());
            }
            return Err(not_configured());
        };
        let to = mailbox(&email.to)?;
        let mut builder = Message::builder()
            .from(sender.from.clone().unwrap_or_else(|| self.from.clone()))
            .to(to)
            .subject(&email.subject);
        if let Some(reply_to) = &sender.reply_to {
            builder = builder.reply_to(reply_to.clone());
        }
        for (name, value) in headers {
            let name = HeaderName::new_from_ascii_str(name);
            builder = builder.raw_header(HeaderValue::new(name, value.clone()));
        }
        let body = MultiPart::alternative()
            .singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_PLAIN)
                    .body(email.text),
            )
            .singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_HTML)
                    .body(email.html),
            );
        let body = match ics {
            Some(ics) => {
                let kind = ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH")
                    .map_err(|_| AppError::Internal)?;
                MultiPart::mixed()
                    .multipart(body)
                    .singlepart(Attachment::new("invite.ics".into()).body(ics, kind))
            }
            None => body,
        };
        let mut message = builder.multipart(body).map_err(|e| {
            tracing::error!(error = %e, "could not build email");
            AppError::Internal
        })?;
        if let Some(dkim) = &sender.dkim {
            message.sign(dkim);
        }
        transport.send(message).await.map(|_| ()).map_err(|e| {
            tracing::warn!(error = %e, "SMTP send failed");
            // A refusal of the mailbox or the message (550–554) is this message's failure;
            // anything else is the server's (a 500–504 says the conversation went wrong, as on a
            // pooled connection a killed send left half-way), and the send is tried again later.
            let refused = e
                .status()
                .is_some_and(|code| (550..=554).contains(&u16::from(code)));
            if e.is_permanent() && refused {
                AppError::invalid("to", "The mail server refused this address.")
            } else {
                AppError::Unavailable {
                    service: "Email".into(),
                }
            }
        })
    }
}

/// Every email the app sends goes through this job: a refused or unreachable SMTP server is
/// retried with backoff, and a message that never left shows as a dead job to admins. A crash
/// between sending and recording it sends the message twice, which is the lesser harm.
pub const SEND_EMAIL: JobKind = JobKind {
    name: "send_email",
    run: send_job,
    max_attempts: 8,
};

fn send_job<'a>(state: &'a AppState, payload: &'a Document) -> BoxFuture<'a, Result<(), String>> {
    Box::pin(async move {
        let field = |name: &str| {
            payload
                .get_str(name)
                .map(str::to_owned)
                .map_err(|e| e.to_string())
        };
        let email = Email {
            to: field("to")?,
            subject: field("subject")?,
            text: field("text")?,
            html: field("html")?,
        };
        let sent = match payload.get_str("ics") {
            Ok(ics) => state.mailer.send_invite(email, ics.to_owned()).await,
            Err(_) => state.mailer.send(email).await,
        };
        sent.map_err(|e| match e {
            AppError::Unavailable { service } => format!("{service} is unavailable"),
            other => other.to_string(),
        })
    })
}

impl AppState {
    /// Queues `email` for sending (see [`SEND_EMAIL`]). Refuses at once, with the same errors as
    /// sending would, when mail cannot leave this server or the address is not one.
    pub async fn send_email(&self, email: Email) -> Result<(), AppError> {
        self.queue_email(email, None).await
    }

    /// Queues `email` with the iCalendar event `ics` attached, as [`AppState::send_email`]
    /// does.
    pub async fn send_invite(&self, email: Email, ics: String) -> Result<(), AppError> {
        self.queue_email(email, Some(ics)).await
    }

    async fn queue_email(&self, email: Email, ics: Option<String>) -> Result<(), AppError> {
        if !self.mailer.is_available() {
            return Err(not_configured());
        }
        mailbox(&email.to)?;
        let mut payload = bson::to_document(&email).map_err(|_| AppError::Internal)?;
        if let Some(ics) = ics {
            payload.insert("ics", ics);
        }
        self.jobs
            .enqueue(SEND_EMAIL.name, payload, Enqueue::default())
            .await
            .map(|_| ())
    }
}

/// Mail cannot leave this server.
fn not_configured() -> AppError {
    AppError::Unavailable {
        service: "Email (SMTP_URL is not configured)".into(),
    }
}

/// `to` as an SMTP mailbox, or the field error a person sees.
fn mailbox(to: &str) -> Result<Mailbox, AppError> {
    to.parse()
        .map_err(|_| AppError::invalid("email", "Enter a valid email address."))
}

/// A plain transactional email body: a greeting, `intro`, a button to `link`, then `outro`.
pub fn html(name: &str, intro: &str, link: &str, button: &str, outro: &str) -> String {
    format!(
        "<!DOCTYPE html><html><body style=\"font-family:system-ui,sans-serif;line-height:1.5;color:#1b1a22\">\
         <p>Hi {name},</p><p>{intro}</p>\
         <p><a href=\"{link}\" style=\"display:inline-block;padding:12px 20px;background:#6d4aff;color:#fff;border-radius:8px;text-decoration:none;font-weight:600\">{button}</a></p>\
         <p style=\"color:#5c5a6b;font-size:14px\">{outro}<br>Or paste this address into your browser: {link}</p>\
         </body></html>",
        name = app_core::text::escape_html(name),
        link = app_core::text::escape_html(link),
    )
}
