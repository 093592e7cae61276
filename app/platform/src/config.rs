//! Typed configuration read from the environment. Every variable is documented in `.env.example`.

use std::fmt;
use std::time::Duration;

#[path = "config_services.rs"]
mod services;
pub use services::{
    EmailConfig, GoogleConfig, MediaConfig, S3Config, SitesConfig, SmtpServer, StripeConfig,
};

/// Where the app runs; decides defaults and what the UI may reveal (e.g. the dev mailbox).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppEnv {
    /// A developer's machine: `make dev`.
    Development,
    /// The test harness: `make test`.
    Test,
    /// A deployment serving real users.
    Production,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable, coloured when on a terminal.
    Pretty,
    /// One JSON object per line, for log collectors.
    Json,
}

/// A secret value: never printed, not even by `{:?}`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// The secret's value, for the one place that needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// The whole configuration of one server process.
#[derive(Debug, Clone)]
pub struct Config {
    /// `APP_ENV`: development, test or production.
    pub env: AppEnv,
    /// `APP_BASE_URL`: the public origin, used in emailed links and to decide on Secure cookies.
    pub base_url: String,
    /// The origin of `base_url` as browsers write it in `Origin` (`https://app.example`).
    pub base_origin: String,
    /// The host name of `base_url` (`app.example`): requests for other hosts are sites' domains.
    pub base_host: String,
    /// `MONGODB_URI`: connection string of the MongoDB deployment.
    pub mongodb_uri: String,
    /// `MONGODB_DB`: database name inside that deployment.
    pub mongodb_db: String,
    /// `APP_SECRET`: key material for signing tokens and cookies (at least 32 characters).
    pub app_secret: Secret,
    /// `SHUTDOWN_GRACE_SECS`: how long in-flight requests may finish after SIGTERM.
    pub shutdown_grace: Duration,
    /// `LOG_FORMAT`: pretty or json.
    pub log_format: LogFormat,
    /// `SMTP_URL`: where email goes, e.g. `smtps://user:pass@smtp.example.com`. Optional: without
    /// it, email features say so (development keeps mail in `/dev/mailbox`).
    pub smtp_url: Option<Secret>,
    /// `MAIL_FROM`: the sender of every email, e.g. `Mewayz <hello@mewayz.com>`.
    pub mail_from: String,
    /// `TRUSTED_PROXY_HOPS`: how many proxies we run in front of the app, each appending to
    /// `X-Forwarded-For`; the client is that many entries from the right. 0: the peer address.
    pub trusted_proxy_hops: usize,
    /// `AUTH_RATE_LIMIT_PER_MINUTE`: attempts per client IP per auth action per minute.
    pub auth_rate_limit: u32,
    /// `ADMIN_EMAILS`: comma-separated emails of platform admins (they must also turn on MFA).
    pub admin_emails: Vec<String>,
    /// Google sign-in (`GOOGLE_ISSUER_URL`, `GOOGLE_CLIENT_ID`, `GOOGLE_CLIENT_SECRET`); `None`
    /// unless both the id and the secret are set.
    pub google: Option<GoogleConfig>,
    /// Payments (`STRIPE_SECRET_KEY`, `STRIPE_WEBHOOK_SECRET`, `STRIPE_PUBLISHABLE_KEY`,
    /// `STRIPE_API_BASE`); `None` unless the secret key and the webhook secret are both set.
    pub stripe: Option<StripeConfig>,
    /// `BILLING_GRACE_DAYS`: how long paid features stay usable after a failed payment.
    pub billing_grace_days: u32,
    /// `EVENTS_RETENTION_DAYS`: how long raw visitor events are kept (their daily and hourly
    /// sums stay for good).
    pub events_retention_days: u32,
    /// Where uploads are kept (`MEDIA_*`).
    pub media: MediaConfig,
    /// Bounce notifications and sending-domain checks (see [`EmailConfig`]).
    pub email: EmailConfig,
    /// Sites' custom domains (see [`SitesConfig`]).
    pub sites: SitesConfig,
}

/// Why the environment could not be turned into a [`Config`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConfigError {
    /// Required variables that are not set.
    pub missing: Vec<&'static str>,
    /// Variables that are set but unusable, with the reason.
    pub invalid: Vec<(&'static str, String)>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.missing.is_empty() {
            write!(
                f,
                "missing required environment variables: {}",
                self.missing.join(", ")
            )?;
        }
        for (i, (name, why)) in self.invalid.iter().enumerate() {
            if i > 0 || !self.missing.is_empty() {
                f.write_str("; ")?;
            }
            write!(f, "{name} is invalid: {why}")?;
        }
        f.write_str(" (see .env.example)")
    }
}

