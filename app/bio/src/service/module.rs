//! The bio module as the server assembles it.

use super::cache::{self, BioCache};
use super::{images, pages, public, qr};
use app_core::error::AppError;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use futures_util::future::BoxFuture;
use platform::invalidate::CacheScope;
use platform::{AppState, Config, Db, Module, Services, UsageCounter};

/// The name of the public-page cache in announcements; keys are workspace ids.
pub const CACHE: &str = "bio";

/// Link-in-bio pages: the builder's data, the public pages and their analytics.
pub const MODULE: Module = Module {
    indexes: super::indexes,
    usage: &[UsageCounter {
        limit: "bio_pages",
        count: count_pages,
    }],
    routes,
    public_routes,
    services,
    isolation: super::isolation::ISOLATION,
    // Pages show the workspace's name and live at its handle: its changes clear them too.
    caches: &[
        CacheScope {
            name: CACHE,
            forget: cache::forget,
        },
        CacheScope {
            name: workspaces::service::workspaces::CACHE,
            forget: cache::forget,
        },
    ],
    home: Some(super::home::part),
    ..Module::named("bio")
};

fn count_pages<'a>(
    state: &'a AppState,
    workspace_id: &'a str,
) -> BoxFuture<'a, Result<u64, AppError>> {
    Box::pin(pages::count(state, workspace_id))
}

fn public_routes() -> Router<AppState> {
    Router::new()
        .route("/@{handle}", get(public::main_page))
        .route("/@{handle}/qr", get(qr::qr))
        .route("/@{handle}/{slug}", get(public::extra_page))
        .route("/l/{page}/{block}", get(public::click))
}

fn routes() -> Router<AppState> {
    Router::new()
        .route("/@{handle}", post(public::main_signup))
        .route("/@{handle}/{slug}", post(public::extra_signup))
        .route(
            "/bio/{workspace_id}/images",
            post(images::upload).layer(DefaultBodyLimit::max(
                crate::model::MAX_IMAGE_BYTES + 64 * 1024,
            )),
        )
}

fn services(_: &Config, _: &Db, services: &mut Services) -> Result<(), String> {
    services.insert(BioCache::default());
    Ok(())
}
