use super::api::list_my_tasks;
use super::crm_layout::use_crm;
use super::task_list::TaskList;
use app_core::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/app/<handle>/crm/tasks`: the caller's open tasks across contacts and deals, soonest first.
#[component]
pub fn TasksPage() -> impl IntoView {
    let crm = use_crm();
    let query = use_query_map();
    let changed = RwSignal::new(0u32);
    let show_done = RwSignal::new(false);
    let tasks = ui::resource(
        move || (changed.get(), show_done.get()),
        move |(_, done)| async move {
            let (ws, _) = crm.data.await?;
            list_my_tasks(ws.id, done).await
        },
    );
    view! {
        <Title text="My tasks"/>
        <div class="page-head">
            <h1>"My tasks"</h1>
            <label class="check">
                <input type="checkbox" prop:checked=move || show_done.get() on:change=move |ev| show_done.set(event_target_checked(&ev))/>
                " Show done"
            </label>
        </div>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let (ws, overview) = crm.data.await?;
                let tasks = tasks.await?;
                // `?new` (from the Create sheet) opens the form to add one.
                let open_form = query.read_untracked().get("new").is_some();
                Ok::<_, AppError>(view! {
                    <TaskList workspace_id=ws.id.clone() tasks contact_id=String::new() deal_id=String::new() members=overview.members.clone() can_edit=overview.can_edit changed handle=ws.handle.clone() open_form/>
                })
            })}
        </Transition>
    }
}
