use super::api::get_email_sequence;
use super::email_tabs::EmailTabs;
use super::model::SequenceView;
use super::sequence_controls::SequenceControls;
use super::sequence_people::SequencePeople;
use super::sequence_settings::SequenceSettings;
use super::sequence_steps::SequenceSteps;
use app_core::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use workspaces::api::get_workspace;

/// `/app/<handle>/email/sequences/<id>`: a sequence's steps, its settings, start and pause, the
/// people on it, and deleting it (asked twice).
#[component]
pub fn SequencePage() -> impl IntoView {
    let params = use_params_map();
    let version = RwSignal::new(0u32);
    let data = ui::resource(
        move || {
            let p = params.read();
            (
                p.get("handle").unwrap_or_default(),
                p.get("id").unwrap_or_default(),
                version.get(),
            )
        },
        |(handle, id, _)| async move {
            let ws = get_workspace(handle).await?;
            let (s, people) = get_email_sequence(ws.id.clone(), id).await?;
            Ok::<_, AppError>((ws.id, ws.handle, s, people))
        },
    );
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    view! {
        <EmailTabs/>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let (ws_id, handle, s, people) = data.await?;
                let header = RwSignal::new(s.clone());
                let edit = s.can_edit;
                Ok::<_, AppError>(view! {
                    <Title text=move || header.with(|h| h.name.clone())/>
                    <h1>{move || header.with(|h| h.name.clone())}</h1>
                    <p>
                        <span class="badge badge-accent">{move || header.with(|h| h.status.label())}</span>
                        {move || header.with(|h| format!(" on {} · {} on it · {} finished · {} left early", h.list_name, h.active, h.finished, h.left))}
                    </p>
                    {edit.then(|| view! { <SequenceControls workspace_id=ws_id.clone() handle=handle.clone() sequence=header/> })}
                    {edit.then(|| view! {
                        <SequenceSteps workspace_id=ws_id.clone() handle=handle.clone() sequence=s.clone()
                            saved=Callback::new(move |v: SequenceView| header.set(v))/>
                        <SequenceSettings workspace_id=ws_id.clone() sequence=s.clone() saved=Callback::new(move |v: SequenceView| header.set(v))/>
                    })}
                    <SequencePeople workspace_id=ws_id.clone() sequence_id=s.id.clone() people can_edit=edit changed=reload/>
                })
            })}
        </Transition>
    }
}
