use super::api::{UpdateWorkspace, UpdateWorkspaceModules};
use super::current_workspace::use_route_workspace;
use super::model::{Permission, WorkspaceView, MODULES};
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use ui::{use_toasts, Field, ToastKind};

/// `/app/<handle>/settings`: name, handle, time zone, currency and modules (owners and admins).
#[component]
pub fn WorkspaceSettingsPage() -> impl IntoView {
    let workspace = use_route_workspace();
    view! {
        <Title text="Workspace settings"/>
        <h1>"Workspace settings"</h1>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let ws = workspace.await?;
                Ok::<_, app_core::error::AppError>(if ws.role.can(Permission::ManageSettings) {
                    view! { <SettingsForms ws/> }.into_any()
                } else {
                    view! { <p>"Only owners and admins can change this workspace's settings."</p> }.into_any()
                })
            })}
        </Transition>
    }
}

#[component]
fn SettingsForms(ws: WorkspaceView) -> impl IntoView {
    let save = ServerAction::<UpdateWorkspace>::new();
    let modules = ServerAction::<UpdateWorkspaceModules>::new();
    let toasts = use_toasts();
    Effect::new(move |_| {
        if let Some(Ok(saved)) = save.value().get() {
            toasts.show(ToastKind::Success, "Saved.");
            // A new handle is a new address for this screen.
            let path = format!("/app/{}/settings", saved.handle);
            if leptos_router::hooks::use_location()
                .pathname
                .get_untracked()
                != path
            {
                leptos_router::hooks::use_navigate()(&path, Default::default());
            }
        }
        if let Some(Ok(())) = modules.value().get() {
            toasts.show(ToastKind::Success, "Modules updated.");
        }
    });
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    let modules_error = Signal::derive(move || modules.value().get().and_then(|r| r.err()));
    let (id1, id2) = (ws.id.clone(), ws.id.clone());
    let upload_to = format!("/workspaces/{}/logo", ws.id);
    let query = leptos_router::hooks::use_query_map();
    let logo_error = move || {
        query.read().get("logo_error").map(|e| match e.as_str() {
            "type" => "Use a PNG, JPEG, WebP or GIF image.",
            "too_big" => "Use an image of at most 1 MB.",
            "missing" => "Choose an image first.",
            "storage" => "Your plan's storage is full. Delete files or upgrade to add more.",
            _ => "The upload did not work. Try again.",
        })
    };
    let enabled = ws.modules.clone();
    view! {
        <section class="card settings-section" aria-labelledby="general-heading">
            <h2 id="general-heading">"General"</h2>
            <ActionForm action=save attr:class="form" attr:novalidate=true>
                <FormError error/>
                <input type="hidden" name="workspace_id" value=id1/>
                <Field label="Workspace name" name="name" value=ws.name.clone() required=true error/>
                <Field label="Handle" name="handle" value=ws.handle.clone() hint="Your public address. Changing it breaks links that use the old one." required=true error/>
                <Field label="Time zone" name="time_zone" value=ws.time_zone.clone() required=true error/>
                <Field label="Currency" name="currency" value=ws.currency.clone() required=true error/>
                <button type="submit" class="button button-primary">"Save settings"</button>
            </ActionForm>
        </section>
        <section class="card settings-section" aria-labelledby="logo-heading">
            <h2 id="logo-heading">"Logo"</h2>
            {ws.logo_url.clone().map(|src| view! { <img class="logo-preview" src=src alt="Current logo" width="96" height="96"/> })}
            <Show when=move || logo_error().is_some()>
                <p class="form-error" role="alert">{logo_error}</p>
            </Show>
            <form class="form" method="post" action=upload_to enctype="multipart/form-data">
                <div class="field">
                    <label for="logo-file">"Logo image"</label>
                    <p class="field-hint">"PNG, JPEG, WebP or GIF, up to 1 MB. Square works best."</p>
                    <input id="logo-file" type="file" name="logo" accept="image/png,image/jpeg,image/webp,image/gif" required=true/>
                </div>
                <button type="submit" class="button button-secondary">"Upload logo"</button>
            </form>
        </section>
        <section class="card settings-section" aria-labelledby="modules-heading">
            <h2 id="modules-heading">"Modules"</h2>
            <ActionForm action=modules attr:class="form">
                <FormError error=modules_error/>
                <input type="hidden" name="workspace_id" value=id2/>
                <fieldset class="choice-list">
                    <legend class="visually-hidden">"Modules"</legend>
                    {MODULES.iter().enumerate().map(|(i, (key, label, _))| {
                        let checked = enabled.iter().any(|m| m == key);
                        view! { <label class="choice"><input type="checkbox" name=format!("modules[{i}]") value=*key checked=checked/>{*label}</label> }
                    }).collect_view()}
                </fieldset>
                <button type="submit" class="button button-primary">"Save modules"</button>
            </ActionForm>
        </section>
    }
}
