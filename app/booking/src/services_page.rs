use super::api::{get_booking_services, SaveBookingService};
use super::booking_tabs::BookingTabs;
use app_core::error::AppError;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};
use ui::{EmptyState, Field, IconName};
use workspaces::api::get_workspace;

/// `/app/<handle>/booking/services`: the services visitors can book, the public page's
/// address, and a form that starts a new service and opens it.
#[component]
pub fn ServicesPage() -> impl IntoView {
    let params = use_params_map();
    let save = ServerAction::<SaveBookingService>::new();
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    let data = ui::resource(
        move || params.read().get("handle").unwrap_or_default(),
        |handle| async move {
            let ws = get_workspace(handle).await?;
            let services = get_booking_services(ws.id.clone()).await?;
            Ok::<_, AppError>((ws, services))
        },
    );
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(s)) = save.value().get() {
            let handle = params.read_untracked().get("handle").unwrap_or_default();
            navigate(
                &format!("/app/{handle}/booking/services/{}", s.id),
                Default::default(),
            );
        }
    });
    view! {
        <Title text="Services"/>
        <BookingTabs/>
        <h1>"Services"</h1>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let (ws, overview) = data.await?;
                let handle = ws.handle.clone();
                let list = if overview.services.is_empty() {
                    view! { <EmptyState icon=IconName::Calendar title="No services yet" body="A service is something people book: an intro call, a lesson, a group class. Give it a name and a length to start."/> }.into_any()
                } else {
                    view! {
                        <p class="muted">"Your booking page: "<a href=overview.public_url.clone() target="_blank" rel="noopener">{overview.public_url.clone()}</a></p>
                        <ul class="email-lists" aria-label="Services">
                            {overview.services.into_iter().map(|s| {
                                let c = s.settings;
                                let price = if c.price_cents == 0 { "Free".to_owned() } else { app_core::money::money(c.price_cents, &s.currency) };
                                let lengths = c.durations.iter().map(|d| format!("{d} min")).collect::<Vec<_>>().join(" / ");
                                view! {
                                    <li class="card">
                                        <h2><a href=format!("/app/{handle}/booking/services/{}", s.id)>{c.name.clone()}</a></h2>
                                        <p>{format!("{lengths} · {price} · {}", c.location_label())}{(c.seats > 1).then(|| format!(" · {} seats", c.seats))}</p>
                                        <p class="muted">{if c.active { "Open for booking" } else { "Hidden from the booking page" }}</p>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                };
                Ok::<_, AppError>(view! {
                    {list}
                    {overview.can_edit.then(|| view! {
                        <section class="card" aria-labelledby="new-service">
                            <h2 id="new-service">"New service"</h2>
                            <ActionForm action=save attr:class="form">
                                <FormError error/>
                                <input type="hidden" name="workspace_id" value=ws.id.clone()/>
                                <input type="hidden" name="active" value="on"/>
                                <Field label="Name" name="name" required=true autocomplete="off" error/>
                                <Field label="Length in minutes" name="durations" required=true value="30" error
                                    hint="Several lengths separated by commas let visitors choose: 30, 60."/>
                                <button type="submit" class="button button-primary">"Create service"</button>
                            </ActionForm>
                        </section>
                    })}
                })
            })}
        </Transition>
    }
}
