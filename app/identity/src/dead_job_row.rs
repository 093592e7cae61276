use super::api::{AdminDiscardJob, AdminRetryJob};
use super::model::DeadJob;
use leptos::prelude::*;

/// One dead job: its kind, error and attempts, with Retry and a confirmed Discard.
#[component]
pub fn DeadJobRow(
    job: DeadJob,
    retry: ServerAction<AdminRetryJob>,
    discard: ServerAction<AdminDiscardJob>,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let id = StoredValue::new(job.id);
    let busy = move || retry.pending().get() || discard.pending().get();
    let died = job.died_at.get(..16).unwrap_or_default().replace('T', " ");
    view! {
        <li class="card dead-job">
            <p><strong>{job.kind}</strong>" · "{format!("{} attempts", job.attempts)}" · "<span class="muted">{died}" UTC"</span></p>
            <p class="dead-job-error">{job.error}</p>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <div class="row-actions">
                        <button type="button" class="button button-secondary" disabled=busy
                            on:click=move |_| { retry.dispatch(AdminRetryJob { id: id.get_value() }); }>"Retry"</button>
                        <button type="button" class="button button-ghost" disabled=busy
                            on:click=move |_| confirming.set(true)>"Discard"</button>
                    </div>
                }
            >
                <div class="confirm-row" role="alertdialog" aria-label="Confirm discard">
                    <p>"Discard this job for good? What it would have done will not happen."</p>
                    <button type="button" class="button button-danger" disabled=busy
                        on:click=move |_| { discard.dispatch(AdminDiscardJob { id: id.get_value() }); }>"Discard job"</button>
                    <button type="button" class="button button-ghost" on:click=move |_| confirming.set(false)>"Cancel"</button>
                </div>
            </Show>
        </li>
    }
}
