use super::model::ContactView;
use leptos::prelude::*;

/// The contacts as rows (cards on phones), each with a checkbox for bulk actions.
#[component]
pub fn ContactList(
    handle: String,
    #[prop(into)] items: Signal<Vec<ContactView>>,
    selected: RwSignal<Vec<String>>,
    selectable: bool,
) -> impl IntoView {
    let all_ids = move || items.with(|i| i.iter().map(|c| c.id.clone()).collect::<Vec<_>>());
    let all_on = move || {
        let ids = all_ids();
        !ids.is_empty() && selected.with(|s| ids.iter().all(|id| s.contains(id)))
    };
    view! {
        {selectable.then(|| view! {
            <label class="check select-all">
                <input type="checkbox" prop:checked=all_on on:change=move |ev| {
                    if event_target_checked(&ev) { selected.set(all_ids()) } else { selected.set(Vec::new()) }
                }/>
                " Select all shown"
            </label>
        })}
        <ul class="contact-list" aria-label="Contacts">
            <For each=move || items.get() key=|c| (c.id.clone(), c.updated_at.clone()) let:c>
                {
                    let id = c.id.clone();
                    let id2 = c.id.clone();
                    let name = c.display_name();
                    let href = format!("/app/{handle}/crm/contacts/{}", c.id);
                    let checked = move || selected.with(|s| s.contains(&id));
                    view! {
                        <li class="contact-row">
                            {selectable.then(|| view! {
                                <input type="checkbox" aria-label=format!("Select {name}") prop:checked=checked on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    selected.update(|s| { s.retain(|x| x != &id2); if on { s.push(id2.clone()); } });
                                }/>
                            })}
                            <div class="contact-main">
                                <a href=href class="contact-name">{c.display_name()}</a>
                                <span class="muted">{c.emails.first().cloned().unwrap_or_default()}</span>
                            </div>
                            <span class="contact-company">{c.company_name.clone().unwrap_or_default()}</span>
                            <span class="contact-tags">
                                {c.tags.iter().map(|t| view! { <span class="badge">{t.clone()}</span> }).collect_view()}
                            </span>
                            <span class="contact-source muted">{c.source.label()}</span>
                        </li>
                    }
                }
            </For>
        </ul>
    }
}
