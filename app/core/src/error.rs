//! The one error type every server function returns and every screen knows how to show.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Field name → messages, in a stable order so forms render deterministically.
pub type FieldMessages = BTreeMap<String, Vec<String>>;

/// What went wrong, in terms a caller can act on. Internal causes are logged on the server and
/// never serialised: the variants carry only what the user may see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case", from = "Wire")]
pub enum AppError {
    /// Input broke a rule; forms show each message next to the named field.
    #[error("Please correct the highlighted fields.")]
    Validation { fields: FieldMessages },
    /// No valid session: the caller must sign in first.
    #[error("Please sign in to continue.")]
    Unauthorized,
    /// Signed in, but the caller's role does not allow this action.
    #[error("You do not have permission to do that.")]
    Forbidden,
    /// The thing does not exist or is not visible to this caller (deliberately the same answer).
    #[error("{what} was not found.")]
    NotFound { what: String },
    /// The request clashes with existing data, e.g. a unique handle already taken.
    #[error("{message}")]
    Conflict {
        field: Option<String>,
        message: String,
    },
    /// The workspace's plan does not allow more; `upgrade` names the way out.
    #[error("Your plan allows {allowed} {limit}. {upgrade}")]
    LimitReached {
        limit: String,
        allowed: u64,
        upgrade: String,
    },
    /// The workspace's plan does not include a feature; `upgrade` names the way out.
    #[error("Your plan does not include {feature}. {upgrade}")]
    FeatureNotIncluded { feature: String, upgrade: String },
    /// Too many attempts in a short time (or, for daily allowances, in a day).
    #[error("Too many attempts. Try again in {}.", wait_text(.retry_after_secs))]
    RateLimited { retry_after_secs: u64 },
    /// A dependency (database, email, payments…) is down; retrying later will work.
    #[error("{service} is unavailable right now. Please try again shortly.")]
    Unavailable { service: String },
    /// Anything unexpected; the cause was logged with the request id.
    #[error("Something went wrong on our side. Please try again.")]
    Internal,
    /// The call failed before or after our code ran (network, encoding), from server_fn.
    #[error("Could not reach Mewayz: {message}")]
    Transport { message: String },
}

/// `AppError` as it is read: the kind and every variant's fields side by side. The same JSON as
/// the derived, internally tagged form, read as one flat struct: serde reads a tagged enum by
/// buffering the object and then trying each variant, which made this one type 20 KB of the
/// browser's first download (every screen reads it).
#[derive(Deserialize)]
struct Wire {
    kind: Kind,
    #[serde(default)]
    fields: FieldMessages,
    #[serde(default)]
    what: String,
    #[serde(default)]
    field: Option<String>,
    #[serde(default)]
    message: String,
    #[serde(default)]
    limit: String,
    #[serde(default)]
    allowed: u64,
    #[serde(default)]
    upgrade: String,
    #[serde(default)]
    feature: String,
    #[serde(default)]
    retry_after_secs: u64,
    #[serde(default)]
    service: String,
}

/// The variants' names on the wire.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Validation,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    LimitReached,
    FeatureNotIncluded,
    RateLimited,
    Unavailable,
    Internal,
    Transport,
}

impl From<Wire> for AppError {
    fn from(w: Wire) -> Self {
        match w.kind {
            Kind::Validation => AppError::Validation { fields: w.fields },
            Kind::Unauthorized => AppError::Unauthorized,
            Kind::Forbidden => AppError::Forbidden,
            Kind::NotFound => AppError::NotFound { what: w.what },
            Kind::Conflict => AppError::Conflict {
                field: w.field,
                message: w.message,
            },
            Kind::LimitReached => AppError::LimitReached {
                limit: w.limit,
                allowed: w.allowed,
                upgrade: w.upgrade,
            },
            Kind::FeatureNotIncluded => AppError::FeatureNotIncluded {
                feature: w.feature,
                upgrade: w.upgrade,
            },
            Kind::RateLimited => AppError::RateLimited {
                retry_after_secs: w.retry_after_secs,
            },
            Kind::Unavailable => AppError::Unavailable { service: w.service },
            Kind::Internal => AppError::Internal,
            Kind::Transport => AppError::Transport { message: w.message },
        }
    }
}

/// A wait in words: "40 seconds", "5 minutes", "3 hours".
fn wait_text(secs: &u64) -> String {
    let secs = *secs;
    let (n, unit) = match secs {
        0..=90 => (secs.max(1), "second"),
        91..=5400 => (secs.div_ceil(60), "minute"),
        _ => (secs.div_ceil(3600), "hour"),
    };
    crate::text::count(n, unit, &format!("{unit}s"))
}

