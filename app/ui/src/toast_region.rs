use super::icon::{Icon, IconName};
use super::toast::{use_toasts, ToastKind};
use leptos::prelude::*;

/// Where toasts appear: a polite live region above the bottom navigation on phones.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = use_toasts();
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            <For each=move || toasts.items() key=|t| t.id let:toast>
                <div class="toast" class:toast-error=toast.kind == ToastKind::Error class:toast-success=toast.kind == ToastKind::Success>
                    <p>{toast.message.clone()}</p>
                    <button type="button" class="icon-button" on:click=move |_| toasts.dismiss(toast.id)>
                        <Icon name=IconName::Close/>
                        <span class="visually-hidden">"Dismiss"</span>
                    </button>
                </div>
            </For>
        </div>
    }
}
