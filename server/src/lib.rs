//! The Mewayz HTTP server: the Leptos app, plain routes and the process lifecycle.
#![recursion_limit = "512"]

pub mod dev_mailbox;
pub mod health;
pub mod http_layers;
pub mod probe;
pub mod service_worker;
pub mod shutdown;
pub mod static_files;
pub mod telemetry;

use app::billing::service::webhooks;
use app::bio::service::{public, qr};
use app::crm::service::{imports, routes as crm};
use app::identity::service::google;
use app::platform::{AppEnv, AppState};
use app::workspaces::service::logo;
use app::{shell, App};
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};

/// Every route of the app with its middleware, ready to serve. Tests call this directly.
pub fn router(state: AppState) -> Router {
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
        .route("/auth/google", get(google::start))
        .route("/auth/google/callback", get(google::callback))
        .route(
            "/workspaces/{id}/logo",
            post(logo::upload).layer(DefaultBodyLimit::max(2 * logo::MAX_LOGO_BYTES)),
        )
        .route("/media/{id}", get(logo::serve))
        .route(
            "/workspaces/{id}/crm/import",
            post(crm::upload).layer(DefaultBodyLimit::max(imports::MAX_BYTES + 64 * 1024)),
        )
        .route("/workspaces/{id}/crm/contacts.csv", get(crm::download))
        .route("/webhooks/stripe", post(webhooks::receive))
        .route(
            "/@{handle}",
            get(public::main_page).post(public::main_signup),
        )
        .route("/@{handle}/qr", get(qr::qr))
        .route(
            "/@{handle}/{slug}",
            get(public::extra_page).post(public::extra_signup),
        )
        .route("/l/{page}/{block}", get(public::click))
        .leptos_routes_with_context(&state, routes, context, move || shell(options.clone()))
        .fallback_service(static_files::site(state.clone()));
    if state.config.env == AppEnv::Development {
        routes = routes.route("/dev/mailbox", get(dev_mailbox::page));
    }
    http_layers::apply(routes, state.clone()).with_state(state)
}
