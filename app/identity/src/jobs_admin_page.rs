use super::api::{admin_jobs, AdminDiscardJob, AdminRetryJob};
use super::dead_job_row::DeadJobRow;
use super::model::JobCount;
use leptos::prelude::*;
use leptos_meta::Title;
use ui::{EmptyState, IconName};

/// The statuses in the order a job goes through them, as table columns.
const COLUMNS: [(&str, &str); 5] = [
    ("queued", "Queued"),
    ("running", "Running"),
    ("failed", "Retrying"),
    ("done", "Done"),
    ("dead", "Dead"),
];

/// `/admin/jobs`: the background queue by kind and status, and the dead jobs with their error,
/// each with Retry and Discard.
#[component]
pub fn JobsAdminPage() -> impl IntoView {
    let retry = ServerAction::<AdminRetryJob>::new();
    let discard = ServerAction::<AdminDiscardJob>::new();
    let overview = ui::resource(
        move || (retry.version().get(), discard.version().get()),
        |_| admin_jobs(),
    );
    view! {
        <Title text="Jobs"/>
        <h1>"Jobs"</h1>
        <Transition fallback=|| view! { <p class="muted" role="status">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match overview.await {
                    Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                    Ok(o) if o.counts.is_empty() => view! {
                        <EmptyState icon=IconName::Bolt title="No jobs yet"
                            body="Emails and scheduled work show here once the app has queued them."/>
                    }.into_any(),
                    Ok(o) => view! {
                        <section class="card" aria-labelledby="queue-heading">
                            <h2 id="queue-heading">"Queue"</h2>
                            <QueueTable counts=o.counts/>
                        </section>
                        <section class="card" aria-labelledby="dead-heading">
                            <h2 id="dead-heading">"Dead jobs"</h2>
                            {if o.dead.is_empty() {
                                view! { <p class="muted">"None: every job finished or is still being retried."</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="dead-jobs">
                                        {o.dead.into_iter().map(|job| view! { <DeadJobRow job retry discard/> }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        </section>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

/// Counts per kind (rows) and status (columns).
#[component]
fn QueueTable(counts: Vec<JobCount>) -> impl IntoView {
    let mut kinds: Vec<String> = counts.iter().map(|c| c.kind.clone()).collect();
    kinds.dedup();
    let cell = move |kind: &str, status: &str| {
        counts
            .iter()
            .find(|c| c.kind == kind && c.status == status)
            .map_or(0, |c| c.count)
    };
    view! {
        <div class="table-scroll">
            <table class="stats-table" aria-label="Jobs by kind and status">
                <thead>
                    <tr>
                        <th scope="col">"Kind"</th>
                        {COLUMNS.map(|(_, label)| view! { <th scope="col">{label}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {kinds.into_iter().map(|kind| {
                        let cells = COLUMNS.map(|(status, _)| view! { <td>{cell(&kind, status)}</td> });
                        view! { <tr><th scope="row">{kind.clone()}</th>{cells.collect_view()}</tr> }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
