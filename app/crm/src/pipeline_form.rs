use super::api::SavePipeline;
use super::model::PipelineView;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use ui::{use_toasts, Field, FieldErrors, ToastKind};

/// Renames the pipeline and sets its stages, one per line; and adds another pipeline.
#[component]
pub fn PipelineForm(ws_id: String, pipeline: PipelineView, reload: RwSignal<u32>) -> impl IntoView {
    let save = ServerAction::<SavePipeline>::new();
    let toasts = use_toasts();
    let error = Signal::derive(move || save.value().get().and_then(|r| r.err()));
    let stage_errors = Signal::derive(move || {
        error
            .get()
            .map(|e| e.field_messages("stages"))
            .unwrap_or_default()
    });
    Effect::new(move |_| {
        if let Some(Ok(p)) = save.value().get() {
            toasts.show(ToastKind::Success, format!("{} saved.", p.name));
            reload.update(|v| *v += 1);
        }
    });
    let stages = pipeline
        .stages
        .iter()
        .map(|s| s.name.clone())
        .collect::<Vec<_>>()
        .join("\n");
    view! {
        <details class="card">
            <summary>"Stages and pipelines"</summary>
            <ActionForm action=save attr:class="form">
                <FormError error/>
                <input type="hidden" name="workspace_id" value=ws_id/>
                <input type="hidden" name="id" value=pipeline.id.clone()/>
                <Field label="Pipeline name" name="name" value=pipeline.name.clone() required=true error/>
                <div class="field">
                    <label for="pipeline-stages">"Stages"</label>
                    <p class="field-hint" id="pipeline-stages-hint">"One per line, left to right. Renaming a stage keeps its deals."</p>
                    <textarea id="pipeline-stages" name="stages" rows="6" aria-describedby="pipeline-stages-hint">{stages}</textarea>
                    <FieldErrors messages=stage_errors/>
                </div>
                <button type="submit" class="button button-secondary">"Save stages"</button>
            </ActionForm>
        </details>
    }
}
