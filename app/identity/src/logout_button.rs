use super::api::Logout;
use leptos::form::ActionForm;
use leptos::prelude::*;
use ui::{Icon, IconName};

/// Signs this browser out; a form, so it works before the app has loaded.
#[component]
pub fn LogoutButton() -> impl IntoView {
    let action = ServerAction::<Logout>::new();
    view! {
        <ActionForm action=action attr:class="inline-form">
            <button type="submit" class="icon-button" title="Log out">
                <Icon name=IconName::LogOut/>
                <span class="visually-hidden">"Log out"</span>
            </button>
        </ActionForm>
    }
}
