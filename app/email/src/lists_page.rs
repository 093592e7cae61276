use super::api::{get_email_lists, SaveEmailList};
use super::email_tabs::EmailTabs;
use app_core::error::AppError;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use ui::{saved_version, use_toasts, EmptyState, Field, IconName, ToastKind};
use workspaces::api::get_workspace;

/// `/app/<handle>/email`: the workspace's lists with their counts and a form for a new one.
#[component]
pub fn ListsPage() -> impl IntoView {
    let params = use_params_map();
    let save = ServerAction::<SaveEmailList>::new();
    let toasts = use_toasts();
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    let saved = saved_version(*save);
    let data = ui::resource(
        move || (params.read().get("handle").unwrap_or_default(), saved.get()),
        |(handle, _)| async move {
            let ws = get_workspace(handle).await?;
            let lists = get_email_lists(ws.id.clone()).await?;
            Ok::<_, AppError>((ws, lists))
        },
    );
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if let Some(Ok(l)) = save.value().get() {
            toasts.show(ToastKind::Success, format!("{} created.", l.name));
            if let Some(f) = form.get_untracked() {
                f.reset();
            }
        }
    });
    view! {
        <Title text="Email lists"/>
        <EmailTabs/>
        <h1>"Email lists"</h1>
        <p class="muted">"Collect subscribers with a form anyone can open, or add your contacts by tag. Every address keeps the record of how it agreed."</p>
        <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let (ws, overview) = data.await?;
                let lists = overview.lists;
                let handle = ws.handle.clone();
                let body = if lists.is_empty() {
                    view! { <EmptyState icon=IconName::Mail title="No lists yet" body="Create your first list: a newsletter, a waitlist or a course announcement."/> }.into_any()
                } else {
                    view! {
                        <ul class="email-lists" aria-label="Lists">
                            {lists.into_iter().map(|l| view! {
                                <li class="card">
                                    <h2><a href=format!("/app/{handle}/email/lists/{}", l.id)>{l.name.clone()}</a></h2>
                                    <p>
                                        <strong>{l.subscribed}</strong>" subscribed"
                                        {(l.pending > 0).then(|| format!(" · {} waiting for confirmation", l.pending))}
                                        {(l.unsubscribed > 0).then(|| format!(" · {} left", l.unsubscribed))}
                                    </p>
                                    <p class="muted">{if l.double_opt_in { "Signups confirm by email." } else { "Signups join at once." }}</p>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                };
                Ok::<_, AppError>(view! {
                    {body}
                    {overview.can_edit.then(|| view! {
                        <section class="card" aria-labelledby="new-list">
                            <h2 id="new-list">"New list"</h2>
                            <ActionForm action=save node_ref=form attr:class="form">
                                <FormError error/>
                                <input type="hidden" name="workspace_id" value=ws.id.clone()/>
                                <Field label="List name" name="name" required=true autocomplete="off" error/>
                                <label class="choice">
                                    <input type="checkbox" name="double_opt_in" value="on" checked=true/>
                                    " Ask form signups to confirm by email (double opt-in)"
                                </label>
                                <button type="submit" class="button button-primary">"Create list"</button>
                            </ActionForm>
                        </section>
                    })}
                })
            })}
        </Transition>
    }
}
