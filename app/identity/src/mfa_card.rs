use super::api::{get_mfa_status, ConfirmMfa, DisableMfa, StartMfa};
use super::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use ui::{saved_version, use_toasts, Field, ToastKind};

/// Two-step verification on the security screen: set up with a QR code or key, see recovery
/// codes once, turn off with password and code.
#[component]
pub fn MfaCard() -> impl IntoView {
    let start = ServerAction::<StartMfa>::new();
    let confirm = ServerAction::<ConfirmMfa>::new();
    let disable = ServerAction::<DisableMfa>::new();
    let confirm_saved = saved_version(*confirm);
    let disable_saved = saved_version(*disable);
    let status = ui::resource(
        move || (confirm_saved.get(), disable_saved.get()),
        |_| get_mfa_status(),
    );
    let toasts = use_toasts();
    Effect::new(move |_| {
        if let Some(Ok(())) = disable.value().get() {
            toasts.show(ToastKind::Success, "Two-step verification is off.");
        }
    });
    let confirm_error = Signal::derive(move || confirm.value().get().and_then(|r| r.err()));
    let disable_error = Signal::derive(move || disable.value().get().and_then(|r| r.err()));
    let recovery = move || confirm.value().get().and_then(|r| r.ok());

    view! {
        <section class="card settings-section" aria-labelledby="mfa-heading">
            <h2 id="mfa-heading">"Two-step verification"</h2>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    let status = status.await;
                    if let Some(codes) = recovery() {
                        return view! {
                            <p role="status">"Two-step verification is on. Save these recovery codes somewhere safe: each works once if you lose your phone. They will not be shown again."</p>
                            <ul class="recovery-codes" aria-label="Recovery codes">
                                {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
                            </ul>
                        }.into_any();
                    }
                    match status {
                        Ok(s) if s.enabled => view! {
                            <p>{format!("On. A code is asked for after your password. {} recovery codes left.", s.recovery_codes_left)}</p>
                            <ActionForm action=disable attr:class="form" attr:novalidate=true>
                                <FormError error=disable_error/>
                                <Field label="Current password" name="password" input_type="password" autocomplete="current-password" required=true error=disable_error/>
                                <Field label="Code from your app" name="code" autocomplete="one-time-code" required=true error=disable_error/>
                                <button type="submit" class="button button-danger">"Turn off two-step verification"</button>
                            </ActionForm>
                        }.into_any(),
                        Ok(_) => view! { <MfaSetupSteps start confirm error=confirm_error/> }.into_any(),
                        Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn MfaSetupSteps(
    start: ServerAction<StartMfa>,
    confirm: ServerAction<ConfirmMfa>,
    error: Signal<Option<app_core::error::AppError>>,
) -> impl IntoView {
    view! {
        <Show
            when=move || matches!(start.value().get(), Some(Ok(_)))
            fallback=move || view! {
                <p class="muted">"Protect your account with a code from an authenticator app as well as your password."</p>
                <FormError error=Signal::derive(move || start.value().get().and_then(|r| r.err()))/>
                <ActionForm action=start>
                    <button type="submit" class="button button-primary">"Set up two-step verification"</button>
                </ActionForm>
            }
        >
            {move || start.value().get().and_then(|r| r.ok()).map(|setup| view! {
                <ol class="mfa-steps">
                    <li>
                        <p>"Scan this QR code with your authenticator app:"</p>
                        <img class="qr" src=setup.qr_svg alt="QR code for your authenticator app" width="200" height="200"/>
                        <p>"Or enter this key by hand: " <code class="manual-key" aria-label="Setup key">{setup.manual_key}</code></p>
                    </li>
                    <li>
                        <ActionForm action=confirm attr:class="form" attr:novalidate=true>
                            <FormError error/>
                            <Field label="Code from your app" name="code" autocomplete="one-time-code" required=true error/>
                            <button type="submit" class="button button-primary">"Turn on"</button>
                        </ActionForm>
                    </li>
                </ol>
            })}
        </Show>
    }
}
