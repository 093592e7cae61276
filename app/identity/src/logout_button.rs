use super::api::Logout;
use leptos::prelude::*;
use ui::{Icon, IconName, PostForm};

/// Signs this browser out; a form, so it works before the app has loaded.
#[component]
pub fn LogoutButton() -> impl IntoView {
    let action = ServerAction::<Logout>::new();
    view! {
        <PostForm action input=Logout {} class="inline-form">
            <button type="submit" class="icon-button" title="Log out">
                <Icon name=IconName::LogOut/>
                <span class="visually-hidden">"Log out"</span>
            </button>
        </PostForm>
    }
}
