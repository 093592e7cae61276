use crate::identity::LogoutButton;
use crate::ui::{Icon, IconName, ThemeToggle};
use crate::workspaces::WorkspaceSwitcher;
use leptos::prelude::*;

/// The bar above every signed-in screen.
#[component]
pub fn TopBar() -> impl IntoView {
    view! {
        <header class="top-bar">
            // Narrow phones hide the word (style/main.css): the link keeps it as its name.
            <a class="brand brand-compact" href="/app" aria-label="Mewayz">
                <img src="/icons/icon.svg" alt="" width="28" height="28"/>
                <span>"Mewayz"</span>
            </a>
            <div class="top-bar-actions">
                <WorkspaceSwitcher/>
                <ThemeToggle/>
                <a class="icon-button" href="/settings" title="Settings">
                    <Icon name=IconName::Settings/>
                    <span class="visually-hidden">"Account settings"</span>
                </a>
                <LogoutButton/>
            </div>
        </header>
    }
}
