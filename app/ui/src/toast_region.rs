use super::icon::{Icon, IconName};
use super::toast::{use_toasts, ToastKind, Toasts};
use leptos::prelude::*;

/// Where toasts appear: a polite live region above the bottom navigation on phones.
///
/// The list inside is a chunk of the split build: no page has a toast before someone acts, so
/// the first download leaves it out (README, the first download) and the page fetches it once
/// it is up, ready before the first toast, offline included.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = use_toasts();
    let wanted = Memo::new(move |was: Option<&bool>| was == Some(&true) || !toasts.is_empty());
    #[cfg(feature = "hydrate")]
    Effect::new(|| leptos::task::spawn_local(__preload_toast_list()));
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || wanted.get().then(|| Suspend::new(toast_list(toasts)))}
        </div>
    }
}

/// The toasts on screen, each with its dismiss button.
#[lazy]
async fn toast_list(toasts: Toasts) -> AnyView {
    view! {
        <For each=move || toasts.items() key=|t| t.id let:toast>
            <div class="toast" class:toast-error=toast.kind == ToastKind::Error class:toast-success=toast.kind == ToastKind::Success>
                <p>{toast.message.clone()}</p>
                <button type="button" class="icon-button" on:click=move |_| toasts.dismiss(toast.id)>
                    <Icon name=IconName::Close/>
                    <span class="visually-hidden">"Dismiss"</span>
                </button>
            </div>
        </For>
    }
    .into_any()
}
