//! The Mewayz HTTP server: the Leptos app, plain routes and the process lifecycle.
#![recursion_limit = "512"]

pub mod custom_hosts;
pub mod dev_mailbox;
pub mod health;
pub mod http_layers;
pub mod probe;
pub mod response_headers;
pub mod service_worker;
pub mod shutdown;
pub mod static_files;
pub mod telemetry;

use app::platform::{AppEnv, AppState, Module};
use app::{shell, App};
use axum::routing::get;
use axum::Router;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};

/// Every module, in tier order: each describes its indexes, plan-limit counters, plain routes
/// and services once. A new module adds its line here.
pub fn modules() -> Vec<Module> {
    vec![
        app::identity::service::MODULE,
        app::workspaces::service::MODULE,
        app::billing::service::MODULE,
        app::crm::service::MODULE,
        app::bio::service::MODULE,
        app::email::service::MODULE,
        app::booking::service::MODULE,
        app::sites::service::MODULE,
    ]
}

/// Every route of the app with its middleware, as a router (what tests call).
pub fn router(state: AppState) -> Router {
    Router::new().fallback_service(service(state))
}

/// Every route of the app with its middleware, ready to serve: [`router`] without the router
/// around it, which the server would pass on every request.
pub fn service(
    state: AppState,
) -> impl tower::Service<
    axum::extract::Request,
    Response = axum::response::Response,
    Error = std::convert::Infallible,
    Future: Send,
> + Clone
       + Send
       + Sync
       + 'static {
    let options = state.leptos_options.clone();
    let routes = generate_route_list(App);
    let context = {
        let state = state.clone();
        move || provide_context(state.clone())
    };
    let mut routes = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/sw.js", get(service_worker::script))
        .route("/media/{*key}", get(app::platform::media::serve))
        .leptos_routes_with_context(&state, routes, context, move || shell(options.clone()))
        .fallback_service(static_files::site(state.clone()));
    for module in state.modules.iter() {
        routes = routes.merge((module.routes)());
    }
    if state.config.env == AppEnv::Development {
        routes = routes.route("/dev/mailbox", get(dev_mailbox::page));
    }
    // The session's middleware wraps the routes so far and the files behind them; the
    // visitors' pages merged after go without it. One router matches them all, so a static
    // segment of one module (`/@{handle}/book`) still wins over another's `/@{handle}/{slug}`.
    let mut routes = http_layers::session(routes, state.clone());
    for module in state.modules.iter() {
        routes = routes.merge((module.public_routes)());
    }
    http_layers::outer(routes.with_state(state.clone()), state)
}
