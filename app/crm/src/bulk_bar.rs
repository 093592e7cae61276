use super::api::{DeleteContacts, TagContacts};
use super::contacts_page::query_string;
use super::crm_layout::use_crm;
use super::model::ContactQuery;
use leptos::prelude::*;
use ui::{use_toasts, FieldErrors, ToastKind};

/// Actions on the selected contacts: add a tag, export, delete (after a confirmation).
#[component]
pub fn BulkBar(
    workspace_id: String,
    selected: RwSignal<Vec<String>>,
    changed: RwSignal<u32>,
    query: Memo<ContactQuery>,
) -> impl IntoView {
    let crm = use_crm();
    let toasts = use_toasts();
    let tag = RwSignal::new(String::new());
    let tag_error = RwSignal::new(Vec::<String>::new());
    let confirming = RwSignal::new(false);
    let tagging = ServerAction::<TagContacts>::new();
    let deleting = ServerAction::<DeleteContacts>::new();
    // The tag of the last request, for its toast once it is done.
    let last_tag = StoredValue::new(String::new());
    let busy = move || tagging.pending().get() || deleting.pending().get();
    let count = move || selected.with(Vec::len);
    let ws = StoredValue::new(workspace_id);
    let add_tag = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = tag.get_untracked();
        last_tag.set_value(t.clone());
        tagging.dispatch(TagContacts {
            workspace_id: ws.get_value(),
            ids: selected.get_untracked(),
            tag: t,
        });
    };
    Effect::new(move |_| match tagging.value().get() {
        Some(Ok(n)) => {
            let t = last_tag.get_value();
            tag_error.set(Vec::new());
            tag.set(String::new());
            toasts.show(ToastKind::Success, format!("Tagged {n} contacts with {t}."));
            crm.refresh();
        }
        Some(Err(e)) => {
            let mut m = e.field_messages("tag");
            m.extend(e.field_messages("ids"));
            if !e.is_field_level() {
                m.push(e.to_string());
            }
            tag_error.set(m);
        }
        None => {}
    });
    let delete = move |_| {
        deleting.dispatch(DeleteContacts {
            workspace_id: ws.get_value(),
            ids: selected.get_untracked(),
        });
    };
    Effect::new(move |_| {
        match deleting.value().get() {
            Some(Ok(n)) => {
                toasts.show(ToastKind::Success, format!("Deleted {n} contacts."));
                selected.set(Vec::new());
                changed.update(|v| *v += 1);
                crm.refresh();
            }
            Some(Err(e)) => toasts.show(ToastKind::Error, e.to_string()),
            None => return,
        }
        confirming.set(false);
    });
    let export = move || {
        let ids = selected.get().join(",");
        format!(
            "/workspaces/{}/crm/contacts.csv?{}&ids={ids}",
            ws.get_value(),
            query_string(&query.get())
        )
    };
    view! {
        <Show when=move || { count() > 0 }>
            <section class="bulk-bar card" aria-label="Selected contacts">
                <p><strong>{move || format!("{} selected", count())}</strong></p>
                <form class="inline-form" on:submit=add_tag>
                    <div class="field">
                        <label for="bulk-tag">"Tag to add"</label>
                        <input id="bulk-tag" prop:value=move || tag.get() on:input=move |ev| tag.set(event_target_value(&ev))/>
                        <FieldErrors messages=tag_error/>
                    </div>
                    <button type="submit" class="button button-secondary" disabled=busy>"Add tag"</button>
                </form>
                <a class="button button-secondary" href=export download="">"Export selected"</a>
                <Show
                    when=move || confirming.get()
                    fallback=move || view! { <button type="button" class="button button-danger" on:click=move |_| confirming.set(true)>"Delete…"</button> }
                >
                    <div class="confirm-row" role="alertdialog" aria-label="Confirm delete">
                        <p>{move || format!("Delete {} contacts with their notes and tasks? This cannot be undone.", count())}</p>
                        <button type="button" class="button button-danger" on:click=delete disabled=busy>"Delete contacts"</button>
                        <button type="button" class="button button-ghost" on:click=move |_| confirming.set(false)>"Cancel"</button>
                    </div>
                </Show>
            </section>
        </Show>
    }
}
