use super::api::{close_deal, get_deal, CloseDeal, MoveDeal, SaveDeal};
use super::crm_layout::use_crm;
use super::model::{DealDetail, DealStatus};
use super::note_form::NoteForm;
use super::task_list::TaskList;
use super::timeline::Timeline;
use app_core::error::AppError;
use app_core::money::{decimal, money};
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use ui::{use_toasts, Field, FieldErrors, ToastKind};

/// `/app/<handle>/crm/deals/<id>`: a deal's details, won/lost with a reason, notes, tasks and
/// history.
#[component]
pub fn DealPage() -> impl IntoView {
    let crm = use_crm();
    let params = use_params_map();
    let changed = RwSignal::new(0u32);
    let detail = ui::resource(
        move || (params.read().get("id").unwrap_or_default(), changed.get()),
        move |(id, _)| async move {
            let (ws, _) = crm.data.await?;
            get_deal(ws.id, id).await
        },
    );
    view! {
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let (ws, overview) = crm.data.await?;
                let d = detail.await?;
                Ok::<_, AppError>(view! { <DealView ws_id=ws.id.clone() handle=ws.handle.clone() members=overview.members.clone() can_edit=overview.can_edit d changed/> })
            })}
        </Transition>
    }
}

#[component]
fn DealView(
    ws_id: String,
    handle: String,
    members: Vec<(String, String)>,
    can_edit: bool,
    d: DealDetail,
    changed: RwSignal<u32>,
) -> impl IntoView {
    let deal = d.deal.clone();
    let stage = d
        .pipeline
        .stages
        .iter()
        .find(|s| s.id == deal.stage_id)
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let back = format!("/app/{handle}/crm/deals?pipeline={}", deal.pipeline_id);
    let status_line = match deal.status {
        DealStatus::Open => format!("Open · {stage}"),
        s => format!("{} · {}", s.label(), deal.reason),
    };
    view! {
        <Title text=deal.title.clone()/>
        <div class="page-head">
            <h1>{deal.title.clone()}</h1>
            <a class="button button-ghost" href=back>"Back to the board"</a>
        </div>
        <p class="muted">{format!("{} · {status_line}", money(deal.value, &deal.currency))}</p>
        {deal.contact_id.clone().map(|c| view! { <p><a href=format!("/app/{handle}/crm/contacts/{c}")>{deal.contact_name.clone().unwrap_or_default()}</a></p> })}
        <div class="crm-detail">
            <div>
                {can_edit.then(|| view! { <EditDeal ws_id=ws_id.clone() d=d.clone() members=members.clone() changed/> })}
                {(can_edit && deal.status == DealStatus::Open).then(|| view! { <StageForm ws_id=ws_id.clone() id=deal.id.clone() stage_id=deal.stage_id.clone() stages=d.pipeline.stages.clone() changed/> })}
                {can_edit.then(|| view! { <CloseForm ws_id=ws_id.clone() id=deal.id.clone() status=deal.status changed/> })}
            </div>
            <div class="crm-side">
                {can_edit.then(|| view! { <NoteForm workspace_id=ws_id.clone() contact_id=String::new() deal_id=deal.id.clone() changed/> })}
                <TaskList workspace_id=ws_id.clone() tasks=d.tasks.clone() contact_id=String::new() deal_id=deal.id.clone() members=members.clone() can_edit changed handle=handle.clone()/>
                <Timeline workspace_id=ws_id.clone() entries=d.timeline.clone() can_edit changed/>
            </div>
        </div>
    }
}

