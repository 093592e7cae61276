use super::api::ResendVerification;
use super::model::UserView;
use leptos::prelude::*;
use ui::{use_toasts, PostForm, ToastKind};

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
    view! {
        <div class="banner" role="region" aria-label="Confirm your email">
            <p>"Confirm your email: we sent a link to " <strong>{user.email}</strong> "."</p>
            <PostForm action=resend input=ResendVerification { next: String::new() }>
                <button type="submit" class="button button-secondary">"Resend email"</button>
            </PostForm>
        </div>
    }
}
