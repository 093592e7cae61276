//! Server-only plumbing: configuration, state, database, security headers.

pub mod assets;
pub mod config;
pub mod db;
pub mod indexes;
pub mod security;
pub mod state;

pub use config::{AppEnv, Config};
pub use db::Db;
pub use state::AppState;
