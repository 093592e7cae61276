//! Identity types shared by the server and the browser, and the input rules both enforce.

use app_core::error::{AppError, FieldMessages};
use serde::{Deserialize, Serialize};

/// Shortest accepted password (OWASP ASVS 5.0: at least 8; we ask for 10).
pub const PASSWORD_MIN: usize = 10;
/// Longest accepted password; long enough for passphrases, short enough to bound hashing cost.
pub const PASSWORD_MAX: usize = 128;
/// Longest display name.
pub const NAME_MAX: usize = 80;
/// Longest email address (RFC 5321 path limit).
pub const EMAIL_MAX: usize = 254;

/// The signed-in person, as screens show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserView {
    /// User id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Email address.
    pub email: String,
    /// Whether the address has been confirmed.
    pub email_verified: bool,
    /// Listed in `ADMIN_EMAILS` with a confirmed address: may open `/admin` (once two-step
    /// verification is on).
    pub platform_admin: bool,
}

/// One entry of the account's security log, for the security screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecurityEventView {
    /// What happened, e.g. `password.changed`, `google.linked_unverified`.
    pub kind: String,
    /// One sentence for people.
    pub summary: String,
    /// The address the change came from.
    pub ip: String,
    /// When, RFC 3339 UTC.
    pub at: String,
}

/// One signed-in device, for the security screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    /// Session id (not a credential).
    pub id: String,
    /// "Chrome on Android" and the like.
    pub device: String,
    /// Last known IP address.
    pub ip: String,
    /// When it signed in, RFC 3339 UTC.
    pub created_at: String,
    /// When it was last used, RFC 3339 UTC.
    pub last_seen_at: String,
    /// Whether it is the session making this request.
    pub current: bool,
}

/// What enrolling an authenticator app needs to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MfaSetup {
    /// The secret as a key to type (base32).
    pub manual_key: String,
    /// The `otpauth://` URI the QR code encodes.
    pub otpauth_url: String,
    /// The QR code as an SVG data URL.
    pub qr_svg: String,
}

/// Two-step verification state of the account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MfaStatus {
    /// Whether a code is asked for at log-in.
    pub enabled: bool,
    /// Unused recovery codes.
    pub recovery_codes_left: u32,
}

/// Sign-in methods besides email and password that this server has configured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthProviders {
    /// "Continue with Google" (needs GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET).
    pub google: bool,
}

/// The message for a `?error=` code the sign-in redirects carry.
pub fn sign_in_error(code: &str) -> Option<&'static str> {
    Some(match code {
        "google_failed" => {
            "Google sign-in did not work. Try again, or log in with your email and password."
        }
        "google_cancelled" => "Google sign-in was cancelled.",
        "google_unverified" => {
            "Google has not verified that email address. Log in with your password instead."
        }
        "google_unavailable" => "Google sign-in is not set up on this server.",
        "rate_limited" => "Too many sign-in attempts from here. Try again in a minute.",
        _ => return None,
    })
}

/// Lower-cased, trimmed email: the form used for uniqueness and look-ups.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Why `email` is not a usable address, if it is not.
pub fn email_problem(email: &str) -> Option<&'static str> {
    let email = email.trim();
    if email.is_empty() {
        return Some("Enter your email address.");
    }
    if email.len() > EMAIL_MAX {
        return Some("That email address is too long.");
    }
    // Spreadsheets run a cell starting with these as a formula when a list is exported.
    if email.starts_with(['=', '+', '-', '@']) {
        return Some("An email address cannot start with =, +, - or @.");
    }
    let Some((local, domain)) = email.rsplit_once('@') else {
        return Some("Enter a valid email address, like name@example.com.");
    };
    let valid = !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    (!valid).then_some("Enter a valid email address, like name@example.com.")
}

/// Why `password` is not acceptable by length, if it is not. (The common-password check runs on
/// the server, where the list lives.)
pub fn password_problem(password: &str) -> Option<String> {
    let n = password.chars().count();
    if n < PASSWORD_MIN {
        return Some(format!("Use at least {PASSWORD_MIN} characters."));
    }
    if n > PASSWORD_MAX {
        return Some(format!("Use at most {PASSWORD_MAX} characters."));
    }
    None
}

