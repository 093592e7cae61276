use super::api::{ChangeEmail, ChangePassword, UpdateName};
use super::current_user::use_current_user;
use super::form_error::FormError;
use super::model::PASSWORD_MIN;
use app_core::error::AppError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use ui::{use_toasts, Field, ToastKind};

/// Shows `message` as a toast each time `action` succeeds, and field errors in place.
fn toast_on_success<A>(action: ServerAction<A>, message: &'static str) -> Signal<Option<AppError>>
where
    A: leptos::server_fn::ServerFn<Output = (), Error = AppError> + Clone + Send + Sync + 'static,
    A::Output: Send + Sync + 'static,
{
    let toasts = use_toasts();
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            toasts.show(ToastKind::Success, message);
        }
    });
    Signal::derive(move || action.value().get().and_then(|r| r.err()))
}

/// `/settings`: name, email and password.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let user = use_current_user();
    let rename = ServerAction::<UpdateName>::new();
    let email = ServerAction::<ChangeEmail>::new();
    let password = ServerAction::<ChangePassword>::new();
    let rename_error = toast_on_success(rename, "Saved.");
    let email_error = toast_on_success(
        email,
        "Check your new inbox: the change takes effect when you confirm it.",
    );
    let password_error = toast_on_success(
        password,
        "Password changed. Your other devices were signed out.",
    );

    view! {
        <Title text="Settings"/>
        <h1>"Settings"</h1>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let me = user.0.await.ok().flatten();
                let name = me.as_ref().map(|u| u.name.clone()).unwrap_or_default();
                let current_email = me.as_ref().map(|u| u.email.clone()).unwrap_or_default();
                view! {
                    <section class="card settings-section" aria-labelledby="profile-heading">
                        <h2 id="profile-heading">"Profile"</h2>
                        <ActionForm action=rename attr:class="form" attr:novalidate=true>
                            <FormError error=rename_error/>
                            <Field label="Name" name="name" autocomplete="name" value=name required=true error=rename_error/>
                            <button type="submit" class="button button-primary">"Save name"</button>
                        </ActionForm>
                    </section>
                    <section class="card settings-section" aria-labelledby="email-heading">
                        <h2 id="email-heading">"Email"</h2>
                        <p class="muted">"Currently " <strong>{current_email}</strong> ". We send a link to the new address; the change happens when you open it."</p>
                        <ActionForm action=email attr:class="form" attr:novalidate=true>
                            <FormError error=email_error/>
                            <Field label="New email" name="email" input_type="email" autocomplete="email" required=true error=email_error/>
                            <Field label="Current password" name="current_password" id="email-current-password" input_type="password" autocomplete="current-password" error=email_error/>
                            <button type="submit" class="button button-primary">"Change email"</button>
                        </ActionForm>
                    </section>
                }
            })}
        </Transition>
        <section class="card settings-section" aria-labelledby="password-heading">
            <h2 id="password-heading">"Password"</h2>
            <ActionForm action=password attr:class="form" attr:novalidate=true>
                <FormError error=password_error/>
                <Field label="Current password" name="current_password" input_type="password" autocomplete="current-password" error=password_error/>
                <Field
                    label="New password"
                    name="new_password"
                    input_type="password"
                    autocomplete="new-password"
                    hint=format!("At least {PASSWORD_MIN} characters.")
                    required=true
                    error=password_error
                />
                <button type="submit" class="button button-primary">"Change password"</button>
            </ActionForm>
        </section>
        <p><a href="/settings/security">"Security: devices and two-step verification"</a></p>
    }
}