impl AppError {
    /// A validation error for a single field.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        let mut fields = FieldMessages::new();
        fields.insert(field.to_owned(), vec![message.into()]);
        AppError::Validation { fields }
    }

    /// A validation error with every (field, message) of `problems`, messages of one field in
    /// order.
    pub fn invalid_fields<F: Into<String>, M: Into<String>>(
        problems: impl IntoIterator<Item = (F, M)>,
    ) -> Self {
        let mut fields = FieldMessages::new();
        for (field, message) in problems {
            fields.entry(field.into()).or_default().push(message.into());
        }
        AppError::Validation { fields }
    }

    /// The HTTP status that describes this error.
    pub fn status_code(&self) -> http::StatusCode {
        use http::StatusCode as S;
        match self {
            AppError::Validation { .. } => S::UNPROCESSABLE_ENTITY,
            AppError::Unauthorized => S::UNAUTHORIZED,
            AppError::Forbidden => S::FORBIDDEN,
            AppError::NotFound { .. } => S::NOT_FOUND,
            AppError::Conflict { .. } => S::CONFLICT,
            AppError::LimitReached { .. } | AppError::FeatureNotIncluded { .. } => {
                S::PAYMENT_REQUIRED
            }
            AppError::RateLimited { .. } => S::TOO_MANY_REQUESTS,
            AppError::Unavailable { .. } => S::SERVICE_UNAVAILABLE,
            AppError::Internal => S::INTERNAL_SERVER_ERROR,
            AppError::Transport { .. } => S::BAD_GATEWAY,
        }
    }

    /// Messages that belong next to `field` in a form: validation messages for it, or a conflict
    /// that names it. Everything else is shown as a toast or banner instead.
    pub fn field_messages(&self, field: &str) -> Vec<String> {
        match self {
            AppError::Validation { fields } => fields.get(field).cloned().unwrap_or_default(),
            AppError::Conflict {
                field: Some(f),
                message,
            } if f == field => vec![message.clone()],
            _ => Vec::new(),
        }
    }

    /// Whether the form should show this error beside its fields rather than as a toast.
    pub fn is_field_level(&self) -> bool {
        matches!(
            self,
            AppError::Validation { .. } | AppError::Conflict { field: Some(_), .. }
        )
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport {
            message: value.to_string(),
        }
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::AppError;

    /// MongoDB's code for a unique index violation.
    const DUPLICATE_KEY: i32 = 11000;

    impl From<mongodb::error::Error> for AppError {
        fn from(err: mongodb::error::Error) -> Self {
            use mongodb::error::{ErrorKind, WriteFailure};
            let duplicate = match err.kind.as_ref() {
                ErrorKind::Write(WriteFailure::WriteError(w)) => w.code == DUPLICATE_KEY,
                ErrorKind::InsertMany(e) => e
                    .write_errors
                    .iter()
                    .flatten()
                    .any(|w| w.code == DUPLICATE_KEY),
                _ => false,
            };
            if duplicate {
                // Services that know which field is unique map this to a precise message first.
                return AppError::Conflict {
                    field: None,
                    message: "That already exists.".into(),
                };
            }
            if matches!(
                err.kind.as_ref(),
                ErrorKind::ServerSelection { .. }
                    | ErrorKind::Io(_)
                    | ErrorKind::ConnectionPoolCleared { .. }
            ) {
                tracing::warn!(error = %err, "database unavailable");
                return AppError::Unavailable {
                    service: "The database".into(),
                };
            }
            tracing::error!(error = %err, "database error");
            AppError::Internal
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_the_server_fn_encoding() {
        let err = AppError::invalid("email", "Enter a valid email address.");
        let back = AppError::de(err.ser());
        assert_eq!(back, err);
        assert_eq!(
            back.field_messages("email"),
            vec!["Enter a valid email address."]
        );
        assert!(back.field_messages("name").is_empty());
    }

    #[test]
    fn every_kind_reads_back_as_it_was_written() {
        let every = [
            AppError::invalid_fields([("a", "one"), ("a", "two"), ("b", "three")]),
            AppError::Unauthorized,
            AppError::Forbidden,
            AppError::NotFound {
                what: "That contact".into(),
            },
            AppError::Conflict {
                field: None,
                message: "Taken.".into(),
            },
            AppError::Conflict {
                field: Some("handle".into()),
                message: "That handle is taken.".into(),
            },
            AppError::LimitReached {
                limit: "contacts".into(),
                allowed: 500,
                upgrade: "Upgrade to Pro.".into(),
            },
            AppError::FeatureNotIncluded {
                feature: "custom domains".into(),
                upgrade: "Upgrade to Pro.".into(),
            },
            AppError::RateLimited {
                retry_after_secs: 42,
            },
            AppError::Unavailable {
                service: "Email".into(),
            },
            AppError::Internal,
            AppError::Transport {
                message: "offline".into(),
            },
        ];
        for err in every {
            let wire = err.ser();
            assert_eq!(AppError::de(wire.clone()), err, "{wire:?}");
        }
    }

    #[test]
    fn garbage_from_the_wire_becomes_a_transport_error() {
        let back = AppError::de("<html>502 Bad Gateway</html>".into());
        assert!(matches!(back, AppError::Transport { .. }), "{back:?}");
    }

    #[test]
    fn conflicts_on_a_field_show_next_to_it() {
        let err = AppError::Conflict {
            field: Some("handle".into()),
            message: "That handle is taken.".into(),
        };
        assert!(err.is_field_level());
        assert_eq!(err.field_messages("handle"), vec!["That handle is taken."]);
        assert_eq!(err.status_code(), http::StatusCode::CONFLICT);
    }

    #[test]
    fn waits_read_in_the_largest_sensible_unit() {
        let wait = |s| {
            AppError::RateLimited {
                retry_after_secs: s,
            }
            .to_string()
        };
        assert_eq!(wait(1), "Too many attempts. Try again in 1 second.");
        assert_eq!(wait(59), "Too many attempts. Try again in 59 seconds.");
        assert_eq!(wait(600), "Too many attempts. Try again in 10 minutes.");
        assert_eq!(wait(82_800), "Too many attempts. Try again in 23 hours.");
    }

    #[test]
    fn internal_errors_say_nothing_about_the_cause() {
        let json = String::from_utf8(AppError::Internal.ser().to_vec()).unwrap();
        assert_eq!(json, r#"{"kind":"internal"}"#);
        assert_eq!(AppError::Internal.status_code(), 500);
    }
}
