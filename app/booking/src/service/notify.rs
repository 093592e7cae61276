//! The emails a booking sends, each with the session as an iCalendar event: the visitor's
//! confirmation (with the link to cancel or move it) and the host's notice, the same pair when
//! it is cancelled or moved, and the visitor's reminders.

use super::manage::manage_url;
use super::public_form::when;
use super::store::{Booking, ServiceDoc};
use app_core::error::AppError;
use app_core::text::escape_html as escape;
use platform::mailer::Email;
use platform::AppState;

/// What happened to a booking, for its emails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Booked.
    Booked,
    /// Cancelled (by the visitor or a member).
    Cancelled,
    /// Moved to a new time (this booking is the new one).
    Moved,
}

impl Change {
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Change::Booked => ("Booked", "You're booked:"),
            Change::Cancelled => ("Cancelled", "This booking is cancelled:"),
            Change::Moved => ("Moved", "Your booking has moved to a new time:"),
        }
    }
}

fn place(s: &ServiceDoc) -> String {
    let c = &s.settings;
    match c.location_detail.as_str() {
        "" => c.location_label().to_owned(),
        d => format!("{}: {d}", c.location_label()),
    }
}

fn body(greeting: &str, lines: &[String], link: Option<&str>) -> (String, String) {
    let mut text = format!("{greeting}\n\n{}\n", lines.join("\n"));
    let mut html = format!(
        "<!DOCTYPE html><html><body style=\"font-family:system-ui,sans-serif;line-height:1.5\"><p>{}</p><p>{}</p>",
        escape(greeting),
        lines.iter().map(|l| escape(l)).collect::<Vec<_>>().join("<br>")
    );
    if let Some(link) = link {
        text.push_str(&format!("\nNeed to cancel or move it? {link}\n"));
        html.push_str(&format!(
            "<p><a href=\"{}\">Cancel or move this booking</a></p>",
            escape(link)
        ));
    }
    html.push_str("</body></html>");
    (text, html)
}

/// Queues the email `subject` with its `(text, html)` bodies to `to` (with the event `ics`
/// attached when given). Mail that cannot leave this server (no SMTP configured) is logged, not
/// an error: what it tells is in the app too.
pub async fn send(
    state: &AppState,
    (to, subject): (&str, String),
    (text, html): (String, String),
    ics: Option<&str>,
) -> Result<(), AppError> {
    let mail = Email {
        to: to.to_owned(),
        subject: subject.clone(),
        text,
        html,
    };
    let queued = match ics {
        Some(ics) => state.send_invite(mail, ics.to_owned()).await,
        None => state.send_email(mail).await,
    };
    match queued {
        Err(AppError::Unavailable { service }) => {
            tracing::warn!(%service, %to, %subject, "booking email not sent");
            Ok(())
        }
        other => other,
    }
}

/// Booking `b`'s host (if still a user) and its calendar event.
async fn host_and_event(
    state: &AppState,
    s: &ServiceDoc,
    b: &Booking,
) -> Result<(Option<identity::service::users::User>, String), AppError> {
    let host = identity::service::users::by_id(&state.db, &b.host_id).await?;
    let name = host.as_ref().map(|h| h.name.as_str()).unwrap_or_default();
    let ics = super::ics::event(s, b, name);
    Ok((host, ics))
}

/// Queues the visitor's and the host's email about `change` to booking `b`, and its writing to
/// (or removal from) the host's Google Calendar. Mail that cannot leave (no SMTP configured)
/// does not undo the booking: it is logged, and the owner sees the booking in the app.
pub async fn tell(
    state: &AppState,
    s: &ServiceDoc,
    b: &Booking,
    change: Change,
) -> Result<(), AppError> {
    let c = &s.settings;
    let (tag, intro) = change.words();
    let write = if change == Change::Cancelled {
        "delete"
    } else {
        "insert"
    };
    super::gcal::sync(state, b, write).await?;
    let (host, ics) = host_and_event(state, s, b).await?;
    let lines = [c.name.clone(), when(b), place(s)];
    let link = (change != Change::Cancelled).then(|| manage_url(state, &b.id));
    let (text, html) = body(
        &format!("Hi {}, {}", b.name, intro.to_lowercase()),
        &lines,
        link.as_deref(),
    );
    let subject = format!("{tag}: {}", c.name);
    send(state, (&b.email, subject), (text, html), Some(&ics)).await?;
    if let Some(host) = host {
        let who = format!("{} ({})", b.name, b.email);
        let mut lines = lines.to_vec();
        lines.extend(
            b.answers
                .iter()
                .filter(|(_, a)| !a.is_empty())
                .map(|(q, a)| format!("{q} {a}")),
        );
        let (text, html) = body(&format!("{who}: {}", intro.to_lowercase()), &lines, None);
        let subject = format!("{tag}: {} with {}", c.name, b.name);
        send(state, (&host.email, subject), (text, html), Some(&ics)).await?;
    }
    Ok(())
}

/// Queues the visitor's reminder of booking `b`, `hours` before it.
pub async fn remind(
    state: &AppState,
    s: &ServiceDoc,
    b: &Booking,
    hours: i64,
) -> Result<(), AppError> {
    let c = &s.settings;
    let soon = if hours >= 24 { "tomorrow" } else { "soon" };
    let lines = [c.name.clone(), when(b), place(s)];
    let link = manage_url(state, &b.id);
    let (text, html) = body(
        &format!("Hi {}, a reminder of your booking {soon}:", b.name),
        &lines,
        Some(&link),
    );
    let subject = format!("Reminder: {} {soon}", c.name);
    let (_, ics) = host_and_event(state, s, b).await?;
    send(state, (&b.email, subject), (text, html), Some(&ics)).await
}

/// Tells the visitor of `b` and its host that a payment came too late to keep the time, which
/// someone else took meanwhile, and whether it was `refunded` or is still owed.
pub async fn refund(
    state: &AppState,
    s: &ServiceDoc,
    b: &Booking,
    refunded: bool,
) -> Result<(), AppError> {
    let c = &s.settings;
    let lines = [c.name.clone(), when(b)];
    let outcome = if refunded {
        "Your payment has been refunded."
    } else {
        "You will be refunded."
    };
    let (text, html) = body(
        &format!("Hi {}, your payment arrived after we could hold this time, and someone else has booked it since. We are sorry. {outcome}", b.name),
        &lines,
        None,
    );
    let tag = if refunded { "refunded" } else { "refund due" };
    let subject = format!("Not booked: {} ({tag})", c.name);
    send(state, (&b.email, subject), (text, html), None).await?;
    if let Some(host) = identity::service::users::by_id(&state.db, &b.host_id).await? {
        let done = if refunded {
            "It was refunded automatically."
        } else {
            "Please refund them in Stripe"
        };
        let text = format!(
            "{} <{}> paid for {} at {} after the hold ran out, and the time was taken. {done} (session {}).",
            b.name,
            b.email,
            c.name,
            when(b),
            b.checkout_id.clone().unwrap_or_default()
        );
        let html = body(&text, &[], None).1;
        let subject = format!("Not booked, {tag}: {} for {}", c.name, b.name);
        send(state, (&host.email, subject), (text, html), None).await?;
    }
    Ok(())
}
