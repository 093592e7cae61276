//! The email module as the server assembles it.

use super::sequence_run::TimeScale;
use super::{bounces, images, preferences, preview, public, tracking};
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use platform::config::{AppEnv, Config};
use platform::db::Db;
use platform::{AppState, Module, Services, UsageCounter};

/// Email marketing: lists, their subscribers and the public subscribe and unsubscribe pages.
pub const MODULE: Module = Module {
    indexes: super::indexes,
    routes,
    isolation: super::isolation::ISOLATION,
    jobs: &[super::sender::SEND, super::sequence_run::STEP],
    services,
    on_contact: Some(super::contact_events::on_contact),
    usage: &[UsageCounter {
        limit: "emails_per_month",
        count: super::usage::count,
    }],
    ..Module::named("email")
};

fn services(config: &Config, _: &Db, services: &mut Services) -> Result<(), String> {
    let scale = match std::env::var("EMAIL_SEQUENCE_TIME_SCALE") {
        Err(_) => 1,
        Ok(v) if config.env == AppEnv::Test => v
            .parse()
            .ok()
            .filter(|n| *n >= 1)
            .ok_or("EMAIL_SEQUENCE_TIME_SCALE must be a whole number from 1")?,
        Ok(_) => return Err("EMAIL_SEQUENCE_TIME_SCALE is for tests only (APP_ENV=test)".into()),
    };
    services.insert(TimeScale(scale));
    Ok(())
}

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
        .route(
            "/email/{workspace_id}/images",
            post(images::upload).layer(DefaultBodyLimit::max(
                crate::model::MAX_EMAIL_IMAGE_BYTES + 64 * 1024,
            )),
        )
}
