//! The booking module as the server assembles it.

use super::{public, public_details, public_manage, public_packages, public_waitlist};
use axum::routing::{get, post};
use axum::Router;
use platform::{AppState, Module};

/// Bookings: services, members' hours and the public booking pages.
pub const MODULE: Module = Module {
    indexes: super::indexes,
    routes,
    isolation: super::isolation::ISOLATION,
    services: |_, _, services| {
        services.insert(super::gcal::BusyCache::new());
        Ok(())
    },
    jobs: &[
        super::manage::REMIND,
        super::waitlist::OFFER_ENDS,
        super::gcal::WRITE,
    ],
    home: Some(super::home::part),
    on_checkout: Some(super::payment::on_checkout),
    ..Module::named("booking")
};

fn routes() -> Router<AppState> {
    Router::new()
        .route("/@{handle}/book", get(public::list))
        .route("/@{handle}/book/{service}", get(public::times))
        .route("/@{handle}/book/{service}/hold", post(public::hold))
        .route(
            "/@{handle}/book/{service}/h/{id}/{tag}",
            get(public_details::details_page).post(public_details::details_post),
        )
        .route(
            "/@{handle}/book/{service}/package",
            get(public_packages::form).post(public_packages::buy),
        )
        .route(
            "/@{handle}/book/{service}/waitlist",
            post(public_waitlist::join),
        )
        .route(
            "/booking/google/connect/{workspace_id}",
            get(super::calendar_link::connect),
        )
        .route(
            "/booking/google/callback",
            get(super::calendar_link::callback),
        )
        .route("/booking/{id}/{tag}", get(public_manage::page))
        .route("/booking/{id}/{tag}/cancel", post(public_manage::cancel))
        .route(
            "/booking/{id}/{tag}/move",
            get(public_manage::move_page).post(public_manage::move_post),
        )
}
