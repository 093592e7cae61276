use super::api::get_email_campaign_report;
use super::model::CampaignView;
use app_core::error::AppError;
use leptos::prelude::*;
use ui::{BarChart, ChartPoint};

fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "–".into();
    }
    format!("{:.1}%", part as f64 * 100.0 / whole as f64)
}

/// How a campaign is doing: opens and clicks against those it reached, per hour since sending
/// started, and per link.
#[component]
pub fn CampaignReport(workspace_id: String, campaign: CampaignView) -> impl IntoView {
    let id = campaign.id.clone();
    let report = ui::resource(
        move || (workspace_id.clone(), id.clone()),
        |(ws, id)| get_email_campaign_report(ws, id),
    );
    let reached = campaign.sent;
    view! {
        <section class="card" aria-labelledby="report">
            <h2 id="report">"Report"</h2>
            <dl class="stat-tiles">
                <div><dt>"Delivered to the mail server"</dt><dd>{reached}</dd></div>
                <div><dt>"Opened"</dt><dd>{campaign.opens}</dd><dd class="muted">{percent(campaign.opens, reached)}</dd></div>
                <div><dt>"Clicked"</dt><dd>{campaign.clicks}</dd><dd class="muted">{percent(campaign.clicks, reached)}</dd></div>
            </dl>
            <p class="field-hint">"Opens are counted when the reader's mail app loads images; some never do, so the real number is higher."</p>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    let r = report.await?;
                    let summary = format!(
                        "First opens and clicks per hour over {} hours: {} opens, {} clicks.",
                        r.hours.len(),
                        r.hours.iter().map(|h| h.opens).sum::<u64>(),
                        r.hours.iter().map(|h| h.clicks).sum::<u64>(),
                    );
                    let points: Vec<ChartPoint> = r.hours.iter().map(|h| ChartPoint {
                        label: h.at.get(5..16).unwrap_or(&h.at).replace('T', " "),
                        bar: h.opens,
                        line: h.clicks,
                    }).collect();
                    Ok::<_, AppError>(view! {
                        {(!points.is_empty()).then(|| view! { <BarChart points bar_label="Opens" line_label="Clicks" summary/> })}
                        <h3>"Links"</h3>
                        {if r.links.is_empty() {
                            view! { <p class="muted">"This email has no links."</p> }.into_any()
                        } else {
                            view! {
                                <table class="link-stats">
                                    <thead><tr><th scope="col">"Link"</th><th scope="col">"Clicks"</th></tr></thead>
                                    <tbody>
                                        {r.links.into_iter().map(|l| view! { <tr><td>{l.url}</td><td>{l.clicks}</td></tr> }).collect_view()}
                                    </tbody>
                                </table>
                            }.into_any()
                        }}
                    })
                })}
            </Transition>
        </section>
    }
}
