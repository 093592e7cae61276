use super::api::{get_wizard, WizardGo, WizardGoals, WizardModules, WizardWorkspace};
use super::model::{suggest_handle, WizardState, GOALS, MODULES, WIZARD_STEPS};
use super::wizard_account::WizardAccount;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use ui::{saved_version, Field};

/// The id of the step's own form, which its Continue button (outside it) submits.
const STEP_FORM: &str = "wizard-step";
const STEP_LABELS: [&str; 5] = ["Name", "Goals", "Modules", "Plan", "Done"];

/// `/onboarding`: the setup wizard. Each step saves on the server, so a reload, or a return days
/// later, opens the same step; every step after the first can be skipped and revisited. `plans`
/// draws the plan step for a workspace id (billing's plan choices; the shell passes them in).
#[component]
pub fn OnboardingPage(plans: Callback<String, AnyView>) -> impl IntoView {
    let ws = ServerAction::<WizardWorkspace>::new();
    let goals = ServerAction::<WizardGoals>::new();
    let modules = ServerAction::<WizardModules>::new();
    let go = ServerAction::<WizardGo>::new();
    let ws_saved = saved_version(*ws);
    let goals_saved = saved_version(*goals);
    let modules_saved = saved_version(*modules);
    let wizard = ui::resource(
        move || {
            (
                ws_saved.get(),
                goals_saved.get(),
                modules_saved.get(),
                go.version().get(),
            )
        },
        |_| get_wizard(),
    );
    view! {
        <Title text="Set up your workspace"/>
        <main class="auth-page" id="main">
            <WizardAccount/>
            <section class="card wizard-card" aria-labelledby="wizard-title">
                <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                    {move || Suspend::new(async move {
                        match wizard.await {
                            Ok(state) => view! { <Wizard state ws goals modules go plans/> }.into_any(),
                            Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                        }
                    })}
                </Transition>
            </section>
        </main>
    }
}

