use super::api::{control_email_sequence, delete_email_sequence};
use super::model::{SequenceStatus, SequenceView};
use app_core::error::AppError;
use identity::form_error::FormError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

/// Start, pause and delete, with the reason next to them when starting is refused.
#[component]
pub fn SequenceControls(
    workspace_id: String,
    handle: String,
    sequence: RwSignal<SequenceView>,
) -> impl IntoView {
    let error = RwSignal::new(None::<AppError>);
    let deleting = RwSignal::new(false);
    let ws = StoredValue::new(workspace_id);
    let act = move |action: &'static str| {
        spawn_local(async move {
            let id = sequence.with_untracked(|s| s.id.clone());
            match control_email_sequence(ws.get_value(), id, action.into()).await {
                Ok(s) => {
                    error.set(None);
                    sequence.set(s);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let navigate = use_navigate();
    let delete = move |_| {
        let navigate = navigate.clone();
        let handle = handle.clone();
        spawn_local(async move {
            let id = sequence.with_untracked(|s| s.id.clone());
            match delete_email_sequence(ws.get_value(), id).await {
                Ok(()) => navigate(
                    &format!("/app/{handle}/email/sequences"),
                    Default::default(),
                ),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let live = move || sequence.with(|s| s.status == SequenceStatus::Live);
    // Starting refuses an unfinished email by its step: say which here, at the buttons.
    let step_problem = move || {
        error.get().and_then(|e| match e {
            AppError::Validation { fields } => fields
                .iter()
                .find(|(k, _)| k.starts_with("steps."))
                .map(|(k, m)| format!("Step {}: {}", step_number(k), m.join(" "))),
            _ => None,
        })
    };
    view! {
        <div class="button-row">
            <Show when=live fallback=move || view! {
                <button type="button" class="button button-primary" on:click=move |_| act("start")>
                    {move || if sequence.with(|s| s.status == SequenceStatus::Paused) { "Resume" } else { "Start" }}
                </button>
            }>
                <button type="button" class="button button-secondary" on:click=move |_| act("pause")>"Pause"</button>
            </Show>
            <Show when=move || deleting.get() fallback=move || view! {
                <button type="button" class="button button-danger" on:click=move |_| deleting.set(true)>"Delete…"</button>
            }>
                <div class="confirm-row" role="alertdialog" aria-label="Confirm delete">
                    <span>"Delete the sequence, its emails and everyone's place on it?"</span>
                    <button type="button" class="button button-danger" on:click=delete.clone()>"Delete sequence"</button>
                    <button type="button" class="button button-ghost" on:click=move |_| deleting.set(false)>"Keep it"</button>
                </div>
            </Show>
        </div>
        <FormError error=Signal::derive(move || error.get())/>
        <Show when=move || step_problem().is_some()>
            <p class="form-error" role="alert">{step_problem}</p>
        </Show>
    }
}

/// The step number (from 1) in a field key like `steps.2` or `steps.2.amount`.
fn step_number(key: &str) -> usize {
    key.split('.')
        .nth(1)
        .and_then(|n| n.parse::<usize>().ok())
        .map_or(0, |n| n + 1)
}
