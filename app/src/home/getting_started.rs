use crate::ui::{Icon, IconName};
use app_core::home::HomeStep;
use leptos::prelude::*;

/// The first things to do in a new workspace, each ticked off by what the workspace has done;
/// gone once all are done.
#[component]
pub fn GettingStarted(steps: Vec<HomeStep>, base: String) -> impl IntoView {
    let done = steps.iter().filter(|s| s.done).count();
    let total = steps.len();
    (done < total).then(|| {
        view! {
            <section class="card getting-started" aria-labelledby="get-started-heading">
                <div class="section-head">
                    <h2 id="get-started-heading">"Get started"</h2>
                    <span class="muted">{format!("{done} of {total} done")}</span>
                </div>
                <progress max=total value=done aria-label="Getting started progress"></progress>
                <ol class="steps" aria-label="Getting started">
                    {steps.into_iter().map(|s| {
                        let href = format!("{base}/{}", s.href);
                        view! {
                            <li class:step-done=s.done>
                                <span class="step-mark" aria-hidden="true">{s.done.then(|| view! { <Icon name=IconName::Check/> })}</span>
                                {if s.done {
                                    view! { <span>{s.label.clone()}<span class="visually-hidden">" (done)"</span></span> }.into_any()
                                } else {
                                    view! { <a href=href>{s.label.clone()}</a> }.into_any()
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </section>
        }
    })
}
