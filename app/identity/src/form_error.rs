use app_core::error::AppError;
use leptos::prelude::*;

/// The part of a form's error that belongs to no single field, announced to screen readers.
/// A plan limit comes with the way out: a link to the workspace's billing page.
#[component]
pub fn FormError(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let message = move || {
        error.get().and_then(|e| match &e {
            AppError::Validation { fields } => fields
                .get("form")
                .or(fields.get("token"))
                .map(|m| m.join(" ")),
            e if e.is_field_level() => None,
            e => Some(e.to_string()),
        })
    };
    let pathname = leptos_router::hooks::use_location().pathname;
    let upgrade = move || {
        let plan_limit = matches!(
            error.get(),
            Some(AppError::LimitReached { .. } | AppError::FeatureNotIncluded { .. })
        );
        let path = pathname.get();
        let handle = path.strip_prefix("/app/")?.split('/').next()?.to_owned();
        (plan_limit && !handle.is_empty()).then(|| {
            view! { <a class="button button-secondary" href=format!("/app/{handle}/billing")>"See plans"</a> }
        })
    };
    view! {
        <Show when=move || message().is_some()>
            <div class="form-error" role="alert">
                <p>{message}</p>
                {upgrade}
            </div>
        </Show>
    }
}
