//! How a module describes itself to the server, once: its indexes, what it counts against plan
//! limits, its plain routes and its own services. `server` assembles the list; nothing below a
//! module names it.

use super::config::Config;
use super::db::Db;
use super::indexes::CollectionIndexes;
use super::state::AppState;
use app_core::error::AppError;
use axum::Router;
use futures_util::future::BoxFuture;
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::Arc;

/// Counts what one workspace (by id) uses of a plan limit.
pub type Count = for<'a> fn(&'a AppState, &'a str) -> BoxFuture<'a, Result<u64, AppError>>;

/// One plan limit a module counts, such as `contacts`.
#[derive(Clone, Copy)]
pub struct UsageCounter {
    /// The limit's key (one of billing's `LIMITS`).
    pub limit: &'static str,
    /// How to count a workspace's use of it.
    pub count: Count,
}

/// One module: everything the server needs to know about it.
#[derive(Clone, Copy)]
pub struct Module {
    /// Its name, for logs.
    pub name: &'static str,
    /// The indexes of its collections, created at start-up.
    pub indexes: fn() -> Vec<CollectionIndexes>,
    /// The plan limits it counts.
    pub usage: &'static [UsageCounter],
    /// Its plain axum routes (webhooks, uploads, public pages), merged into the router.
    pub routes: fn() -> Router<AppState>,
    /// Builds its own services from the configuration and puts them in `services`.
    pub services: fn(&Config, &Db, &mut Services) -> Result<(), String>,
    /// The plan rules, from the one module that decides them (billing).
    pub plan_rules: Option<&'static dyn PlanRules>,
}

impl Module {
    /// A module with nothing to declare yet but its name; fill in what it has.
    pub const fn named(name: &'static str) -> Self {
        Module {
            name,
            indexes: Vec::new,
            usage: &[],
            routes: Router::new,
            services: |_, _, _| Ok(()),
            plan_rules: None,
        }
    }
}

impl std::fmt::Debug for Module {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Module").field("name", &self.name).finish()
    }
}

/// Plan limits and features, decided by billing and checked by modules below it too (a
/// workspace's seats): declared here so no module names the one above it.
pub trait PlanRules: Send + Sync {
    /// Refuses with `LimitReached` when `in_use` already meets the workspace plan's `limit`.
    fn check_limit<'a>(
        &'a self,
        state: &'a AppState,
        workspace_id: &'a str,
        limit: &'a str,
        in_use: u64,
    ) -> BoxFuture<'a, Result<(), AppError>>;

    /// Refuses with `FeatureNotIncluded` unless the workspace's plan includes `feature`.
    fn require_feature<'a>(
        &'a self,
        state: &'a AppState,
        workspace_id: &'a str,
        feature: &'a str,
    ) -> BoxFuture<'a, Result<(), AppError>>;
}

/// Modules' own services (a Stripe client, a page cache), each stored once under its type, so
/// the shared state carries them without platform naming them.
#[derive(Clone, Default)]
pub struct Services(HashMap<TypeId, Arc<dyn Any + Send + Sync>>);

impl Services {
    /// Stores `service`, replacing one of the same type.
    pub fn insert<T: Any + Send + Sync>(&mut self, service: T) {
        self.0.insert(TypeId::of::<T>(), Arc::new(service));
    }

    /// The service of type `T`, if its module stored one (optional services are absent when not
    /// configured).
    pub fn get<T: Any + Send + Sync>(&self) -> Option<&T> {
        self.0.get(&TypeId::of::<T>())?.downcast_ref()
    }
}

impl std::fmt::Debug for Services {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Services")
            .field("count", &self.0.len())
            .finish()
    }
}
