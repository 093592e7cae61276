use super::api::{get_bio_page, get_bio_stats, ResetBioStats};
use super::model::{percent, BioStats};
use app_core::error::AppError;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use ui::{BarChart, ChartPoint, EmptyState, IconName, RangeForm, ShareList};
use workspaces::api::get_workspace;
use workspaces::model::Permission;

/// `/app/<handle>/bio/analytics[?page=&from=&to=]`: views, visitors, clicks and CTR per link,
/// referrers and devices over a date range, with a chart per day.
#[component]
pub fn BioAnalyticsPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let reset = ServerAction::<ResetBioStats>::new();
    let data = ui::resource(
        move || {
            let q = query.read();
            (
                params.read().get("handle").unwrap_or_default(),
                q.get("page").unwrap_or_default(),
                q.get("from").unwrap_or_default(),
                q.get("to").unwrap_or_default(),
                reset.version().get(),
            )
        },
        |(handle, slug, from, to, _)| async move {
            let ws = get_workspace(handle).await?;
            let page = get_bio_page(ws.id.clone(), slug).await?;
            let stats = get_bio_stats(ws.id.clone(), page.id.clone(), from, to).await?;
            Ok::<_, AppError>((ws, page, stats))
        },
    );
    view! {
        <Title text="Bio analytics"/>
        <Transition fallback=|| view! { <p class="muted">"Counting…"</p> }>
            {move || Suspend::new(async move {
                let (ws, page, stats) = data.await?;
                let slug = page.slug.clone();
                let back = if slug.is_empty() { format!("/app/{}/bio", ws.handle) } else { format!("/app/{}/bio?page={slug}", ws.handle) };
                let can_reset = ws.role.can(Permission::EditContent);
                Ok::<_, AppError>(view! {
                    <div class="page-head">
                        <h1>"Bio analytics"</h1>
                        <a class="button button-ghost" href=back>"Back to the builder"</a>
                    </div>
                    <p class="muted">{page.public_url.clone()}" · Visits and clicks show here within a few seconds."</p>
                    <RangeForm from=stats.from.clone() to=stats.to.clone() keep=("page", slug.clone())/>
                    <StatsBody stats/>
                    {can_reset.then(|| view! { <ResetStats workspace_id=ws.id.clone() page_id=page.id.clone() reset/> })}
                })
            })}
        </Transition>
    }
}

#[component]
fn StatsBody(stats: BioStats) -> impl IntoView {
    if stats.views == 0 && stats.clicks == 0 {
        return view! {
            <EmptyState icon=IconName::Chart title="No visits in this range" body="Share your page's address or QR code; views and clicks show up here as they happen. Bots are never counted."/>
            <dl class="figures stat-figures"><div><dt>"Signups"</dt><dd>{stats.subscribers}</dd></div></dl>
        }
        .into_any();
    }
    let points: Vec<ChartPoint> = stats
        .days
        .iter()
        .map(|d| ChartPoint {
            label: d.day.clone(),
            bar: d.views,
            line: d.clicks,
        })
        .collect();
    let summary = format!(
        "{} views and {} clicks from {} to {}",
        stats.views, stats.clicks, stats.from, stats.to
    );
    let views = stats.views;
    view! {
        <dl class="stat-tiles">
            <div class="card"><dt>"Views"</dt><dd>{stats.views}</dd></div>
            <div class="card"><dt>"Unique visitors"</dt><dd>{stats.visitors}</dd></div>
            <div class="card"><dt>"Clicks"</dt><dd>{stats.clicks}</dd></div>
            <div class="card"><dt>"Click-through rate"</dt><dd>{percent(stats.ctr_permille)}</dd></div>
            <div class="card"><dt>"Signups"</dt><dd>{stats.subscribers}</dd></div>
        </dl>
        <section class="card">
            <h2>"Per day"</h2>
            <BarChart points bar_label="Views" line_label="Clicks" summary/>
        </section>
        <section class="card">
            <h2>"Links"</h2>
            <Show when={
                let empty = stats.links.is_empty();
                move || empty
            }>
                <p class="muted">"This page has no links yet."</p>
            </Show>
            <div class="table-scroll">
                <table class="stats-table">
                    <thead><tr><th scope="col">"Link"</th><th scope="col">"Clicks"</th><th scope="col">"CTR"</th></tr></thead>
                    <tbody>
                        {stats.links.into_iter().map(|l| view! {
                            <tr><th scope="row">{l.label}</th><td>{l.clicks}</td><td>{percent(l.ctr_permille)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <div class="stats-grid">
            <ShareList title="Referrers" rows=stats.referrers total=views/>
            <ShareList title="Devices" rows=stats.devices total=views/>
        </div>
    }
    .into_any()
}

#[component]
fn ResetStats(
    workspace_id: String,
    page_id: String,
    reset: ServerAction<ResetBioStats>,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let (workspace_id, page_id) = (StoredValue::new(workspace_id), StoredValue::new(page_id));
    let error = Signal::derive(move || reset.value().get().and_then(|r| r.err()));
    Effect::new(move |_| {
        if let Some(Ok(())) = reset.value().get() {
            confirming.set(false);
        }
    });
    view! {
        <section class="card settings-section">
            <h2>"Reset statistics"</h2>
            <p class="muted">"Deletes every view and click of this page. Signups stay."</p>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="button button-danger" on:click=move |_| confirming.set(true)>"Reset statistics"</button>
                }
            >
                <ActionForm action=reset attr:class="confirm-row">
                    <FormError error/>
                    <p role="alert">"Delete all views and clicks of this page? This cannot be undone."</p>
                    <input type="hidden" name="workspace_id" value=workspace_id.get_value()/>
                    <input type="hidden" name="page_id" value=page_id.get_value()/>
                    <button type="submit" class="button button-danger">"Yes, delete them"</button>
                    <button type="button" class="button button-ghost" on:click=move |_| confirming.set(false)>"Cancel"</button>
                </ActionForm>
            </Show>
        </section>
    }
}
