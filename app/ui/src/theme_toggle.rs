use super::icon::{Icon, IconName};
use super::theme::{self, Theme};
use leptos::prelude::*;

/// A switch between light and dark; the choice persists across visits.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let chosen = theme::current_theme();
    let dark = RwSignal::new(chosen == Theme::Dark);
    // Someone following the system sees whatever the browser picked; only the browser knows.
    Effect::new(move |_| {
        if chosen == Theme::System {
            dark.set(theme::system_prefers_dark());
        }
    });
    let toggle = move |_| {
        let next = if dark.get_untracked() {
            Theme::Light
        } else {
            Theme::Dark
        };
        theme::apply(next);
        dark.set(next == Theme::Dark);
    };

    view! {
        <button
            type="button"
            class="icon-button"
            aria-pressed=move || dark.get().to_string()
            title="Dark theme"
            on:click=toggle
        >
            <Icon name=IconName::Moon/>
            <span class="visually-hidden">"Dark theme"</span>
        </button>
    }
}