/// Why `name` is not acceptable, if it is not.
pub fn name_problem(name: &str) -> Option<String> {
    let name = name.trim();
    if name.is_empty() {
        return Some("Enter your name.".into());
    }
    if name.chars().count() > NAME_MAX {
        return Some(format!("Use at most {NAME_MAX} characters."));
    }
    None
}

/// Collects per-field problems into one validation error.
#[derive(Default)]
pub struct Problems(FieldMessages);

impl Problems {
    /// Records `message` against `field` when there is one.
    pub fn check(&mut self, field: &str, message: Option<impl Into<String>>) -> &mut Self {
        if let Some(m) = message {
            self.0.entry(field.to_owned()).or_default().push(m.into());
        }
        self
    }

    /// `Ok` when nothing was recorded.
    pub fn into_result(self) -> Result<(), AppError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(AppError::Validation { fields: self.0 })
        }
    }
}

/// A short description of a browser from its user agent, for people to recognise their devices.
pub fn describe_device(user_agent: &str) -> String {
    let ua = user_agent;
    let browser = if ua.contains("Edg/") {
        "Edge"
    } else if ua.contains("Firefox/") {
        "Firefox"
    } else if ua.contains("Chrome/") || ua.contains("Chromium/") {
        "Chrome"
    } else if ua.contains("Safari/") {
        "Safari"
    } else {
        "A browser"
    };
    let os = if ua.contains("Android") {
        "Android"
    } else if ua.contains("iPhone") || ua.contains("iPad") {
        "iOS"
    } else if ua.contains("Mac OS X") {
        "macOS"
    } else if ua.contains("Windows") {
        "Windows"
    } else if ua.contains("Linux") {
        "Linux"
    } else {
        "an unknown system"
    };
    format!("{browser} on {os}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_rules() {
        assert_eq!(email_problem("anna@example.com"), None);
        assert_eq!(email_problem("  Anna@Example.COM "), None);
        assert!(email_problem("").is_some());
        assert!(email_problem("anna").is_some());
        assert!(email_problem("anna@localhost").is_some());
        assert!(email_problem("an na@example.com").is_some());
        assert!(email_problem("@example.com").is_some());
        for formula in [
            "=1+1@x.example",
            "+cmd@x.example",
            "-2@x.example",
            "@a@x.example",
        ] {
            assert_eq!(
                email_problem(formula),
                Some("An email address cannot start with =, +, - or @."),
                "{formula}"
            );
        }
        assert_eq!(normalize_email("  Anna@Example.COM "), "anna@example.com");
    }

    #[test]
    fn password_length_counts_characters_not_bytes() {
        assert!(password_problem("short").is_some());
        assert!(password_problem("ééééééééé").is_some());
        assert_eq!(password_problem("éééééééééé"), None);
        assert!(password_problem(&"x".repeat(129)).is_some());
    }

    #[test]
    fn problems_group_by_field() {
        let mut p = Problems::default();
        p.check("email", email_problem("nope"))
            .check("name", name_problem("Anna"));
        let err = p.into_result().unwrap_err();
        assert_eq!(err.field_messages("email").len(), 1);
        assert!(err.field_messages("name").is_empty());
    }

    #[test]
    fn devices_are_described_in_words() {
        let pixel = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36";
        assert_eq!(describe_device(pixel), "Chrome on Android");
        assert_eq!(describe_device(""), "A browser on an unknown system");
    }
}

/// How many jobs of one kind are in one status, for `/admin/jobs`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobCount {
    /// The job kind (`send_email`, `billing.grace_ended`).
    pub kind: String,
    /// `queued`, `running`, `failed`, `done` or `dead`.
    pub status: String,
    /// How many.
    pub count: u64,
}

/// A job that failed its last attempt, waiting for an admin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadJob {
    /// Job id.
    pub id: String,
    /// Its kind.
    pub kind: String,
    /// Why its last attempt failed.
    pub error: String,
    /// Attempts made.
    pub attempts: u32,
    /// When it died, RFC 3339.
    pub died_at: String,
}

/// The queue as `/admin/jobs` shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobsOverview {
    /// Counts by kind and status (only the non-zero ones).
    pub counts: Vec<JobCount>,
    /// The latest dead jobs.
    pub dead: Vec<DeadJob>,
}
