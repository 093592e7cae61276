//! The identity emails: plain text first, with a simple HTML twin.

use app_core::text::escape_html as escape;
use platform::mailer::{html, Email};

/// "Confirm your email" with a link valid for 48 hours.
pub fn verify_email(to: &str, name: &str, link: &str) -> Email {
    let intro = "Confirm your email address to finish setting up Mewayz.";
    let outro =
        "The link works once and expires in 48 hours. If you did not sign up, ignore this email.";
    Email {
        to: to.to_owned(),
        subject: "Confirm your email for Mewayz".into(),
        text: format!("Hi {name},\n\n{intro}\n\n{link}\n\n{outro}\n"),
        html: html(name, intro, link, "Confirm email", outro),
    }
}

/// "Reset your password" with a link valid for 30 minutes.
pub fn reset_password(to: &str, name: &str, link: &str) -> Email {
    let intro = "Someone asked to reset the password of your Mewayz account. If it was you, choose a new password:";
    let outro = "The link works once and expires in 30 minutes. If you did not ask for this, ignore this email: your password stays the same.";
    Email {
        to: to.to_owned(),
        subject: "Reset your Mewayz password".into(),
        text: format!("Hi {name},\n\n{intro}\n\n{link}\n\n{outro}\n"),
        html: html(name, intro, link, "Choose a new password", outro),
    }
}

/// "Confirm your new email" sent to the new address.
pub fn confirm_new_email(to: &str, name: &str, link: &str) -> Email {
    let intro = "Confirm this address to make it the email of your Mewayz account.";
    let outro = "The link works once and expires in 24 hours. Until then your account keeps its current email.";
    Email {
        to: to.to_owned(),
        subject: "Confirm your new email for Mewayz".into(),
        text: format!("Hi {name},\n\n{intro}\n\n{link}\n\n{outro}\n"),
        html: html(name, intro, link, "Confirm new email", outro),
    }
}

/// A notice to the old address that the account's email changed.
pub fn email_changed(to: &str, name: &str, new_email: &str) -> Email {
    let text = format!(
        "Hi {name},\n\nThe email of your Mewayz account was changed to {new_email}. If you did not do this, reset your password right away and contact us.\n"
    );
    Email {
        to: to.to_owned(),
        subject: "Your Mewayz email was changed".into(),
        html: format!(
            "<!DOCTYPE html><html><body><p>{}</p></body></html>",
            escape(&text).replace("\n", "<br>")
        ),
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped_in_html() {
        let e = verify_email(
            "a@example.com",
            "<script>",
            "https://x/verify-email?token=t",
        );
        assert!(e.html.contains("&lt;script&gt;"));
        assert!(e.text.contains("https://x/verify-email?token=t"));
    }
}
