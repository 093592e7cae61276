//! Server-only plumbing: configuration, state, database, security headers.

pub mod admin;
pub mod api;
pub mod assets;
pub mod clock;
pub mod config;
pub mod db;
pub mod indexes;
pub mod mailer;
pub mod rate_limit;
pub mod request;
pub mod scope;
pub mod security;
pub mod state;

pub use config::{AppEnv, Config};
pub use db::Db;
pub use scope::WorkspaceScope;
pub use state::AppState;