impl std::error::Error for ConfigError {}

/// Used only by debug builds so `make dev` works with nothing set; release builds refuse it.
const DEV_SECRET: &str = "development-only-secret-never-used-in-release-builds";
const DEV_MONGODB_URI: &str = "mongodb://127.0.0.1:27017/?directConnection=true";
const DEV_BASE_URL: &str = "http://127.0.0.1:3000";

impl Config {
    /// Reads the process environment. Release builds are strict: required secrets have no default.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|k| std::env::var(k).ok(), !cfg!(debug_assertions))
    }

    /// Builds a config from any variable source. `strict` demands every required variable, as a
    /// release build does; otherwise development defaults fill the gaps.
    pub fn from_lookup(
        lookup: impl Fn(&str) -> Option<String>,
        strict: bool,
    ) -> Result<Self, ConfigError> {
        let get = |k: &str| {
            lookup(k)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let mut err = ConfigError::default();

        let mut required = |name: &'static str, dev_default: &str| match get(name) {
            Some(v) => v,
            None if strict => {
                err.missing.push(name);
                String::new()
            }
            None => dev_default.to_owned(),
        };
        let mongodb_uri = required("MONGODB_URI", DEV_MONGODB_URI);
        let app_secret = required("APP_SECRET", DEV_SECRET);
        let base_url = required("APP_BASE_URL", DEV_BASE_URL);

        let env = match get("APP_ENV").as_deref() {
            None if strict => AppEnv::Production,
            None => AppEnv::Development,
            Some("development") => AppEnv::Development,
            Some("test") => AppEnv::Test,
            Some("production") => AppEnv::Production,
            Some(other) => {
                err.invalid.push((
                    "APP_ENV",
                    format!("`{other}` is not one of development, test, production"),
                ));
                AppEnv::Development
            }
        };
        if !app_secret.is_empty() && app_secret.len() < 32 {
            err.invalid
                .push(("APP_SECRET", "must be at least 32 characters".into()));
        }
        if strict && app_secret == DEV_SECRET {
            err.invalid
                .push(("APP_SECRET", "is the development secret".into()));
        }
        let is_http = |u: &str| u.starts_with("http://") || u.starts_with("https://");
        let base_origin = url::Url::parse(&base_url)
            .ok()
            .filter(|u| is_http(&base_url) && u.host().is_some())
            .map(|u| u.origin().ascii_serialization());
        if !base_url.is_empty() && base_origin.is_none() {
            err.invalid.push((
                "APP_BASE_URL",
                "must be an http:// or https:// address, like https://app.example.com".into(),
            ));
        }
        let is_mongo = |u: &str| u.starts_with("mongodb://") || u.starts_with("mongodb+srv://");
        if !mongodb_uri.is_empty() && !is_mongo(&mongodb_uri) {
            err.invalid.push((
                "MONGODB_URI",
                "must start with mongodb:// or mongodb+srv://".into(),
            ));
        }
        let shutdown_grace = match get("SHUTDOWN_GRACE_SECS").map(|v| v.parse::<u64>()) {
            None => Duration::from_secs(20),
            Some(Ok(s)) => Duration::from_secs(s),
            Some(Err(_)) => {
                err.invalid.push((
                    "SHUTDOWN_GRACE_SECS",
                    "must be a whole number of seconds".into(),
                ));
                Duration::ZERO
            }
        };
        let log_format = match get("LOG_FORMAT").as_deref() {
            None if env == AppEnv::Production => LogFormat::Json,
            None | Some("pretty") => LogFormat::Pretty,
            Some("json") => LogFormat::Json,
            Some(other) => {
                err.invalid.push((
                    "LOG_FORMAT",
                    format!("`{other}` is not one of pretty, json"),
                ));
                LogFormat::Pretty
            }
        };

        // The old switch trusted the client's own entry; say what replaced it rather than guess.
        if matches!(get("TRUST_PROXY").as_deref(), Some("true" | "1")) {
            err.invalid.push((
                "TRUST_PROXY",
                "was replaced by TRUSTED_PROXY_HOPS: the number of proxies in front of the app \
                 (1 behind one load balancer or ingress)"
                    .into(),
            ));
        }
        let trusted_proxy_hops = match get("TRUSTED_PROXY_HOPS").map(|v| v.parse::<usize>()) {
            None => 0,
            Some(Ok(n)) if n <= 10 => n,
            Some(_) => {
                err.invalid.push((
                    "TRUSTED_PROXY_HOPS",
                    "must be a whole number from 0 to 10".into(),
                ));
                0
            }
        };
        let auth_rate_limit = match get("AUTH_RATE_LIMIT_PER_MINUTE").map(|v| v.parse::<u32>()) {
            None => 30,
            Some(Ok(n)) if n > 0 => n,
            Some(_) => {
                err.invalid.push((
                    "AUTH_RATE_LIMIT_PER_MINUTE",
                    "must be a positive whole number".into(),
                ));
                30
            }
        };
        let smtp_url = get("SMTP_URL");
        if let Some(url) = &smtp_url {
            if !(url.starts_with("smtp://") || url.starts_with("smtps://")) {
                err.invalid
                    .push(("SMTP_URL", "must start with smtp:// or smtps://".into()));
            }
        }

        let google = match (get("GOOGLE_CLIENT_ID"), get("GOOGLE_CLIENT_SECRET")) {
            (Some(client_id), Some(secret)) => Some(GoogleConfig {
                issuer_url: get("GOOGLE_ISSUER_URL")
                    .unwrap_or_else(|| "https://accounts.google.com".into()),
                client_id,
                client_secret: Secret(secret),
                api_base: get("GOOGLE_API_BASE")
                    .unwrap_or_else(|| "https://www.googleapis.com".into())
                    .trim_end_matches('/')
                    .to_owned(),
            }),
            (None, None) => None,
            _ => {
                err.invalid.push((
                    "GOOGLE_CLIENT_ID",
                    "and GOOGLE_CLIENT_SECRET must be set together".into(),
                ));
                None
            }
        };

        let media = services::media(&get, &mut err);

        let stripe = match (get("STRIPE_SECRET_KEY"), get("STRIPE_WEBHOOK_SECRET")) {
            (Some(secret_key), Some(webhook_secret)) => {
                let api_base =
                    get("STRIPE_API_BASE").unwrap_or_else(|| "https://api.stripe.com/".into());
                if !is_http(&api_base) {
                    err.invalid.push((
                        "STRIPE_API_BASE",
                        "must start with http:// or https://".into(),
                    ));
                }
                Some(StripeConfig {
                    secret_key: Secret(secret_key),
                    webhook_secret: Secret(webhook_secret),
                    publishable_key: get("STRIPE_PUBLISHABLE_KEY").unwrap_or_default(),
                    api_base: format!("{}/", api_base.trim_end_matches('/')),
                })
            }
            (None, None) => None,
            _ => {
                err.invalid.push((
                    "STRIPE_SECRET_KEY",
                    "and STRIPE_WEBHOOK_SECRET must be set together".into(),
                ));
                None
            }
        };

        let billing_grace_days = match get("BILLING_GRACE_DAYS").map(|v| v.parse::<u32>()) {
            None => 7,
            Some(Ok(n)) if n <= 60 => n,
            Some(_) => {
                err.invalid.push((
                    "BILLING_GRACE_DAYS",
                    "must be a whole number of days from 0 to 60".into(),
                ));
                7
            }
        };

        let events_retention_days = match get("EVENTS_RETENTION_DAYS").map(|v| v.parse::<u32>()) {
            None => 90,
            Some(Ok(n)) if (1..=3650).contains(&n) => n,
            Some(_) => {
                err.invalid.push((
                    "EVENTS_RETENTION_DAYS",
                    "must be a whole number of days from 1 to 3650".into(),
                ));
                90
            }
        };

        let email = services::email(&get, &mut err);
        let sites = services::sites(&get, &mut err);

        if !err.missing.is_empty() || !err.invalid.is_empty() {
            return Err(err);
        }
        Ok(Config {
            env,
            base_url: base_url.trim_end_matches('/').to_owned(),
            base_host: crate::request::host_name(base_origin.as_deref().unwrap_or_default()),
            base_origin: base_origin.unwrap_or_default(),
            mongodb_uri,
            mongodb_db: get("MONGODB_DB").unwrap_or_else(|| "mewayz".into()),
            app_secret: Secret(app_secret),
            shutdown_grace,
            log_format,
            smtp_url: smtp_url.map(Secret),
            mail_from: get("MAIL_FROM").unwrap_or_else(|| "Mewayz <no-reply@mewayz.local>".into()),
            trusted_proxy_hops,
            auth_rate_limit,
            admin_emails: get("ADMIN_EMAILS")
                .map(|v| {
                    v.split(',')
                        .map(|e| e.trim().to_lowercase())
                        .filter(|e| !e.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
            google,
            stripe,
            billing_grace_days,
            events_retention_days,
            media,
            email,
            sites,
        })
    }

    /// Whether cookies must carry `Secure` (the public origin is https).
    pub fn secure_cookies(&self) -> bool {
        self.base_url.starts_with("https://")
    }
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
