//! The Stripe client (async-stripe), built from configuration. Its API base is configurable, so
//! tests and `make test` point it at the local fake in `end2end/fakes/stripe.mjs`.

use app_core::error::AppError;
use platform::config::{Secret, StripeConfig};
use std::sync::Arc;
use std::time::Duration;
use stripe::StripeError;

/// Stripe as the app uses it: the API client and the webhook signing secret.
pub struct Payments {
    /// The API client.
    pub client: stripe::Client,
    webhook_secret: Secret,
}

impl std::fmt::Debug for Payments {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Payments(…)")
    }
}

impl Payments {
    /// Builds the client when payments are configured; contacts nothing.
    pub fn from_config(config: Option<&StripeConfig>) -> Result<Option<Arc<Self>>, String> {
        let Some(config) = config else {
            return Ok(None);
        };
        let client = stripe::ClientBuilder::new(config.secret_key.expose())
            .url(config.api_base.clone())
            .timeout(Duration::from_secs(20))
            .app_info("mewayz", Some(env!("CARGO_PKG_VERSION").into()), None)
            .build()
            .map_err(|e| format!("Stripe client: {e}"))?;
        Ok(Some(Arc::new(Payments {
            client,
            webhook_secret: config.webhook_secret.clone(),
        })))
    }

    /// The secret webhook signatures are made with.
    pub fn webhook_secret(&self) -> &str {
        self.webhook_secret.expose()
    }
}

/// The payments client, when this server has Stripe configured.
pub fn of(state: &platform::AppState) -> Option<Arc<Payments>> {
    state.service::<Arc<Payments>>().cloned()
}

/// The payments client, or the error the UI shows when this server has none.
pub fn require(state: &platform::AppState) -> Result<Arc<Payments>, AppError> {
    of(state).ok_or_else(|| AppError::Unavailable {
        service: "Payments (STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are not set)".into(),
    })
}

/// Turns a Stripe failure into what a caller can act on. Card and request problems Stripe
/// explains are shown as they are; anything else is logged and reported as an outage.
pub fn failure(err: StripeError) -> AppError {
    match &err {
        StripeError::Stripe(e, status) if (400..500).contains(status) && *status != 401 => {
            tracing::warn!(error = %err, "Stripe refused a request");
            AppError::Conflict {
                field: None,
                message: e
                    .message
                    .clone()
                    .unwrap_or_else(|| "The payment provider refused the request.".into()),
            }
        }
        _ => {
            tracing::error!(error = %err, "Stripe request failed");
            AppError::Unavailable {
                service: "Payments".into(),
            }
        }
    }
}
