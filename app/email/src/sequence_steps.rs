use super::api::save_email_sequence_steps;
use super::model::{Condition, SequenceView, Step, WaitUnit, MAX_STEPS};
use super::sequence_step_row::SequenceStepRow;
use app_core::error::AppError;
use identity::form_error::FormError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::FieldErrors;

/// A new step of `kind` after `before`, asking about the last email before it when it is a
/// condition; its id (`s<n>`) lets conditions name it before it is saved.
fn fresh(kind: &str, before: &[Step]) -> Step {
    let n = before
        .iter()
        .filter_map(|s| s.id().strip_prefix('s')?.parse::<u32>().ok())
        .max()
        .map_or(0, |n| n + 1);
    let id = format!("s{n}");
    match kind {
        "email" => Step::Email {
            id,
            campaign_id: String::new(),
            subject: String::new(),
        },
        "until" => Step::Until {
            id,
            weekday: 0,
            time: "09:00".into(),
        },
        "branch" => Step::Branch {
            id,
            condition: Condition::NotClicked,
            email: before
                .iter()
                .rev()
                .find(|s| matches!(s, Step::Email { .. }))
                .map(|s| s.id().to_owned())
                .unwrap_or_default(),
            otherwise: String::new(),
        },
        _ => Step::Wait {
            id,
            amount: 1,
            unit: WaitUnit::Days,
        },
    }
}

/// The steps of sequence `sequence`, edited in place and saved with the button (or put back as
/// they were); `saved` hears each saved sequence. Live sequences can be edited: people stay at
/// the step they are at.
#[component]
pub fn SequenceSteps(
    workspace_id: String,
    handle: String,
    sequence: SequenceView,
    saved: Callback<SequenceView>,
) -> impl IntoView {
    let last = StoredValue::new(sequence.steps.clone());
    let steps = RwSignal::new(sequence.steps);
    let dirty = RwSignal::new(false);
    let saving = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    ui::dom::confirm_leaving(move || dirty.get_untracked());
    let ids = StoredValue::new((workspace_id, sequence.id));
    let save = move |_| {
        let Ok(json) = serde_json::to_string(&steps.get_untracked()) else {
            return;
        };
        saving.set(true);
        spawn_local(async move {
            let (ws, id) = ids.get_value();
            match save_email_sequence_steps(ws, id, json).await {
                Ok(s) => {
                    last.set_value(s.steps.clone());
                    steps.set(s.steps.clone());
                    dirty.set(false);
                    error.set(None);
                    saved.run(s);
                }
                Err(e) => error.set(Some(e)),
            }
            saving.set(false);
        });
    };
    let add = move |kind: &'static str| {
        steps.update(|all| {
            let step = fresh(kind, all);
            all.push(step);
        });
        dirty.set(true);
    };
    let handle = StoredValue::new(handle);
    let error_signal = Signal::derive(move || error.get());
    view! {
        <section class="card" aria-labelledby="sequence-steps">
            <h2 id="sequence-steps">"Steps"</h2>
            <FormError error=error_signal/>
            <FieldErrors messages=Signal::derive(move || error.get().map(|e| e.field_messages("steps")).unwrap_or_default())/>
            <Show when=move || steps.with(Vec::is_empty)>
                <p class="muted">"Start with an email: a welcome. Then wait, and follow up."</p>
            </Show>
            <ol class="sequence-steps">
                {move || steps.get().into_iter().enumerate().map(|(index, step)| view! {
                    <SequenceStepRow index step steps dirty handle=handle.get_value() error=error_signal/>
                }).collect_view()}
            </ol>
            <div class="button-row" role="group" aria-label="Add a step">
                {[("email", "+ Email"), ("wait", "+ Wait"), ("until", "+ Wait until"), ("branch", "+ Condition")].map(|(kind, label)| view! {
                    <button type="button" class="button button-ghost" disabled={move || steps.with(Vec::len) >= MAX_STEPS}
                        on:click=move |_| add(kind)>{label}</button>
                })}
            </div>
            <div class="button-row">
                <button type="button" class="button button-primary" disabled=move || !dirty.get() || saving.get() on:click=save>
                    {move || if saving.get() { "Saving…" } else { "Save steps" }}
                </button>
                <Show when=move || dirty.get()>
                    <button type="button" class="button button-ghost" on:click=move |_| {
                        steps.set(last.get_value());
                        dirty.set(false);
                        error.set(None);
                    }>"Discard changes"</button>
                    <span class="muted" role="status">"Unsaved changes"</span>
                </Show>
            </div>
        </section>
    }
}