#[component]
fn EditDeal(
    ws_id: String,
    d: DealDetail,
    members: Vec<(String, String)>,
    changed: RwSignal<u32>,
) -> impl IntoView {
    let save = ServerAction::<SaveDeal>::new();
    let toasts = use_toasts();
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            toasts.show(ToastKind::Success, "Saved.");
            changed.update(|v| *v += 1);
        }
    });
    let deal = d.deal;
    let owner = deal.owner_id.clone().unwrap_or_default();
    view! {
        <section class="card" aria-labelledby="deal-details">
            <h2 id="deal-details">"Details"</h2>
            <ActionForm action=save attr:class="form">
                <FormError error/>
                <input type="hidden" name="workspace_id" value=ws_id/>
                <input type="hidden" name="id" value=deal.id.clone()/>
                <input type="hidden" name="contact_id" value=deal.contact_id.clone().unwrap_or_default()/>
                <Field label="Deal name" name="title" value=deal.title.clone() required=true error/>
                <Field label="Value" name="value" value=decimal(deal.value) error/>
                <Field label="Currency" name="currency" value=deal.currency.clone() error/>
                <Field label="Expected close" name="close_date" input_type="date" value=deal.close_date.clone().unwrap_or_default() error/>
                <div class="field">
                    <label for="deal-owner">"Owner"</label>
                    <select id="deal-owner" name="owner_id">
                        <option value="">"Nobody yet"</option>
                        {members.iter().map(|(id, n)| view! { <option value=id.clone() selected=*id == owner>{n.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button button-primary">"Save deal"</button>
            </ActionForm>
        </section>
    }
}

/// Moves the deal to another stage without the board (to the bottom of that stage).
#[component]
fn StageForm(
    ws_id: String,
    id: String,
    stage_id: String,
    stages: Vec<super::model::Stage>,
    changed: RwSignal<u32>,
) -> impl IntoView {
    let move_it = ServerAction::<MoveDeal>::new();
    let toasts = use_toasts();
    let error = Signal::derive(move || move_it.value().get().and_then(|r| r.err()));
    Effect::new(move |_| {
        if let Some(Ok(_)) = move_it.value().get() {
            toasts.show(ToastKind::Success, "Moved.");
            changed.update(|v| *v += 1);
        }
    });
    view! {
        <section class="card" aria-labelledby="stage-heading">
            <h2 id="stage-heading">"Stage"</h2>
            <ActionForm action=move_it attr:class="form inline-form">
                <FormError error/>
                <input type="hidden" name="workspace_id" value=ws_id/>
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="index" value="100000"/>
                <div class="field">
                    <label for="deal-stage-pick">"Stage"</label>
                    <select id="deal-stage-pick" name="stage_id">
                        {stages.iter().map(|s| view! { <option value=s.id.clone() selected=s.id == stage_id>{s.name.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button button-secondary">"Move"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn CloseForm(
    ws_id: String,
    id: String,
    status: DealStatus,
    changed: RwSignal<u32>,
) -> impl IntoView {
    let close = ServerAction::<CloseDeal>::new();
    let toasts = use_toasts();
    let error = Signal::derive(move || close.value().get().and_then(|r| r.err()));
    let reason_errors = Signal::derive(move || {
        error
            .get()
            .map(|e| e.field_messages("reason"))
            .unwrap_or_default()
    });
    Effect::new(move |_| {
        if let Some(Ok(d)) = close.value().get() {
            toasts.show(
                ToastKind::Success,
                format!("Marked {}.", d.status.label().to_lowercase()),
            );
            changed.update(|v| *v += 1);
        }
    });
    if status != DealStatus::Open {
        let (ws, id) = (ws_id.clone(), id.clone());
        let reopen = move |_| {
            let (ws, id) = (ws.clone(), id.clone());
            spawn_local(async move {
                match close_deal(ws, id, "open".into(), String::new()).await {
                    Ok(_) => changed.update(|v| *v += 1),
                    Err(e) => toasts.show(ToastKind::Error, e.to_string()),
                }
            });
        };
        return view! {
            <section class="card"><button type="button" class="button button-secondary" on:click=reopen>"Reopen deal"</button></section>
        }
        .into_any();
    }
    view! {
        <section class="card" aria-labelledby="close-heading">
            <h2 id="close-heading">"Close the deal"</h2>
            <ActionForm action=close attr:class="form">
                <FormError error/>
                <input type="hidden" name="workspace_id" value=ws_id/>
                <input type="hidden" name="id" value=id/>
                <div class="field">
                    <label for="close-reason">"Reason"</label>
                    <p class="field-hint" id="close-reason-hint">"Required when lost: what decided it?"</p>
                    <textarea id="close-reason" name="reason" rows="2" aria-describedby="close-reason-hint"></textarea>
                    <FieldErrors messages=reason_errors/>
                </div>
                <div class="actions">
                    <button type="submit" name="status" value="won" class="button button-primary">"Mark won"</button>
                    <button type="submit" name="status" value="lost" class="button button-danger">"Mark lost"</button>
                </div>
            </ActionForm>
        </section>
    }
    .into_any()
}
