use super::error_page::ErrorPage;
use app_core::error::AppError;
use leptos::prelude::*;

/// What an unknown address shows, with status 404.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <main class="page-centered">
            <ErrorPage error=AppError::NotFound { what: "This page".into() }/>
        </main>
    }
}
