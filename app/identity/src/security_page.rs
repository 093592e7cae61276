use super::api::{list_sessions, LogoutEverywhere, RevokeSession};
use crate::model::SessionView;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use ui::{use_toasts, ToastKind};

/// `/settings/security`: the devices signed in to the account, each revocable, and a way to
/// sign out everywhere.
#[component]
pub fn SecurityPage() -> impl IntoView {
    let revoke = ServerAction::<RevokeSession>::new();
    let sessions = ui::resource(move || revoke.version().get(), |_| list_sessions());
    let toasts = use_toasts();
    Effect::new(move |_| match revoke.value().get() {
        Some(Ok(())) => toasts.show(ToastKind::Success, "That device was signed out."),
        Some(Err(e)) => toasts.error(&e),
        None => {}
    });

    view! {
        <Title text="Security"/>
        <h1>"Security"</h1>
        <section class="card settings-section" aria-labelledby="devices-heading">
            <h2 id="devices-heading">"Signed-in devices"</h2>
            <p class="muted">"If you do not recognise a device, sign it out and change your password."</p>
            <Transition fallback=|| view! { <p class="muted">"Loading devices…"</p> }>
                {move || Suspend::new(async move {
                    match sessions.await {
                        Ok(list) => view! {
                            <ul class="session-list">
                                {list.into_iter().map(|s| view! { <SessionRow session=s revoke/> }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
        <super::MfaCard/>
        <LogoutEverywhereCard/>
        <super::SecurityLogCard/>
    }
}

#[component]
fn SessionRow(session: SessionView, revoke: ServerAction<RevokeSession>) -> impl IntoView {
    let when = session
        .last_seen_at
        .get(..10)
        .unwrap_or_default()
        .to_owned();
    view! {
        <li class="session-row">
            <div>
                <p class="session-device">{session.device.clone()}</p>
                <p class="muted">{format!("{} · last active {when}", session.ip)}</p>
            </div>
            {if session.current {
                view! { <span class="badge badge-accent">"This device"</span> }.into_any()
            } else {
                view! {
                    <ActionForm action=revoke>
                        <input type="hidden" name="id" value=session.id.clone()/>
                        <button type="submit" class="button button-secondary">
                            "Sign out"<span class="visually-hidden">{format!(" {}", session.device)}</span>
                        </button>
                    </ActionForm>
                }.into_any()
            }}
        </li>
    }
}

/// Signing out everywhere asks once more before it happens.
#[component]
fn LogoutEverywhereCard() -> impl IntoView {
    let action = ServerAction::<LogoutEverywhere>::new();
    let confirming = RwSignal::new(false);
    view! {
        <section class="card settings-section" aria-labelledby="everywhere-heading">
            <h2 id="everywhere-heading">"Log out everywhere"</h2>
            <p class="muted">"Ends every session on every device, this one included."</p>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="button button-danger" on:click=move |_| confirming.set(true)>
                        "Log out everywhere"
                    </button>
                }
            >
                <ActionForm action=action attr:class="confirm-row">
                    <p role="alert">"Sign out of every device now?"</p>
                    <button type="submit" class="button button-danger">"Yes, log out everywhere"</button>
                    <button type="button" class="button button-ghost" on:click=move |_| confirming.set(false)>"Cancel"</button>
                </ActionForm>
            </Show>
        </section>
    }
}
