//! The sites module as the server assembles it.

use super::cache::{self, SitesCache};
use super::public::Place;
use super::{host, routes, sites};
use app_core::error::AppError;
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use futures_util::future::BoxFuture;
use platform::invalidate::CacheScope;
use platform::{AppState, Config, Db, Module, Services, UsageCounter};

/// Websites: the editor's data, the published pages at `/s/<site>` and on custom domains.
pub const MODULE: Module = Module {
    indexes: super::indexes,
    usage: &[UsageCounter {
        limit: "sites",
        count: count_sites,
    }],
    routes,
    public_routes,
    services,
    isolation: super::isolation::ISOLATION,
    caches: &[CacheScope {
        name: cache::CACHE,
        forget: cache::forget,
    }],
    custom_hosts: Some(host::serve),
    jobs: &[super::domains::RECHECK],
    schedules: &[super::domains::RECHECK_HOURLY],
    ..Module::named("sites")
};

fn count_sites<'a>(
    state: &'a AppState,
    workspace_id: &'a str,
) -> BoxFuture<'a, Result<u64, AppError>> {
    Box::pin(sites::count(state, workspace_id))
}

async fn home(
    State(state): State<AppState>,
    Path(site): Path<String>,
    Query(q): Query<host::PageQuery>,
    req: Request,
) -> Response {
    host::visit(
        state,
        Place::Path(site.to_ascii_lowercase()),
        String::new(),
        q,
        req,
    )
    .await
}

async fn page(
    State(state): State<AppState>,
    Path((site, slug)): Path<(String, String)>,
    Query(q): Query<host::PageQuery>,
    req: Request,
) -> Response {
    host::visit(state, Place::Path(site.to_ascii_lowercase()), slug, q, req).await
}

async fn post_home(
    State(state): State<AppState>,
    Path(site): Path<String>,
    req: Request,
) -> Response {
    host::post(
        state,
        Place::Path(site.to_ascii_lowercase()),
        String::new(),
        req,
    )
    .await
}

async fn post_page(
    State(state): State<AppState>,
    Path((site, slug)): Path<(String, String)>,
    req: Request,
) -> Response {
    host::post(state, Place::Path(site.to_ascii_lowercase()), slug, req).await
}

fn public_routes() -> Router<AppState> {
    Router::new()
        .route("/s/{site}", get(home))
        .route("/s/{site}/", get(home))
        .route("/s/{site}/{slug}", get(page))
}

fn routes() -> Router<AppState> {
    Router::new()
        .route("/s/{site}", post(post_home))
        .route("/s/{site}/", post(post_home))
        .route("/s/{site}/{slug}", post(post_page))
        .route("/sites/tls/ask", get(host::ask))
        .route(
            "/sites/{workspace_id}/{site_id}/preview",
            get(routes::preview),
        )
        .route(
            "/sites/{workspace_id}/{site_id}/submissions.csv",
            get(routes::download),
        )
        .route(
            "/sites/{workspace_id}/images",
            post(routes::upload).layer(DefaultBodyLimit::max(routes::MAX_IMAGE_BYTES + 64 * 1024)),
        )
}

fn services(_: &Config, _: &Db, services: &mut Services) -> Result<(), String> {
    services.insert(SitesCache::default());
    Ok(())
}
