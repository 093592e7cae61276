//! The identity module as the server assembles it.

use super::google::{self, Google};
use super::passwords::PasswordHasher;
use axum::routing::get;
use axum::Router;
use platform::{AppState, Config, Db, Module, Services};

/// Accounts, sessions, MFA and Google sign-in.
pub const MODULE: Module = Module {
    indexes: super::indexes,
    routes,
    services,
    isolation: super::isolation::ISOLATION,
    ..Module::named("identity")
};

fn routes() -> Router<AppState> {
    Router::new()
        .route("/auth/google", get(google::start))
        .route("/auth/google/callback", get(google::callback))
}

fn services(config: &Config, _: &Db, services: &mut Services) -> Result<(), String> {
    services.insert(PasswordHasher::new());
    if let Some(google) = Google::from_config(config.google.as_ref())? {
        services.insert(google);
    }
    Ok(())
}
