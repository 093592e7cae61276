use super::api::remove_from_email_sequence;
use super::model::{EnrolmentStatus, EnrolmentView};
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::{use_toasts, ToastKind};

/// The latest people on a sequence: where each stands and until when they wait, or why they
/// left; members who edit can take someone off (asked twice). `changed` hears each removal.
#[component]
pub fn SequencePeople(
    workspace_id: String,
    sequence_id: String,
    people: Vec<EnrolmentView>,
    can_edit: bool,
    changed: Callback<()>,
) -> impl IntoView {
    let toasts = use_toasts();
    let asking = RwSignal::new(None::<String>);
    let ids = StoredValue::new((workspace_id, sequence_id));
    let remove = move |enrolment: String| {
        asking.set(None);
        spawn_local(async move {
            let (ws, id) = ids.get_value();
            match remove_from_email_sequence(ws, id, enrolment).await {
                Ok(()) => {
                    toasts.show(ToastKind::Success, "Taken off the sequence.".to_owned());
                    changed.run(());
                }
                Err(e) => toasts.show(ToastKind::Error, e.to_string()),
            }
        });
    };
    if people.is_empty() {
        return view! {
            <section class="card" aria-labelledby="sequence-people">
                <h2 id="sequence-people">"People"</h2>
                <p class="muted">"Nobody yet. People start when the trigger happens while the sequence is live."</p>
            </section>
        }
        .into_any();
    }
    let rows = people
        .into_iter()
        .map(|p| {
            let active = p.status == EnrolmentStatus::Active;
            let where_ = match (active, p.due.as_str()) {
                (true, "") => p.step.clone(),
                (true, due) => format!("{} — until {due}", p.step),
                (false, _) => p.reason.clone(),
            };
            let (id, again) = (p.id.clone(), p.id.clone());
            let (yes, email) = (p.id.clone(), p.email.clone());
            let action = (can_edit && active).then(|| {
                view! {
                    <Show when=move || asking.get().as_deref() == Some(id.as_str()) fallback=move || {
                        let id = again.clone();
                        view! { <button type="button" class="button button-ghost" on:click=move |_| asking.set(Some(id.clone()))>"Remove…"</button> }
                    }>
                        <span role="alertdialog" aria-label=format!("Take {email} off?") class="confirm-row">
                            <button type="button" class="button button-danger" on:click={
                                let yes = yes.clone();
                                move |_| remove(yes.clone())
                            }>"Take off"</button>
                            <button type="button" class="button button-ghost" on:click=move |_| asking.set(None)>"Keep"</button>
                        </span>
                    </Show>
                }
            });
            view! {
                <tr>
                    <td>{p.email.clone()}</td>
                    <td><span class="badge">{p.status.label()}</span></td>
                    <td>{where_}</td>
                    <td>{action}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="sequence-people">
            <h2 id="sequence-people">"People"</h2>
            <div class="table-scroll">
                <table class="link-stats" aria-label="People on the sequence">
                    <thead><tr><th scope="col">"Email"</th><th scope="col">"Status"</th><th scope="col">"Where"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}
