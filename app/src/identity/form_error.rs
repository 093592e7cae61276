use crate::error::AppError;
use leptos::prelude::*;

/// The part of a form's error that belongs to no single field, announced to screen readers.
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
    view! {
        <Show when=move || message().is_some()>
            <p class="form-error" role="alert">{message}</p>
        </Show>
    }
}
