use app_core::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

/// A full-page explanation of a failure, with the way forward. On the server it also sets the
/// response status.
#[component]
pub fn ErrorPage(error: AppError) -> impl IntoView {
    let status = error.status_code();
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(status);
    }
    let heading = match status.as_u16() {
        401 => "Please sign in",
        403 => "No access",
        404 => "Page not found",
        503 => "Temporarily unavailable",
        _ => "Something went wrong",
    };
    view! {
        <Title text=heading/>
        <section class="error-page" aria-labelledby="error-heading">
            <p class="error-code">{status.as_u16()}</p>
            <h1 id="error-heading">{heading}</h1>
            <p>
                {if status == http::StatusCode::NOT_FOUND {
                    "Check the address for typos, or start again from the home page.".to_owned()
                } else {
                    error.to_string()
                }}
            </p>
            <a class="button button-primary" href="/">"Go to the home page"</a>
        </section>
    }
}

/// Turns whatever an `ErrorBoundary` caught into an [`AppError`] to show.
pub fn first_app_error(errors: &leptos::error::Errors) -> AppError {
    errors
        .iter()
        .next()
        .map(|(_, e)| {
            e.downcast_ref::<AppError>()
                .cloned()
                .unwrap_or(AppError::Internal)
        })
        .unwrap_or(AppError::Internal)
}
