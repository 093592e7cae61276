use super::api::{
    count_email_segment, delete_email_segment, get_email_segments, save_email_segment,
};
use super::model::{SegmentRule, ACTIVITIES};
use app_core::error::AppError;
use crm::model::SOURCES;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::{use_toasts, FieldErrors, ToastKind};

fn subscribers(n: u64) -> String {
    app_core::text::count(n, "subscriber", "subscribers")
}

/// A list's segments with their counts now, and a form that counts as conditions are chosen and
/// saves them under a name.
#[component]
pub fn SegmentsCard(
    ws_id: String,
    list_id: String,
    tags: Vec<String>,
    can_edit: bool,
) -> impl IntoView {
    let toasts = use_toasts();
    let version = RwSignal::new(0u32);
    let ids = StoredValue::new((ws_id, list_id));
    let rule = RwSignal::new(SegmentRule {
        days: 30,
        ..SegmentRule::default()
    });
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let saved = ui::resource(
        move || version.get(),
        move |_| {
            let (ws, list) = ids.get_value();
            get_email_segments(ws, list)
        },
    );
    let live = ui::resource(
        move || rule.get(),
        move |r| {
            let (ws, list) = ids.get_value();
            async move {
                if !r.problems().is_empty() {
                    return None;
                }
                count_email_segment(
                    ws,
                    list,
                    r.tag,
                    r.source,
                    r.field,
                    r.value,
                    r.activity,
                    r.days.to_string(),
                )
                .await
                .ok()
            }
        },
    );
    let messages = move |field: &'static str| {
        Signal::derive(move || {
            error
                .get()
                .map(|e| e.field_messages(field))
                .unwrap_or_default()
        })
    };
    let save = move |_| {
        let (ws, list) = ids.get_value();
        let r = rule.get_untracked();
        let n = name.get_untracked();
        spawn_local(async move {
            match save_email_segment(
                ws,
                list,
                n,
                r.tag,
                r.source,
                r.field,
                r.value,
                r.activity,
                r.days.to_string(),
            )
            .await
            {
                Ok(s) => {
                    toasts.show(
                        ToastKind::Success,
                        format!("{} saved: {} subscribers now.", s.name, s.count),
                    );
                    error.set(None);
                    name.set(String::new());
                    version.update(|v| *v += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let remove = move |id: String| {
        let (ws, _) = ids.get_value();
        spawn_local(async move {
            match delete_email_segment(ws, id).await {
                Ok(()) => version.update(|v| *v += 1),
                Err(e) => toasts.show(ToastKind::Error, e.to_string()),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="segments">
            <h2 id="segments">"Segments"</h2>
            <Transition fallback=|| view! { <p class="muted">"Counting…"</p> }>
                {move || Suspend::new(async move {
                    let list = saved.await?;
                    Ok::<_, AppError>(if list.is_empty() {
                        view! { <p class="muted">"No segments yet: send to part of the list, like those who clicked lately."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="plain-list" aria-label="Saved segments">
                                {list.into_iter().map(|s| {
                                    let id = s.id.clone();
                                    view! {
                                        <li class="segment-row">
                                            <span><strong>{s.name.clone()}</strong>{format!(" · {}", subscribers(s.count))}</span>
                                            {can_edit.then(|| view! {
                                                <button type="button" class="button button-ghost" aria-label=format!("Delete segment {}", s.name) on:click=move |_| remove(id.clone())>"Delete"</button>
                                            })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    })
                })}
            </Transition>
            {can_edit.then(|| view! {
                <div class="form" role="group" aria-label="New segment">
                    <div class="field">
                        <label for="seg-tag">"Tag"</label>
                        <select id="seg-tag" on:change=move |ev| rule.update(|r| r.tag = event_target_value(&ev))>
                            <option value="">"Any"</option>
                            {tags.iter().map(|t| view! { <option value=t.clone()>{t.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="seg-source">"Came from"</label>
                        <select id="seg-source" on:change=move |ev| rule.update(|r| r.source = event_target_value(&ev))>
                            <option value="">"Anywhere"</option>
                            {SOURCES.iter().map(|s| view! { <option value=s.key()>{s.label()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="seg-activity">"Activity"</label>
                        <select id="seg-activity" on:change=move |ev| rule.update(|r| r.activity = event_target_value(&ev))>
                            <option value="">"Any"</option>
                            {ACTIVITIES.iter().map(|(k, l)| view! { <option value=*k>{*l}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="seg-days">"In the last days"</label>
                        <input id="seg-days" type="number" min="1" max="365" inputmode="numeric" prop:value=move || rule.get().days.to_string()
                            on:change=move |ev| rule.update(|r| r.days = event_target_value(&ev).parse().unwrap_or(0))/>
                        <FieldErrors messages=messages("days")/>
                    </div>
                    <p role="status" class="segment-count">
                        <Suspense fallback=|| "Counting…">
                            {move || live.get().map(|n| match n {
                                Some(n) => format!("{} {} now.", subscribers(n), if n == 1 { "matches" } else { "match" }),
                                None => "Choose at least one condition.".to_owned(),
                            })}
                        </Suspense>
                    </p>
                    <div class="field">
                        <label for="seg-name">"Segment name"</label>
                        <input id="seg-name" type="text" autocomplete="off" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                        <FieldErrors messages=messages("name")/>
                    </div>
                    <FieldErrors messages=messages("form")/>
                    <button type="button" class="button button-secondary" on:click=save>"Save segment"</button>
                </div>
            })}
        </section>
    }
}
