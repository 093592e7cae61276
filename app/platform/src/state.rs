//! The state every request handler and server function reads: built once in `server`.

use super::assets::Assets;
use super::clock::Clock;
use super::config::Config;
use super::db::Db;
use super::events::{self, EventBuffer};
use super::jobs::Jobs;
use super::mailer::Mailer;
use super::module::{CheckoutEvent, ContactEvent, ContactIntake, Module, PlanRules, Services};
use super::rate_limit::Limits;
use app_core::error::AppError;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use std::sync::Arc;

/// Shared application state, cloned for every request (by each middleware and handler): one
/// reference count, whatever it holds. Its fields are [`Shared`]'s.
#[derive(Clone, Debug)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// Changing a field copies the state first, for this holder only (tests serve with other assets).
impl std::ops::DerefMut for AppState {
    fn deref_mut(&mut self) -> &mut Shared {
        Arc::make_mut(&mut self.0)
    }
}

/// What the app shares. External services join it as clients built from [`Config`], each with a
/// configurable base URL so tests can point them at local fakes.
#[derive(Clone, Debug)]
pub struct Shared {
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
    /// Outgoing email; send through [`AppState::send_email`].
    pub mailer: Mailer,
    /// The background job queue.
    pub jobs: Jobs,
    /// What visitors do, on its way to the database.
    pub events: Arc<EventBuffer>,
    /// Uploaded files.
    pub media: super::media::Media,
    /// Whether other replicas' cache invalidations reach this one.
    pub feed: Arc<super::invalidate::Feed>,
    /// Request limits, counted in the database across replicas.
    pub limits: Arc<Limits>,
    /// The modules, as they described themselves.
    pub modules: Arc<[Module]>,
    /// The modules' own services, reached through each module's accessor.
    pub services: Arc<Services>,
}

impl AppState {
    /// Assembles the state for `modules`; contacts no external service.
    pub async fn new(
        config: Config,
        leptos_options: LeptosOptions,
        modules: Vec<Module>,
    ) -> Result<Self, String> {
        let db = Db::connect(&config.mongodb_uri, &config.mongodb_db)
            .await
            .map_err(|e| format!("MONGODB_URI is unusable: {e}"))?;
        let mailer = Mailer::from_config(&config, &db)?;
        let assets = Arc::new(Assets::load(&leptos_options));
        let mut services = Services::default();
        for m in &modules {
            (m.services)(&config, &db, &mut services)?;
        }
        let clock = Clock::default();
        let limits = Arc::new(Limits::new(&db, &clock, config.auth_rate_limit));
        let kinds = modules.iter().flat_map(|m| m.jobs.iter().copied());
        let schedules = modules.iter().flat_map(|m| m.schedules.iter().copied());
        let jobs = Jobs::new(
            &db,
            &clock,
            kinds.chain([
                super::mailer::SEND_EMAIL,
                events::ROLLUP,
                events::PRUNE,
                super::media::THUMBNAIL,
            ]),
            schedules.chain([events::PRUNE_DAILY]),
        )?;
        let buffer = EventBuffer::new(&db, &jobs, events::SAMPLE_PER_SECOND, events::CAPACITY);
        let media = super::media::Media::from_config(&config, &db, &clock)?;
        Ok(AppState(Arc::new(Shared {
            leptos_options,
            config: Arc::new(config),
            db,
            assets,
            clock,
            mailer,
            jobs,
            events: Arc::new(buffer),
            media,
            feed: Arc::default(),
            limits,
            modules: modules.into(),
            services: Arc::new(services),
        })))
    }

    /// The service of type `T` its module stored, if any.
    pub fn service<T: std::any::Any + Send + Sync>(&self) -> Option<&T> {
        self.services.get::<T>()
    }

    /// The plan rules, if a module decides them (none in a build without billing: no limits).
    pub fn plan_rules(&self) -> Option<&'static dyn PlanRules> {
        self.modules.iter().find_map(|m| m.plan_rules)
    }

    /// Where captured visitors become contacts, if a module keeps contacts (none in a build
    /// without the CRM: the capturing module keeps its own record only).
    pub fn contact_intake(&self) -> Option<&'static dyn ContactIntake> {
        self.modules.iter().find_map(|m| m.contact_intake)
    }

    /// Hands a one-off payment's outcome to every module that opens payments; the first
    /// failure is returned after all ran (the webhook then asks Stripe to deliver it again).
    pub async fn checkout_event(&self, event: CheckoutEvent<'_>) -> Result<(), AppError> {
        let mut first = Ok(());
        for on in self.modules.iter().filter_map(|m| m.on_checkout) {
            if let Err(e) = on(self, event).await {
                if first.is_ok() {
                    first = Err(e);
                }
            }
        }
        first
    }

    /// Hands `event` to every module that acts on contact events; each runs even when another
    /// failed, and the first failure is returned.
    pub async fn contact_event(&self, event: ContactEvent<'_>) -> Result<(), AppError> {
        let mut first = Ok(());
        for (name, on) in self
            .modules
            .iter()
            .filter_map(|m| Some((m.name, m.on_contact?)))
        {
            if let Err(e) = on(self, event).await {
                tracing::warn!(module = name, error = %e, "a contact event failed");
                if first.is_ok() {
                    first = Err(e);
                }
            }
        }
        first
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
