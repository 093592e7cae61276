use super::api::list_my_workspaces;
use leptos::prelude::*;
use leptos_router::components::Redirect;

/// `/app`: opens the first workspace, or the setup wizard when there is none yet.
#[component]
pub fn HomeRedirect() -> impl IntoView {
    let mine = ui::resource(|| (), |_| list_my_workspaces());
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match mine.await {
                    Ok(list) => match list.first() {
                        Some(ws) => view! { <Redirect path=format!("/app/{}", ws.handle)/> }.into_any(),
                        None => view! { <Redirect path="/onboarding"/> }.into_any(),
                    },
                    Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
