use super::api::{get_site, get_site_stats};
use super::model::SiteStats;
use app_core::error::AppError;
use app_core::stats::percent;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use ui::{BarChart, ChartPoint, EmptyState, IconName, RangeForm, ShareList};
use workspaces::api::get_workspace;

/// `/app/<handle>/sites/<id>/analytics[?from=&to=]`: views, visitors, forms sent and their rate,
/// views per page, referrers and devices over a date range, with a chart per day — the bio
/// analytics screen's layout and parts.
#[component]
pub fn SiteAnalyticsPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = ui::resource(
        move || {
            let (p, q) = (params.read(), query.read());
            (
                p.get("handle").unwrap_or_default(),
                p.get("id").unwrap_or_default(),
                q.get("from").unwrap_or_default(),
                q.get("to").unwrap_or_default(),
            )
        },
        |(handle, id, from, to)| async move {
            let ws = get_workspace(handle).await?;
            let site = get_site(ws.id.clone(), id.clone()).await?;
            let stats = get_site_stats(ws.id.clone(), id, from, to).await?;
            Ok::<_, AppError>((ws, site, stats))
        },
    );
    view! {
        <Title text="Site analytics"/>
        <Transition fallback=|| view! { <p class="muted">"Counting…"</p> }>
            {move || Suspend::new(async move {
                let (ws, site, stats) = data.await?;
                Ok::<_, AppError>(view! {
                    <div class="page-head">
                        <h1>{format!("Analytics · {}", site.name)}</h1>
                        <a class="button button-ghost" href=format!("/app/{}/sites/{}", ws.handle, site.id)>"Back to the editor"</a>
                    </div>
                    <p class="muted">{site.public_url.clone()}" · Visits show here within a few seconds. Bots are never counted."</p>
                    <RangeForm from=stats.from.clone() to=stats.to.clone()/>
                    <StatsBody stats/>
                })
            })}
        </Transition>
    }
}

#[component]
fn StatsBody(stats: SiteStats) -> impl IntoView {
    if stats.views == 0 && stats.submissions == 0 {
        return view! {
            <EmptyState icon=IconName::Chart title="No visits in this range" body="Publish your site and share its address; views and messages show up here as they happen."/>
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
        "{} views and {} forms sent from {} to {}",
        stats.views, stats.submissions, stats.from, stats.to
    );
    let views = stats.views;
    view! {
        <dl class="stat-tiles">
            <div class="card"><dt>"Views"</dt><dd>{stats.views}</dd></div>
            <div class="card"><dt>"Unique visitors"</dt><dd>{stats.visitors}</dd></div>
            <div class="card"><dt>"Forms sent"</dt><dd>{stats.submissions}</dd></div>
            <div class="card"><dt>"Conversion"</dt><dd>{percent(stats.conversion_permille)}</dd></div>
        </dl>
        <section class="card">
            <h2>"Per day"</h2>
            <BarChart points bar_label="Views" line_label="Forms sent" summary/>
        </section>
        <div class="stats-grid">
            <ShareList title="Pages" rows=stats.pages total=views/>
            <ShareList title="Referrers" rows=stats.referrers total=views/>
            <ShareList title="Devices" rows=stats.devices total=views/>
        </div>
    }
    .into_any()
}
