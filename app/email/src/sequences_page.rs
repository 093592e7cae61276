use super::api::{get_email_lists, get_email_sequences, SaveEmailSequence};
use super::email_tabs::EmailTabs;
use super::model::Trigger;
use app_core::error::AppError;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};
use ui::{EmptyState, Field, FieldErrors, IconName};
use workspaces::api::get_workspace;

/// `/app/<handle>/email/sequences`: sequences with how many are on each, and a form that starts
/// a new one and opens it.
#[component]
pub fn SequencesPage() -> impl IntoView {
    let params = use_params_map();
    let save = ServerAction::<SaveEmailSequence>::new();
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    let data = ui::resource(
        move || params.read().get("handle").unwrap_or_default(),
        |handle| async move {
            let ws = get_workspace(handle).await?;
            let sequences = get_email_sequences(ws.id.clone()).await?;
            let lists = get_email_lists(ws.id.clone()).await?;
            Ok::<_, AppError>((ws, sequences, lists))
        },
    );
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(s)) = save.value().get() {
            let handle = params.read_untracked().get("handle").unwrap_or_default();
            navigate(
                &format!("/app/{handle}/email/sequences/{}", s.id),
                Default::default(),
            );
        }
    });
    let messages = move |field: &'static str| {
        Signal::derive(move || {
            error
                .get()
                .map(|e| e.field_messages(field))
                .unwrap_or_default()
        })
    };
    view! {
        <Title text="Sequences"/>
        <EmailTabs/>
        <h1>"Sequences"</h1>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let (ws, sequences, lists) = data.await?;
                let handle = ws.handle.clone();
                let shown = if sequences.is_empty() {
                    view! { <EmptyState icon=IconName::Bolt title="No sequences yet" body="Welcome new subscribers with a series of emails, each sent after a wait, and follow up only with those who did not click."/> }.into_any()
                } else {
                    view! {
                        <ul class="email-lists" aria-label="Sequences">
                            {sequences.into_iter().map(|s| view! {
                                <li class="card">
                                    <h2><a href=format!("/app/{handle}/email/sequences/{}", s.id)>{s.name.clone()}</a></h2>
                                    <p>
                                        <span class="badge">{s.status.label()}</span>
                                        {format!(" on {} · {} steps · {} on it, {} finished", s.list_name, s.steps.len(), s.active, s.finished)}
                                    </p>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                };
                let can_edit = lists.can_edit;
                let form = match (can_edit, lists.lists.is_empty()) {
                    (false, _) => ().into_any(),
                    (true, true) => view! { <p class="muted">"Create a list first: a sequence writes to the subscribers of one list."</p> }.into_any(),
                    (true, false) => view! {
                        <section class="card" aria-labelledby="new-sequence">
                            <h2 id="new-sequence">"New sequence"</h2>
                            <ActionForm action=save attr:class="form">
                                <FormError error/>
                                <input type="hidden" name="workspace_id" value=ws.id.clone()/>
                                <input type="hidden" name="id" value=""/>
                                <Field label="Name" name="name" required=true autocomplete="off" error/>
                                <div class="field">
                                    <label for="sequence-list">"List"</label>
                                    <select id="sequence-list" name="list_id">
                                        {lists.lists.iter().map(|l| view! { <option value=l.id.clone()>{l.name.clone()}</option> }).collect_view()}
                                    </select>
                                    <FieldErrors messages=messages("list_id")/>
                                </div>
                                <div class="field">
                                    <label for="sequence-trigger">"Starts when someone"</label>
                                    <select id="sequence-trigger" name="trigger">
                                        {Trigger::ALL.iter().map(|t| view! { <option value=t.key()>{t.label()}</option> }).collect_view()}
                                    </select>
                                    <FieldErrors messages=messages("trigger")/>
                                </div>
                                <Field label="Tag that starts it" name="trigger_tag" autocomplete="off" error
                                    hint="When it starts on a tag: people on the list whose contact gets this tag."/>
                                <button type="submit" class="button button-primary">"Create and add steps"</button>
                            </ActionForm>
                        </section>
                    }.into_any(),
                };
                Ok::<_, AppError>(view! { {shown} {form} })
            })}
        </Transition>
    }
}
