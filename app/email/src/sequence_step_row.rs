use super::model::{step_label, Condition, Step, WaitUnit, WEEKDAYS};
use app_core::error::AppError;
use leptos::prelude::*;
use ui::{FieldErrors, Icon, IconName};

/// Step `index` of the steps being edited: its own fields (changed on each edit), move and
/// remove buttons, and the problems the last save found with it.
#[component]
pub fn SequenceStepRow(
    index: usize,
    step: Step,
    steps: RwSignal<Vec<Step>>,
    dirty: RwSignal<bool>,
    handle: String,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let n = index + 1;
    let edit = move |change: Box<dyn FnOnce(&mut Step)>| {
        steps.update(|all| {
            if let Some(s) = all.get_mut(index) {
                change(s);
            }
        });
        dirty.set(true);
    };
    let swap = move |with: usize| {
        steps.update(|all| {
            if with < all.len() {
                all.swap(index, with);
            }
        });
        dirty.set(true);
    };
    let messages = move |field: &'static str| {
        Signal::derive(move || {
            let key = match field {
                "" => format!("steps.{index}"),
                f => format!("steps.{index}.{f}"),
            };
            error
                .get()
                .map(|e| e.field_messages(&key))
                .unwrap_or_default()
        })
    };
    let id = |f: &str| format!("step-{index}-{f}");
    let fields = match step.clone() {
        Step::Email {
            campaign_id,
            subject,
            ..
        } => {
            let write = (!campaign_id.is_empty()).then(|| {
                let href = format!("/app/{handle}/email/campaigns/{campaign_id}");
                view! { <a class="button button-secondary" href=href>"Write the email"</a> }
            });
            view! {
                <p class="step-what"><strong>"Send an email"</strong>
                    {match subject.as_str() {
                        "" => " (save the steps, then write it)".to_owned(),
                        s => format!(": “{s}”"),
                    }}
                </p>
                {write}
            }
            .into_any()
        }
        Step::Wait { amount, unit, .. } => view! {
            <label for={id("amount")}><strong>"Wait"</strong></label>
            <input id={id("amount")} type="number" min="1" inputmode="numeric" class="step-amount" prop:value=amount.to_string()
                on:change=move |ev| {
                    let v = event_target_value(&ev).trim().parse().unwrap_or(0);
                    edit(Box::new(move |s| if let Step::Wait { amount, .. } = s { *amount = v }));
                }/>
            <select aria-label=format!("Unit of step {n}")
                on:change=move |ev| {
                    let key = event_target_value(&ev);
                    let unit = WaitUnit::ALL.into_iter().find(|u| u.name(2) == key).unwrap_or(WaitUnit::Days);
                    edit(Box::new(move |s| if let Step::Wait { unit: u, .. } = s { *u = unit }));
                }>
                {WaitUnit::ALL.map(|u| view! {
                    <option value=u.name(2) selected=u == unit>{u.name(2)}</option>
                })}
            </select>
            <FieldErrors messages=messages("amount")/>
        }
        .into_any(),
        Step::Until { weekday, time, .. } => view! {
            <label for={id("weekday")}><strong>"Wait until"</strong></label>
            <select id={id("weekday")}
                on:change=move |ev| {
                    let v = event_target_value(&ev).parse().unwrap_or(0);
                    edit(Box::new(move |s| if let Step::Until { weekday, .. } = s { *weekday = v }));
                }>
                <option value="0" selected=weekday == 0>"the next day"</option>
                {WEEKDAYS.iter().enumerate().map(|(i, d)| view! {
                    <option value=(i + 1).to_string() selected=usize::from(weekday) == i + 1>{*d}</option>
                }).collect_view()}
            </select>
            <label for={id("time")}>"at"</label>
            <input id={id("time")} type="time" prop:value=time
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    edit(Box::new(move |s| if let Step::Until { time, .. } = s { *time = v }));
                }/>
            <FieldErrors messages=messages("weekday")/>
            <FieldErrors messages=messages("time")/>
        }
        .into_any(),
        Step::Branch {
            condition,
            email,
            otherwise,
            ..
        } => {
            let all = steps.get_untracked();
            let earlier: Vec<(String, String)> = all[..index.min(all.len())]
                .iter()
                .filter(|s| matches!(s, Step::Email { .. }))
                .map(|s| (s.id().to_owned(), step_label(&all, s.id())))
                .collect();
            let later: Vec<(String, String)> = all
                .iter()
                .skip(index + 1)
                .map(|s| (s.id().to_owned(), step_label(&all, s.id())))
                .collect();
            view! {
                <label for={id("condition")}><strong>"If they"</strong></label>
                <select id={id("condition")}
                    on:change=move |ev| {
                        let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                        let c = Condition::ALL[i.min(3)];
                        edit(Box::new(move |s| if let Step::Branch { condition, .. } = s { *condition = c }));
                    }>
                    {Condition::ALL.iter().enumerate().map(|(i, c)| view! {
                        <option value=i.to_string() selected=*c == condition>{c.label()}</option>
                    }).collect_view()}
                </select>
                <select aria-label=format!("Email step {n} asks about")
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        edit(Box::new(move |s| if let Step::Branch { email, .. } = s { *email = v }));
                    }>
                    <option value="" selected=email.is_empty()>"choose an email"</option>
                    {earlier.into_iter().map(|(v, label)| view! { <option selected=v == email value=v>{label}</option> }).collect_view()}
                </select>
                <span>"they go on; otherwise"</span>
                <select aria-label=format!("Otherwise, at step {n}")
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        edit(Box::new(move |s| if let Step::Branch { otherwise, .. } = s { *otherwise = v }));
                    }>
                    <option value="" selected=otherwise.is_empty()>"they leave the sequence"</option>
                    {later.into_iter().map(|(v, label)| view! { <option selected=v == otherwise value=v.clone()>{format!("skip to {label}")}</option> }).collect_view()}
                </select>
                <FieldErrors messages=messages("email")/>
                <FieldErrors messages=messages("otherwise")/>
            }
            .into_any()
        }
    };
    view! {
        <li class="card sequence-step">
            <span class="step-number" aria-hidden="true">{n}</span>
            <div class="step-fields" role="group" aria-label=format!("Step {n}")>{fields}<FieldErrors messages=messages("")/></div>
            <div class="step-tools">
                <button type="button" class="icon-button" aria-label=format!("Move step {n} up") disabled=index == 0
                    on:click=move |_| swap(index.wrapping_sub(1))><Icon name=IconName::ArrowUp/></button>
                <button type="button" class="icon-button" aria-label=format!("Move step {n} down")
                    disabled={move || index + 1 >= steps.with(Vec::len)}
                    on:click=move |_| swap(index + 1)><Icon name=IconName::ArrowDown/></button>
                <button type="button" class="icon-button" aria-label=format!("Remove step {n}")
                    on:click=move |_| {
                        steps.update(|all| { if index < all.len() { all.remove(index); } });
                        dirty.set(true);
                    }><Icon name=IconName::Trash/></button>
            </div>
        </li>
    }
}
