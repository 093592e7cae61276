use super::api::get_deal_board;
use super::crm_layout::use_crm;
use super::deal_board::DealBoard;
use super::deal_form::NewDealForm;
use super::model::{totals, totals_label, Board};
use super::pipeline_form::PipelineForm;
use app_core::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/app/<handle>/crm/deals[?pipeline=][&new]`: the pipeline as a kanban with totals per stage, won
/// and lost deals, a form for a new deal and the pipeline's stages.
#[component]
pub fn DealsPage() -> impl IntoView {
    let crm = use_crm();
    let query = use_query_map();
    let reload = RwSignal::new(0u32);
    let board = ui::resource(
        move || {
            (
                query.read().get("pipeline").unwrap_or_default(),
                reload.get(),
            )
        },
        move |(pipeline, _)| async move {
            let (ws, _) = crm.data.await?;
            get_deal_board(ws.id, pipeline).await
        },
    );
    view! {
        <Title text="Deals"/>
        <Transition fallback=|| view! { <p class="muted">"Loading the board…"</p> }>
            {move || Suspend::new(async move {
                let (ws, overview) = crm.data.await?;
                let b = board.await?;
                // `?new` (from the Create sheet) opens the new-deal form.
                let open_form = query.read_untracked().get("new").is_some();
                Ok::<_, AppError>(view! { <DealsView ws_id=ws.id.clone() handle=ws.handle.clone() currency=ws.currency.clone() members=overview.members.clone() can_edit=overview.can_edit board=b reload open_form/> })
            })}
        </Transition>
    }
}

#[component]
fn DealsView(
    ws_id: String,
    handle: String,
    currency: String,
    members: Vec<(String, String)>,
    can_edit: bool,
    board: Board,
    open_form: bool,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let Board {
        pipeline,
        pipelines,
        columns,
        won,
        lost,
    } = board;
    let open_total = totals_label(&totals(columns.iter().flat_map(|c| c.deals.iter())));
    let won_total = totals_label(&totals(&won));
    view! {
        <div class="page-head">
            <h1>{pipeline.name.clone()}</h1>
            {(pipelines.len() > 1).then(|| view! {
                <form method="get" class="inline-form" aria-label="Pipeline">
                    <label for="pipeline-pick" class="visually-hidden">"Pipeline"</label>
                    <select id="pipeline-pick" name="pipeline">
                        {pipelines.iter().map(|p| view! { <option value=p.id.clone() selected=p.id == pipeline.id>{p.name.clone()}</option> }).collect_view()}
                    </select>
                    <button type="submit" class="button button-secondary">"Show"</button>
                </form>
            })}
        </div>
        <dl class="figures">
            <div><dt>"Open"</dt><dd>{open_total}</dd></div>
            <div><dt>"Won"</dt><dd>{if won.is_empty() { "0".to_owned() } else { format!("{} · {won_total}", won.len()) }}</dd></div>
            <div><dt>"Lost"</dt><dd>{lost.len()}</dd></div>
        </dl>
        {can_edit.then(|| {
            let on_added = Callback::new(move |_| reload.update(|v| *v += 1));
            view! {
                <details class="card new-deal" open=open_form>
                    <summary>"New deal"</summary>
                    <NewDealForm ws_id=ws_id.clone() pipeline_id=pipeline.id.clone() stages=pipeline.stages.clone() currency members contact_id=String::new() on_added/>
                </details>
            }
        })}
        <DealBoard workspace_id=ws_id.clone() handle=handle.clone() columns can_edit reload/>
        {(!won.is_empty() || !lost.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="closed-heading">
                <h2 id="closed-heading">"Closed deals"</h2>
                <ul class="plain-list">
                    {won.iter().chain(lost.iter()).map(|d| view! {
                        <li>
                            <a href=format!("/app/{handle}/crm/deals/{}", d.id)>{d.title.clone()}</a>
                            " · "<span class=if d.status == super::model::DealStatus::Won { "badge badge-success" } else { "badge" }>{d.status.label()}</span>
                            " "{app_core::money::money(d.value, &d.currency)}
                            {(!d.reason.is_empty()).then(|| format!(" · {}", d.reason))}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {can_edit.then(|| view! { <PipelineForm ws_id pipeline reload/> })}
    }
}
