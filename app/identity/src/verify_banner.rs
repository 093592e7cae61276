use super::api::ResendVerification;
use super::model::UserView;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use ui::{use_toasts, ToastKind};

/// Reminds someone with an unconfirmed email to confirm it, with a resend button.
#[component]
pub fn VerifyBanner(user: UserView) -> impl IntoView {
    let resend = ServerAction::<ResendVerification>::new();
    let toasts = use_toasts();
    Effect::new(move |_| match resend.value().get() {
        Some(Ok(())) => toasts.show(ToastKind::Success, "Sent. Check your inbox."),
        Some(Err(e)) => toasts.error(&e),
        None => {}
    });
    // Before the app has loaded the browser posts the form; after, the action sends the call
    // as it is (an `ActionForm` would bring its form parser into the first download).
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        resend.dispatch(ResendVerification {
            next: String::new(),
        });
    };
    view! {
        <div class="banner" role="region" aria-label="Confirm your email">
            <p>"Confirm your email: we sent a link to " <strong>{user.email}</strong> "."</p>
            <form method="post" action=ResendVerification::url() on:submit=submit>
                <button type="submit" class="button button-secondary">"Resend email"</button>
            </form>
        </div>
    }
}
