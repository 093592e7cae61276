//! The state every request handler and server function reads: built once in `server`.

use super::assets::Assets;
use super::clock::Clock;
use super::config::Config;
use super::db::Db;
use super::mailer::Mailer;
use super::rate_limit::Limits;
use crate::billing::service::payments::Payments;
use crate::identity::service::google::Google;
use crate::identity::service::passwords::PasswordHasher;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use std::sync::Arc;

/// Shared, cheaply cloneable application state. External services join it as clients built
/// from [`Config`], each with a configurable base URL so tests can point them at local fakes.
#[derive(Clone, Debug)]
pub struct AppState {
    /// Leptos' site options (site root, pkg dir, output name).
    pub leptos_options: LeptosOptions,
    /// Configuration read from the environment.
    pub config: Arc<Config>,
    /// The application database.
    pub db: Db,
    /// Names of the built static assets.
    pub assets: Arc<Assets>,
    /// The time, adjustable in tests.
    pub clock: Clock,
    /// Outgoing email.
    pub mailer: Mailer,
    /// Request limits, counted in the database across replicas.
    pub limits: Arc<Limits>,
    /// Password hashing off the async runtime, with bounded concurrency.
    pub passwords: PasswordHasher,
    /// Google sign-in, when configured.
    pub google: Option<Arc<Google>>,
    /// Stripe, when payments are configured.
    pub payments: Option<Arc<Payments>>,
    /// Recently read public bio pages and today's visitor salt.
    pub bio_cache: Arc<crate::bio::service::cache::BioCache>,
}

impl AppState {
    /// Assembles the state; contacts no external service.
    pub async fn new(config: Config, leptos_options: LeptosOptions) -> Result<Self, String> {
        let db = Db::connect(&config.mongodb_uri, &config.mongodb_db)
            .await
            .map_err(|e| format!("MONGODB_URI is unusable: {e}"))?;
        let mailer = Mailer::from_config(&config, &db)?;
        let assets = Arc::new(Assets::load(&leptos_options));
        let google = Google::from_config(config.google.as_ref())?;
        let payments = Payments::from_config(config.stripe.as_ref())?;
        let clock = Clock::default();
        let limits = Arc::new(Limits::new(&db, &clock, config.auth_rate_limit));
        Ok(AppState {
            leptos_options,
            config: Arc::new(config),
            db,
            assets,
            clock,
            mailer,
            limits,
            passwords: PasswordHasher::new(),
            google,
            payments,
            bio_cache: Arc::default(),
        })
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
