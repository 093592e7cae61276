use super::api::{set_task_done, AddTask};
use super::model::TaskView;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::{use_toasts, Field, ToastKind};

/// Tasks with a box to tick each off, and a form to add one (on a contact or deal when given).
#[component]
#[allow(clippy::too_many_arguments)]
pub fn TaskList(
    workspace_id: String,
    tasks: Vec<TaskView>,
    contact_id: String,
    deal_id: String,
    members: Vec<(String, String)>,
    can_edit: bool,
    changed: RwSignal<u32>,
    handle: String,
    /// Opens the form to add a task.
    #[prop(optional)]
    open_form: bool,
) -> impl IntoView {
    let add = ServerAction::<AddTask>::new();
    let toasts = use_toasts();
    let error = Signal::derive(move || add.value().get().and_then(|r| r.err()));
    Effect::new(move |_| {
        if let Some(Ok(_)) = add.value().get() {
            toasts.show(ToastKind::Success, "Task added.");
            changed.update(|v| *v += 1);
        }
    });
    let ws = StoredValue::new(workspace_id.clone());
    view! {
        <section class="card" aria-labelledby="tasks-heading">
            <h2 id="tasks-heading">"Tasks"</h2>
            {if tasks.is_empty() {
                view! { <p class="muted">"No tasks."</p> }.into_any()
            } else {
                view! {
                    <ul class="task-list">
                        {tasks.into_iter().map(|t| {
                            let id = t.id.clone();
                            let overdue = t.overdue;
                            let about = match (&t.contact_id, &t.deal_id, &t.about) {
                                (Some(c), _, Some(a)) if contact_id.is_empty() => Some((format!("/app/{handle}/crm/contacts/{c}"), a.clone())),
                                (None, Some(d), Some(a)) if deal_id.is_empty() => Some((format!("/app/{handle}/crm/deals/{d}"), a.clone())),
                                _ => None,
                            };
                            view! {
                                <li class="task" class:task-done=t.done class:task-overdue=overdue>
                                    <label class="check">
                                        <input type="checkbox" checked=t.done disabled=!can_edit on:change=move |ev| {
                                            let (id, done) = (id.clone(), event_target_checked(&ev));
                                            spawn_local(async move {
                                                match set_task_done(ws.get_value(), id, done).await {
                                                    Ok(()) => changed.update(|v| *v += 1),
                                                    Err(e) => toasts.show(ToastKind::Error, e.to_string()),
                                                }
                                            });
                                        }/>
                                        " "{t.title.clone()}
                                    </label>
                                    <span class="muted task-meta">
                                        {t.due.clone().map(|d| if overdue { format!("Overdue since {d}") } else { format!("Due {d}") })}
                                        {t.assignee_name.clone().map(|n| format!(" · {n}"))}
                                    </span>
                                    {about.map(|(href, label)| view! { <a class="task-about" href=href>{label}</a> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {can_edit.then(|| view! {
                <details class="add-task" open=open_form>
                    <summary>"Add a task"</summary>
                    <ActionForm action=add attr:class="form">
                        <FormError error/>
                        <input type="hidden" name="workspace_id" value=workspace_id.clone()/>
                        <input type="hidden" name="contact_id" value=contact_id.clone()/>
                        <input type="hidden" name="deal_id" value=deal_id.clone()/>
                        <Field label="Task" name="title" id="task-title" required=true autocomplete="off" error/>
                        <Field label="Due" name="due" id="task-due" input_type="date" error/>
                        <div class="field">
                            <label for="task-assignee">"Assignee"</label>
                            <select id="task-assignee" name="assignee_id">
                                <option value="">"Me"</option>
                                {members.iter().map(|(id, n)| view! { <option value=id.clone()>{n.clone()}</option> }).collect_view()}
                            </select>
                        </div>
                        <button type="submit" class="button button-secondary">"Add task"</button>
                    </ActionForm>
                </details>
            })}
        </section>
    }
}
