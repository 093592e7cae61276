//! Server-only plumbing: configuration, state, database, security headers.

pub mod api;
pub mod assets;
pub mod clock;
pub mod config;
pub mod db;
pub mod dns;
pub mod encoded;
pub mod events;
pub mod indexes;
pub mod invalidate;
pub mod jobs;
pub mod mailer;
pub mod media;
pub mod module;
pub mod public_page;
pub mod rate_limit;
pub mod request;
pub mod security;
pub mod send_caps;
pub mod state;

pub use config::{AppEnv, Config};
pub use db::Db;
pub use module::{
    Access, Capture, CheckoutEvent, ContactEvent, ContactIntake, HomePart, IsolationRow, Module,
    OnCheckout, OnContact, PlanRules, ServeHost, Services, UsageCounter,
};
pub use state::AppState;
