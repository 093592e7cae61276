//! The email module as the server assembles it.

use super::{bounces, preferences, preview, public, tracking};
use axum::routing::{get, post};
use axum::Router;
use platform::{AppState, Module, UsageCounter};

/// Email marketing: lists, their subscribers and the public subscribe and unsubscribe pages.
pub const MODULE: Module = Module {
    indexes: super::indexes,
    routes,
    isolation: super::isolation::ISOLATION,
    jobs: &[super::sender::SEND],
    usage: &[UsageCounter {
        limit: "emails_per_month",
        count: super::usage::count,
    }],
    ..Module::named("email")
};

fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/subscribe/{list}",
            get(public::form_page).post(public::form_post),
        )
        .route(
            "/subscribe/confirm/{id}/{tag}",
            get(public::confirm_page).post(public::confirm_post),
        )
        .route(
            "/unsubscribe/{id}/{tag}",
            get(public::unsubscribe_page).post(public::unsubscribe_post),
        )
        .route(
            "/email/preferences/{id}/{tag}",
            get(preferences::show).post(preferences::save),
        )
        .route("/e/o/{campaign}/{token}", get(tracking::open))
        .route("/webhooks/email/postmark", post(bounces::postmark))
        .route("/webhooks/email/ses", post(bounces::ses))
        .route(
            "/email/{workspace_id}/campaigns/{id}/preview",
            get(preview::page),
        )
        .route("/e/c/{campaign}/{link}/{token}", get(tracking::click))
}
