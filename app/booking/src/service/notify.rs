//! The emails a booking sends: the visitor's confirmation and the host's notice.

use super::public_form::when;
use super::store::{Booking, ServiceDoc};
use app_core::error::AppError;
use app_core::text::escape_html as escape;
use platform::mailer::Email;
use platform::AppState;

/// Queues the confirmation to the visitor and the notice to the host. Mail that cannot leave
/// (no SMTP configured) does not undo the booking: it is logged, and the owner sees the
/// booking in the app.
pub async fn booked(state: &AppState, s: &ServiceDoc, b: &Booking) -> Result<(), AppError> {
    let c = &s.settings;
    let place = match c.location_detail.as_str() {
        "" => c.location_label().to_owned(),
        d => format!("{}: {d}", c.location_label()),
    };
    let text = format!("{}\n{}\n{place}\n", c.name, when(b));
    let html = format!(
        "<!DOCTYPE html><html><body style=\"font-family:system-ui,sans-serif;line-height:1.5\">\
         <p>Hi {},</p><p>You're booked:</p><p><strong>{}</strong><br>{}<br>{}</p></body></html>",
        escape(&b.name),
        escape(&c.name),
        escape(&when(b)),
        escape(&place)
    );
    let visitor = Email {
        to: b.email.clone(),
        subject: format!("Booked: {}", c.name),
        text: format!("Hi {},\n\nYou're booked:\n\n{text}", b.name),
        html,
    };
    let host = identity::service::users::by_id(&state.db, &b.host_id).await?;
    let host_name = host.as_ref().map(|h| h.name.clone()).unwrap_or_default();
    let ics = super::ics::event(s, b, &host_name);
    let mut mails = vec![visitor];
    if let Some(host) = host {
        let text = format!("{} ({}) booked {}.\n\n{text}", b.name, b.email, c.name);
        mails.push(Email {
            to: host.email,
            subject: format!("New booking: {} with {}", c.name, b.name),
            html: format!("<pre style=\"font-family:inherit\">{}</pre>", escape(&text)),
            text,
        });
    }
    for mail in mails {
        match state.send_invite(mail, ics.clone()).await {
            Ok(()) => {}
            Err(AppError::Unavailable { service }) => {
                tracing::warn!(%service, booking = %b.id, "booking email not sent");
            }
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
