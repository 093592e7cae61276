//! How a module describes itself to the server, once: its indexes, what it counts against plan
//! limits, its plain routes, its own services, its background jobs and who may call each of its
//! server functions.
//! `server` assembles the list; nothing below a module names it.

use super::config::Config;
use super::db::Db;
use super::indexes::CollectionIndexes;
use super::invalidate::CacheScope;
use super::jobs::{JobKind, Schedule};
use super::state::AppState;
use app_core::error::AppError;
use axum::Router;
use futures_util::future::BoxFuture;
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::Arc;

/// Counts what one workspace (by id) uses of a plan limit.
pub type Count = for<'a> fn(&'a AppState, &'a str) -> BoxFuture<'a, Result<u64, AppError>>;

/// A module's numbers and getting-started steps for one workspace's home page (by id; the
/// caller has checked the reader is a member).
pub type HomePart =
    for<'a> fn(&'a AppState, &'a str) -> BoxFuture<'a, Result<app_core::home::Home, AppError>>;

/// One plan limit a module counts, such as `contacts`.
#[derive(Clone, Copy)]
pub struct UsageCounter {
    /// The limit's key (one of billing's `LIMITS`).
    pub limit: &'static str,
    /// How to count a workspace's use of it.
    pub count: Count,
}

/// Who may call a server function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not (sign-up, log-in, reset…).
    Public,
    /// Any signed-in user; touches only their own account.
    User,
    /// Members of the workspace in its arguments with at least this role.
    Workspace(&'static str),
    /// Platform admins listed in ADMIN_EMAILS, with MFA on.
    Admin,
}

/// A row of the isolation matrix: a server function's name, who may call it, and arguments that
/// succeed for an allowed caller. The isolation test fills in `{ws}`, `{handle}`, `{viewer}`,
/// `{invitation}` and `{page}` (the workspace under attack, its handle, a viewer's user id, a
/// pending invitation and its main bio page), calls every row as each kind of outsider, and fails
/// when a registered server function has no row.
pub type IsolationRow = (
    &'static str,
    Access,
    &'static [(&'static str, &'static str)],
);

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
    /// Its routes that visitors hit at volume and that know no session (published pages, their
    /// link redirects): served before, and without, the sign-in, origin-check and compression
    /// middleware of `routes`. They compress their own pages ([`crate::encoded`]). A path may
    /// be in both, with other methods (a page's `GET` here, its form's `POST` there).
    pub public_routes: fn() -> Router<AppState>,
    /// Builds its own services from the configuration and puts them in `services`.
    pub services: fn(&Config, &Db, &mut Services) -> Result<(), String>,
    /// The plan rules, from the one module that decides them (billing).
    pub plan_rules: Option<&'static dyn PlanRules>,
    /// Its server functions, each with who may call it.
    pub isolation: &'static [IsolationRow],
    /// Where captured visitors become contacts, from the one module that keeps them (the CRM).
    pub contact_intake: Option<&'static dyn ContactIntake>,
    /// The kinds of background job it runs.
    pub jobs: &'static [JobKind],
    /// Its recurring jobs (their kinds are among `jobs`).
    pub schedules: &'static [Schedule],
    /// The caches it keeps, which every replica's copy forgets when one announces a change.
    pub caches: &'static [CacheScope],
    /// What it adds to a workspace's home page.
    pub home: Option<HomePart>,
    /// What it does when something happens to a workspace's contacts.
    pub on_contact: Option<OnContact>,
    /// What it does when a one-off Stripe Checkout payment it opened is paid or runs out.
    pub on_checkout: Option<OnCheckout>,
    /// Serves requests for hosts that are not the app's own (a site's custom domain), from the
    /// one module that owns such hosts.
    pub custom_hosts: Option<ServeHost>,
}

/// Answers a request whose `Host` is not the app's, before any route sees it.
pub type ServeHost =
    fn(AppState, axum::extract::Request) -> BoxFuture<'static, axum::response::Response>;

impl Module {
    /// A module with nothing to declare yet but its name; fill in what it has.
    pub const fn named(name: &'static str) -> Self {
        Module {
            name,
            indexes: Vec::new,
            usage: &[],
            routes: Router::new,
            public_routes: Router::new,
            services: |_, _, _| Ok(()),
            plan_rules: None,
            isolation: &[],
            contact_intake: None,
            jobs: &[],
            schedules: &[],
            caches: &[],
            home: None,
            on_contact: None,
            on_checkout: None,
            custom_hosts: None,
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

/// An address a visitor left on a public form: a bio signup today, bookings and website forms
/// later.
#[derive(Debug, Clone, Copy)]
pub struct Capture<'a> {
    /// The workspace whose form it was.
    pub workspace_id: &'a str,
    /// The normalised, valid address.
    pub email: &'a str,
    /// The name they gave, if the form asked (a new contact is named by it).
    pub name: Option<&'a str>,
    /// Where it came from, as a contact source key (`bio`, `booking`, `form`).
    pub source: &'a str,
    /// The timeline entry's kind, such as `bio.email_captured`.
    pub kind: &'a str,
    /// The timeline entry's text, such as "Signed up on /ana".
    pub summary: &'a str,
    /// The visitor's address, kept with their consent.
    pub ip: Option<&'a str>,
}

/// Something that happened to a workspace's contacts, which modules above the one where it
/// happened may act on (an email sequence that starts on a tag).
#[derive(Debug, Clone, Copy)]
pub enum ContactEvent<'a> {
    /// A visitor left their address on a public form, after it went to [`ContactIntake`].
    Captured(Capture<'a>),
    /// The contacts with these addresses gained `tag`.
    Tagged {
        /// Their workspace.
        workspace_id: &'a str,
        /// Their addresses.
        emails: &'a [String],
        /// The tag.
        tag: &'a str,
    },
}

/// A one-off Stripe Checkout payment a module opened (a paid booking), now paid or expired.
/// Billing verifies Stripe's webhook and hands these on, so modules above it need not know
/// Stripe's events.
#[derive(Debug, Clone, Copy)]
pub struct CheckoutEvent<'a> {
    /// The Checkout Session.
    pub session_id: &'a str,
    /// Paid, or ran out unpaid.
    pub paid: bool,
    /// The metadata the module gave the session (it recognises its own by them).
    pub metadata: &'a std::collections::HashMap<String, String>,
}

/// A module's handler of [`CheckoutEvent`]s; an error makes Stripe deliver the event again.
pub type OnCheckout =
    for<'a> fn(&'a AppState, CheckoutEvent<'a>) -> BoxFuture<'a, Result<(), AppError>>;

/// A module's handler of [`ContactEvent`]s.
pub type OnContact =
    for<'a> fn(&'a AppState, ContactEvent<'a>) -> BoxFuture<'a, Result<(), AppError>>;

/// Turns captured visitors into contacts. Declared here and implemented by the CRM, so the
/// modules with public forms do not depend on it (nor rebuild when it changes).
pub trait ContactIntake: Send + Sync {
    /// Makes the address a contact with an entry on its timeline (or adds the entry to the
    /// contact it already is); when the plan has no room it waits and becomes a contact later.
    /// Returns whether it waits.
    fn capture<'a>(
        &'a self,
        state: &'a AppState,
        capture: Capture<'a>,
    ) -> BoxFuture<'a, Result<bool, AppError>>;
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
