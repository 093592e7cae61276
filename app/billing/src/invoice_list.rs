use super::api::list_invoices;
use super::billing_page::Actions;
use super::grace::day;
use app_core::money::money;
use leptos::prelude::*;

fn status_label(status: &str) -> &'static str {
    match status {
        "paid" => "Paid",
        "open" => "Due",
        "void" => "Void",
        "uncollectible" => "Uncollectible",
        _ => "Draft",
    }
}

/// The workspace's invoices with links to Stripe's invoice page and PDF, for those who manage
/// billing (others, and servers without payments, see nothing here).
#[component]
pub fn InvoiceList(workspace_id: String, a: Actions) -> impl IntoView {
    let invoices = ui::resource(
        move || (a.complete.version().get(), a.change.version().get()),
        move |_| list_invoices(workspace_id.clone()),
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                invoices.await.ok().map(|list| view! {
                    <section class="card settings-section" aria-labelledby="invoices-heading">
                        <h2 id="invoices-heading">"Invoices"</h2>
                        {if list.is_empty() {
                            view! { <p class="muted">"No invoices yet. They appear here after your first payment."</p> }.into_any()
                        } else {
                            view! {
                                <ul class="session-list" aria-label="Invoices">
                                    {list.into_iter().map(|i| view! {
                                        <li class="session-row">
                                            <p>
                                                <span class="session-device">{format!("{} · {}", day(&i.date), money(i.amount, &i.currency))}</span>
                                                <br/>
                                                <span class="muted">{i.number.clone()}</span>
                                            </p>
                                            <span class="badge" class:badge-accent=i.status == "open">{status_label(&i.status)}</span>
                                            <span class="row-actions">
                                                {i.url.clone().map(|u| view! { <a class="button button-ghost" href=u target="_blank" rel="noopener" aria-label=format!("View invoice {}", i.number)>"View"</a> })}
                                                {i.pdf.clone().map(|u| view! { <a class="button button-ghost" href=u target="_blank" rel="noopener" aria-label=format!("Download invoice {} as PDF", i.number)>"PDF"</a> })}
                                            </span>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </section>
                })
            })}
        </Transition>
    }
}
