use super::api::{get_booking_service, get_booking_services, DeleteBookingService};
use super::booking_tabs::BookingTabs;
use super::service_form::ServiceForm;
use app_core::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};
use workspaces::api::get_workspace;

/// `/app/<handle>/booking/services/<id>`: a service's settings, its public address, and
/// deleting it (asked twice).
#[component]
pub fn ServicePage() -> impl IntoView {
    let params = use_params_map();
    let delete = ServerAction::<DeleteBookingService>::new();
    let asking = RwSignal::new(false);
    let data = ui::resource(
        move || {
            (
                params.read().get("handle").unwrap_or_default(),
                params.read().get("id").unwrap_or_default(),
            )
        },
        |(handle, id)| async move {
            let ws = get_workspace(handle).await?;
            let service = get_booking_service(ws.id.clone(), id).await?;
            let overview = get_booking_services(ws.id.clone()).await?;
            Ok::<_, AppError>((ws, service, overview))
        },
    );
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(())) = delete.value().get() {
            let handle = params.read_untracked().get("handle").unwrap_or_default();
            navigate(
                &format!("/app/{handle}/booking/services"),
                Default::default(),
            );
        }
    });
    view! {
        <Title text="Service"/>
        <BookingTabs/>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let (ws, service, overview) = data.await?;
                let (ws_id, id) = (ws.id.clone(), service.id.clone());
                Ok::<_, AppError>(view! {
                    <p><a href=format!("/app/{}/booking/services", ws.handle)>"← Services"</a></p>
                    <h1>{service.settings.name.clone()}</h1>
                    <p class="muted">"Visitors book it at "<a href=service.public_url.clone() target="_blank" rel="noopener">{service.public_url.clone()}</a></p>
                    {if overview.can_edit {
                        view! {
                            <ServiceForm workspace_id=ws.id.clone() service members=overview.members payments_ready=overview.payments_ready/>
                            <section class="card" aria-labelledby="service-delete">
                                <h2 id="service-delete">"Delete"</h2>
                                <p class="muted">"Bookings already made stay on the calendar."</p>
                                <Show when=move || asking.get() fallback=move || view! {
                                    <button type="button" class="button button-danger" on:click=move |_| asking.set(true)>"Delete service…"</button>
                                }>
                                    {
                                        let (ws_id, id) = (ws_id.clone(), id.clone());
                                        view! {
                                            <p>"Delete this service? Visitors will not be able to book it."</p>
                                            <button type="button" class="button button-danger" on:click=move |_| { delete.dispatch(DeleteBookingService { workspace_id: ws_id.clone(), id: id.clone() }); }>"Delete"</button>
                                            " "
                                            <button type="button" class="button button-secondary" on:click=move |_| asking.set(false)>"Cancel"</button>
                                        }
                                    }
                                </Show>
                            </section>
                        }.into_any()
                    } else {
                        view! { <p>{service.settings.description.clone()}</p> }.into_any()
                    }}
                })
            })}
        </Transition>
    }
}
