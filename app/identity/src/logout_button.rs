use super::api::Logout;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use ui::{Icon, IconName};

/// Signs this browser out. A plain form, also once the app has loaded: the server answers with
/// a redirect to the sign-in page, which the browser loads afresh, so nothing of the signed-in
/// session stays in memory (and the first download carries no code to call it).
#[component]
pub fn LogoutButton() -> impl IntoView {
    view! {
        <form method="post" action=Logout::url() class="inline-form">
            <button type="submit" class="icon-button" title="Log out">
                <Icon name=IconName::LogOut/>
                <span class="visually-hidden">"Log out"</span>
            </button>
        </form>
    }
}