#[component]
fn Wizard(
    state: WizardState,
    ws: ServerAction<WizardWorkspace>,
    goals: ServerAction<WizardGoals>,
    modules: ServerAction<WizardModules>,
    go: ServerAction<WizardGo>,
    plans: Callback<String, AnyView>,
) -> impl IntoView {
    let index = WIZARD_STEPS
        .iter()
        .position(|s| *s == state.step)
        .unwrap_or(0);
    let ws_error = Signal::derive(move || ws.value().get().and_then(|r| r.err()));
    let goals_error = Signal::derive(move || goals.value().get().and_then(|r| r.err()));
    let modules_error = Signal::derive(move || modules.value().get().and_then(|r| r.err()));
    let workspace = state.workspace.clone();
    let skip = move |to: &'static str| {
        view! {
            <ActionForm action=go attr:class="inline-form">
                <input type="hidden" name="step" value=to/>
                <button type="submit" class="button button-ghost">"Skip"</button>
            </ActionForm>
        }
    };
    let back = move |to: &'static str| {
        view! {
            <ActionForm action=go attr:class="inline-form">
                <input type="hidden" name="step" value=to/>
                <button type="submit" class="button button-ghost">"Back"</button>
            </ActionForm>
        }
    };
    let next = || view! { <button type="submit" form=STEP_FORM class="button button-primary">"Continue"</button> };
    let body = match state.step.as_str() {
        "goals" => view! {
            <h1 id="wizard-title">"What do you want to do first?"</h1>
            <p class="muted">"We will suggest the right modules. Pick any."</p>
            // The row of buttons sits after the form: Back and Skip are forms of their own, and a
            // form inside a form is dropped by the HTML parser (breaking hydration and no-JS use).
            <ActionForm action=goals attr:class="form" attr:id=STEP_FORM>
                <FormError error=goals_error/>
                <fieldset class="choice-list">
                    <legend class="visually-hidden">"Goals"</legend>
                    {GOALS.iter().enumerate().map(|(i, (key, label))| {
                        let checked = state.goals.iter().any(|g| g == key);
                        view! {
                            <label class="choice"><input type="checkbox" name=format!("goals[{i}]") value=*key checked=checked/>{*label}</label>
                        }
                    }).collect_view()}
                </fieldset>
            </ActionForm>
            <div class="wizard-actions">{back("workspace")}{skip("modules")}{next()}</div>
        }.into_any(),
        "modules" => {
            let enabled = workspace.as_ref().map(|w| w.modules.clone()).unwrap_or_default();
            view! {
                <h1 id="wizard-title">"Choose your modules"</h1>
                <p class="muted">"You can switch modules on and off later in settings."</p>
                <ActionForm action=modules attr:class="form" attr:id=STEP_FORM>
                    <FormError error=modules_error/>
                    <fieldset class="choice-list">
                        <legend class="visually-hidden">"Modules"</legend>
                        {MODULES.iter().enumerate().map(|(i, (key, label, blurb))| {
                            let checked = enabled.iter().any(|m| m == key);
                            view! {
                                <label class="choice">
                                    <input type="checkbox" name=format!("modules[{i}]") value=*key checked=checked/>
                                    <span><strong>{*label}</strong><br/><span class="muted">{*blurb}</span></span>
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                </ActionForm>
                <div class="wizard-actions">{back("goals")}{skip("plan")}{next()}</div>
            }.into_any()
        }
        "plan" => view! {
            <h1 id="wizard-title">"Choose a plan"</h1>
            {plans.run(workspace.as_ref().map(|w| w.id.clone()).unwrap_or_default())}
            <ActionForm action=go attr:class="form" attr:id=STEP_FORM>
                <input type="hidden" name="step" value="done"/>
            </ActionForm>
            <div class="wizard-actions">{back("modules")}<button type="submit" form=STEP_FORM class="button button-primary">"Continue with Free"</button></div>
        }.into_any(),
        "done" => {
            let handle = workspace.as_ref().map(|w| w.handle.clone()).unwrap_or_default();
            let name = workspace.as_ref().map(|w| w.name.clone()).unwrap_or_default();
            view! {
                <h1 id="wizard-title">"You are all set"</h1>
                <p>{format!("{name} is ready.")}</p>
                <a class="button button-primary button-block" href=format!("/app/{handle}")>"Go to your dashboard"</a>
                <div class="wizard-actions">{back("plan")}</div>
            }.into_any()
        }
        _ => {
            let name = workspace.as_ref().map(|w| w.name.clone());
            let handle = workspace.as_ref().map(|w| w.handle.clone());
            let tz = workspace.as_ref().map(|w| w.time_zone.clone()).unwrap_or_else(|| "UTC".into());
            let currency = workspace.as_ref().map(|w| w.currency.clone()).unwrap_or_else(|| "USD".into());
            let suggested = RwSignal::new(handle.clone().unwrap_or_default());
            view! {
                <h1 id="wizard-title">"Name your workspace"</h1>
                <p class="muted">"A workspace holds your pages, contacts and team. Its handle is your public address."</p>
                <ActionForm action=ws attr:class="form" attr:novalidate=true>
                    <FormError error=ws_error/>
                    <div on:input=move |ev| {
                        // Suggest a handle from the name until the person edits the handle.
                        if handle.is_none() { suggested.set(suggest_handle(&event_target_value(&ev))); }
                    }>
                        <Field label="Workspace name" name="name" value=name required=true error=ws_error/>
                    </div>
                    <Field label="Handle" name="handle" value=Signal::derive(move || suggested.get()) hint="Lowercase letters, digits and dashes: mewayz.com/@handle" required=true error=ws_error/>
                    <Field label="Time zone" name="time_zone" value=tz hint="Like Europe/Paris or America/New_York" required=true error=ws_error/>
                    <Field label="Currency" name="currency" value=currency hint="Three letters, like USD or EUR" required=true error=ws_error/>
                    <button type="submit" class="button button-primary button-block">"Continue"</button>
                </ActionForm>
            }.into_any()
        }
    };
    view! {
        <ol class="stepper" aria-label="Setup progress">
            {STEP_LABELS.iter().enumerate().map(|(i, label)| view! {
                <li class:done=i < index class:current=i == index aria-current=(i == index).then_some("step")>{*label}</li>
            }).collect_view()}
        </ol>
        {body}
    }
}
