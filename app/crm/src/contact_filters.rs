use super::model::{ContactQuery, CrmOverview, SORTS, SOURCES};
use leptos::prelude::*;

/// Search, filters and sort as a plain GET form, so the address bar holds them and they work
/// before the app has loaded.
#[component]
pub fn ContactFilters(overview: CrmOverview, query: Memo<ContactQuery>) -> impl IntoView {
    let q = query.get_untracked();
    let opt = |value: String, label: String, current: &str| {
        let sel = value == current;
        view! { <option value=value selected=sel>{label}</option> }
    };
    let clear = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    let has_filters = [
        &q.tag, &q.source, &q.company, &q.owner, &q.field, &q.value, &q.q,
    ]
    .iter()
    .any(|v| !v.is_empty());
    let active = [&q.tag, &q.source, &q.company, &q.owner, &q.field]
        .iter()
        .filter(|v| !v.is_empty())
        .count()
        + usize::from(!q.sort.is_empty() && q.sort != "newest");
    let form = NodeRef::<leptos::html::Form>::new();
    // Once the app runs, choosing a filter applies it at once.
    let apply = move |_| {
        if let Some(f) = form.get() {
            let _ = f.request_submit();
        }
    };
    view! {
        <form class="contact-filters" node_ref=form method="get" role="search" aria-label="Find contacts">
            <div class="field search-field">
                <label for="crm-q">"Search"</label>
                <input id="crm-q" type="search" name="q" value=q.q.clone() placeholder="Name, email, phone or company" autocomplete="off"/>
            </div>
            <details class="filters-more" open={active > 0}>
                <summary>{if active > 0 { format!("Filters ({active})") } else { "Filters and sort".to_owned() }}</summary>
            <div class="filter-row">
                <div class="field">
                    <label for="crm-tag">"Tag"</label>
                    <select on:change=apply id="crm-tag" name="tag">
                        <option value="">"Any tag"</option>
                        {overview.tags.iter().map(|t| opt(t.clone(), t.clone(), &q.tag)).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="crm-source">"Source"</label>
                    <select on:change=apply id="crm-source" name="source">
                        <option value="">"Any source"</option>
                        {SOURCES.iter().map(|s| opt(s.key().into(), s.label().into(), &q.source)).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="crm-company">"Company"</label>
                    <select on:change=apply id="crm-company" name="company">
                        <option value="">"Any company"</option>
                        {overview.companies.iter().map(|c| opt(c.id.clone(), c.name.clone(), &q.company)).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="crm-owner">"Owner"</label>
                    <select on:change=apply id="crm-owner" name="owner">
                        <option value="">"Anyone"</option>
                        {overview.members.iter().map(|(id, n)| opt(id.clone(), n.clone(), &q.owner)).collect_view()}
                    </select>
                </div>
                {(!overview.fields.is_empty()).then(|| view! {
                    <div class="field">
                        <label for="crm-field">"Custom field"</label>
                        <select on:change=apply id="crm-field" name="field">
                            <option value="">"None"</option>
                            {overview.fields.iter().map(|f| opt(f.key.clone(), f.label.clone(), &q.field)).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="crm-value">"Field value"</label>
                        <input id="crm-value" name="value" value=q.value.clone()/>
                    </div>
                })}
                <div class="field">
                    <label for="crm-sort">"Sort"</label>
                    <select on:change=apply id="crm-sort" name="sort">
                        {SORTS.iter().map(|(k, l)| opt((*k).into(), (*l).into(), if q.sort.is_empty() { "newest" } else { &q.sort })).collect_view()}
                    </select>
                </div>
            </div>
            </details>
            <div class="actions">
                <button type="submit" class="button button-secondary">"Apply"</button>
                {has_filters.then(|| view! { <a class="button button-ghost" href=clear.clone()>"Clear filters"</a> })}
            </div>
        </form>
    }
}
