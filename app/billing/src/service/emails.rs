//! The billing emails owners receive: a failed payment, the end of its grace period, and its
//! recovery.

use app_core::text::escape_html as escape;
use mongodb::bson::DateTime;
use platform::mailer::html;
use platform::mailer::Email;

/// An email to every owner of a workspace, addressed when sent.
pub struct Message {
    subject: String,
    intro: String,
    link: String,
    button: &'static str,
    outro: String,
}

impl Message {
    /// The email for one owner.
    pub fn to(&self, email: &str, name: &str) -> Email {
        Email {
            to: email.to_owned(),
            subject: self.subject.clone(),
            text: format!(
                "Hi {name},\n\n{}\n\n{}\n\n{}\n",
                self.intro, self.link, self.outro
            ),
            html: html(
                name,
                &escape(&self.intro),
                &self.link,
                self.button,
                &self.outro,
            ),
        }
    }
}

/// "Your payment failed": paid features stay until `grace_until`.
pub fn payment_failed(workspace: &str, link: &str, grace_until: DateTime) -> Message {
    let date = grace_until
        .try_to_rfc3339_string()
        .map(|s| s[..10].to_owned())
        .unwrap_or_default();
    Message {
        subject: format!("Payment failed for {workspace}"),
        intro: format!(
            "We could not collect the latest payment for {workspace}. Everything keeps working until {date}; \
             after that, paid features become read-only until the payment goes through. Nothing is deleted."
        ),
        link: link.to_owned(),
        button: "Update payment",
        outro: "Your card will be retried automatically. You can also pay now from the billing page."
            .into(),
    }
}

/// "Paid features are paused": the grace period ended without a payment.
pub fn grace_ended(workspace: &str, link: &str) -> Message {
    Message {
        subject: format!("Paid features paused for {workspace}"),
        intro: format!(
            "The payment for {workspace} is still overdue, so its paid features are now read-only. \
             Nothing is deleted: everything comes back as soon as the payment goes through."
        ),
        link: link.to_owned(),
        button: "Update payment",
        outro: "Your card will keep being retried automatically.".into(),
    }
}

/// "Payment received": the plan is fully back.
pub fn payment_recovered(workspace: &str, link: &str) -> Message {
    Message {
        subject: format!("Payment received for {workspace}"),
        intro: format!("Thank you: the overdue payment for {workspace} went through and every feature of your plan is available again."),
        link: link.to_owned(),
        button: "Open billing",
        outro: "No action is needed.".into(),
    }
}
