//! The state every request handler and server function reads: built once in `server`.

use super::assets::Assets;
use super::config::Config;
use super::db::Db;
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
}

impl AppState {
    /// Assembles the state; contacts no external service.
    pub async fn new(
        config: Config,
        leptos_options: LeptosOptions,
    ) -> Result<Self, mongodb::error::Error> {
        let db = Db::connect(&config.mongodb_uri, &config.mongodb_db).await?;
        let assets = Arc::new(Assets::load(&leptos_options));
        Ok(AppState {
            leptos_options,
            config: Arc::new(config),
            db,
            assets,
        })
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
