use super::api::{delete_bio_page, unpublish_bio_page};
use super::builder_state::use_builder;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::{use_toasts, ToastKind};

/// Taking the page off the web, and deleting an extra page, each after a confirmation.
#[component]
pub fn PageActions(#[prop(into)] handle: String, #[prop(into)] slug: String) -> impl IntoView {
    let b = use_builder();
    let toasts = use_toasts();
    let confirm = RwSignal::new(None::<&'static str>);
    let navigate = leptos_router::hooks::use_navigate();
    let back = format!("/app/{handle}/bio");
    let extra = !slug.is_empty();
    let unpublish = move |_| {
        let (ws, page) = b.ids();
        spawn_local(async move {
            match unpublish_bio_page(ws, page).await {
                Ok(p) => {
                    b.published_at.set(p.published_at);
                    b.unpublished.set(p.unpublished_changes);
                    confirm.set(None);
                    toasts.show(
                        ToastKind::Success,
                        "Unpublished. Visitors now see “not found”.",
                    );
                }
                Err(e) => toasts.error(&e),
            }
        });
    };
    let delete = move |_| {
        let (ws, page) = b.ids();
        let (navigate, back) = (navigate.clone(), back.clone());
        spawn_local(async move {
            match delete_bio_page(ws, page).await {
                Ok(()) => {
                    toasts.show(ToastKind::Success, "Page deleted.");
                    navigate(&back, Default::default());
                }
                Err(e) => toasts.error(&e),
            }
        });
    };
    view! {
        <section class="page-actions-card" aria-labelledby="page-actions-heading">
            <h2 id="page-actions-heading">"This page"</h2>
            <Show when=move || confirm.get().is_none()>
                <div class="row-actions">
                    <Show when=move || b.published_at.get().is_some()>
                        <button type="button" class="button button-secondary" on:click=move |_| confirm.set(Some("unpublish"))>"Unpublish"</button>
                    </Show>
                    {extra.then(|| view! {
                        <button type="button" class="button button-danger" on:click=move |_| confirm.set(Some("delete"))>"Delete page"</button>
                    })}
                </div>
            </Show>
            <Show when=move || confirm.get() == Some("unpublish")>
                <div class="confirm-row">
                    <p role="alert">"Take this page off the web? Its draft and statistics stay."</p>
                    <button type="button" class="button button-danger" on:click=unpublish>"Yes, unpublish"</button>
                    <button type="button" class="button button-ghost" on:click=move |_| confirm.set(None)>"Cancel"</button>
                </div>
            </Show>
            <Show when=move || confirm.get() == Some("delete")>
                <div class="confirm-row">
                    <p role="alert">"Delete this page, its draft and its statistics? This cannot be undone."</p>
                    <button type="button" class="button button-danger" on:click=delete.clone()>"Yes, delete it"</button>
                    <button type="button" class="button button-ghost" on:click=move |_| confirm.set(None)>"Cancel"</button>
                </div>
            </Show>
        </section>
    }
}
