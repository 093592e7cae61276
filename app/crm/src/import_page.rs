use super::api::{get_crm_import, RunCrmImport};
use super::crm_layout::use_crm;
use super::model::{CustomField, ImportPreview, ImportReport, TARGETS};
use app_core::error::AppError;
use identity::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use ui::FieldErrors;

/// `/app/<handle>/crm/import`: upload a CSV, map its columns with a preview, choose what
/// happens to known emails, and read the report of what was imported and what was not.
#[component]
pub fn ImportPage() -> impl IntoView {
    let crm = use_crm();
    let query = use_query_map();
    let preview = ui::resource(
        move || query.read().get("upload").unwrap_or_default(),
        move |id| async move {
            let (ws, _) = crm.data.await?;
            if id.is_empty() {
                return Ok(None);
            }
            get_crm_import(ws.id, id).await.map(Some)
        },
    );
    view! {
        <Title text="Import contacts"/>
        <h1>"Import contacts"</h1>
        <Transition fallback=|| view! { <p class="muted">"Reading the file…"</p> }>
            {move || Suspend::new(async move {
                let (ws, overview) = crm.data.await?;
                let upload_error = query.read().get("error");
                Ok::<_, AppError>(match preview.await {
                    Ok(Some(p)) => view! { <Mapping ws_id=ws.id.clone() handle=ws.handle.clone() preview=p fields=overview.fields.clone()/> }.into_any(),
                    Ok(None) => view! { <Upload ws_id=ws.id.clone() error=upload_error/> }.into_any(),
                    Err(AppError::NotFound { .. }) => view! { <Upload ws_id=ws.id.clone() error=Some("That upload has expired or was already imported. Upload the file again.".into())/> }.into_any(),
                    Err(e) => return Err(e),
                })
            })}
        </Transition>
    }
}

#[component]
fn Upload(ws_id: String, error: Option<String>) -> impl IntoView {
    let has_error = error.is_some();
    view! {
        <section class="card" aria-labelledby="upload-heading">
            <h2 id="upload-heading">"1. Upload a CSV file"</h2>
            <p class="muted">"The first line names the columns, e.g. Name, Email, Phone, Company, Tags. Up to 10,000 rows and 2 MB. Export from a spreadsheet as “CSV UTF-8”."</p>
            <form method="post" action=format!("/workspaces/{ws_id}/crm/import") enctype="multipart/form-data" class="form">
                <div class="field" class:field-invalid=has_error>
                    <label for="import-file">"CSV file"</label>
                    <input id="import-file" type="file" name="file" accept=".csv,text/csv" required=true aria-invalid=has_error.to_string()/>
                    <FieldErrors messages=Signal::derive(move || error.clone().into_iter().collect::<Vec<_>>())/>
                </div>
                <button type="submit" class="button button-primary">"Upload and preview"</button>
            </form>
        </section>
    }
}

#[component]
fn Mapping(
    ws_id: String,
    handle: String,
    preview: ImportPreview,
    fields: Vec<CustomField>,
) -> impl IntoView {
    let run = ServerAction::<RunCrmImport>::new();
    let report = move || run.value().get().and_then(|r| r.ok());
    let contacts = format!("/app/{handle}/crm");
    let again = format!("/app/{handle}/crm/import");
    let form = StoredValue::new((ws_id, preview, fields));
    view! {
        <Show
            when=move || report().is_none()
            fallback=move || view! { <Report report=report().unwrap_or_default() contacts=contacts.clone() again=again.clone()/> }
        >
            {move || {
                let (ws_id, preview, fields) = form.get_value();
                view! { <MapForm run ws_id preview fields/> }
            }}
        </Show>
    }
}

#[component]
fn MapForm(
    run: ServerAction<RunCrmImport>,
    ws_id: String,
    preview: ImportPreview,
    fields: Vec<CustomField>,
) -> impl IntoView {
    let error = Signal::derive(move || run.value().get().and_then(|r| r.err()));
    let mapping_errors = Signal::derive(move || {
        error
            .get()
            .map(|e| e.field_messages("mapping"))
            .unwrap_or_default()
    });
    let targets: Vec<(String, String)> = TARGETS
        .iter()
        .map(|(k, l)| ((*k).to_owned(), (*l).to_owned()))
        .chain(
            fields
                .iter()
                .map(|f| (format!("custom:{}", f.key), f.label.clone())),
        )
        .collect();
    let ImportPreview {
        id,
        file_name,
        headers,
        sample,
        rows,
        mapping,
    } = preview;
    view! {
            <section class="card" aria-labelledby="map-heading">
                <h2 id="map-heading">{format!("2. Map the columns of {file_name} ({rows} rows)")}</h2>
                <ActionForm action=run attr:class="form">
                    <FormError error/>
                    <input type="hidden" name="workspace_id" value=ws_id.clone()/>
                    <input type="hidden" name="id" value=id.clone()/>
                    <div class="table-scroll">
                        <table class="import-map">
                            <thead><tr><th scope="col">"Column"</th><th scope="col">"Goes to"</th><th scope="col">"First values"</th></tr></thead>
                            <tbody>
                                {headers.iter().enumerate().map(|(i, h)| {
                                    let guess = mapping.get(i).cloned().unwrap_or_default();
                                    let examples = sample.iter().filter_map(|r| r.get(i).cloned()).filter(|v| !v.is_empty()).take(3).collect::<Vec<_>>().join(", ");
                                    let select_id = format!("map-{i}");
                                    view! {
                                        <tr>
                                            <th scope="row"><label for=select_id.clone()>{if h.is_empty() { format!("Column {}", i + 1) } else { h.clone() }}</label></th>
                                            <td>
                                                <select id=select_id name="mapping[]">
                                                    {targets.iter().map(|(k, l)| view! { <option value=k.clone() selected=*k == guess>{l.clone()}</option> }).collect_view()}
                                                </select>
                                            </td>
                                            <td class="muted">{examples}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <FieldErrors messages=mapping_errors/>
                    <fieldset class="field">
                        <legend>"When an email already belongs to a contact"</legend>
                        <label class="check"><input type="radio" name="duplicates" value="skip" checked=true/>" Skip the row"</label>
                        <label class="check"><input type="radio" name="duplicates" value="merge"/>" Merge it into the contact (adds emails, phones, tags; fills empty fields)"</label>
                    </fieldset>
                    <button type="submit" class="button button-primary" disabled=move || run.pending().get()>
                        {move || if run.pending().get() { "Importing…" } else { "Import contacts" }}
                    </button>
                </ActionForm>
            </section>
    }
}

#[component]
fn Report(report: ImportReport, contacts: String, again: String) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="report-heading" role="status">
            <h2 id="report-heading">"3. Import finished"</h2>
            <dl class="figures">
                <div><dt>"Added"</dt><dd>{report.created}</dd></div>
                <div><dt>"Merged"</dt><dd>{report.merged}</dd></div>
                <div><dt>"Skipped as duplicates"</dt><dd>{report.skipped}</dd></div>
                <div><dt>"Not imported"</dt><dd>{report.errors.len()}</dd></div>
            </dl>
            {(!report.errors.is_empty()).then(|| view! {
                <h3>"Rows not imported"</h3>
                <table class="import-errors" aria-label="Rows not imported">
                    <thead><tr><th scope="col">"Line"</th><th scope="col">"Reason"</th></tr></thead>
                    <tbody>
                        {report.errors.iter().map(|e| view! { <tr><td>{e.line}</td><td>{e.reason.clone()}</td></tr> }).collect_view()}
                    </tbody>
                </table>
            })}
            {duplicates(&report, &contacts)}
            <div class="actions">
                <a class="button button-primary" href=contacts>"See contacts"</a>
                <a class="button button-secondary" href=again>"Import another file"</a>
            </div>
        </section>
    }
}

/// The most duplicate rows listed; a file of 10,000 known people says how many more there were.
const LISTED: usize = 200;

/// The rows whose email already belonged to a contact, each linked to that contact.
fn duplicates(report: &ImportReport, contacts: &str) -> impl IntoView {
    let rows = &report.duplicates;
    let what = if report.merged > 0 {
        "Rows merged into existing contacts"
    } else {
        "Rows matching existing contacts"
    };
    (!rows.is_empty()).then(|| {
        let more = rows.len().saturating_sub(LISTED);
        view! {
            <h3>{what}</h3>
            <table class="import-errors" aria-label=what>
                <thead><tr><th scope="col">"Line"</th><th scope="col">"Email"</th><th scope="col">"Contact"</th></tr></thead>
                <tbody>
                    {rows.iter().take(LISTED).map(|d| view! {
                        <tr>
                            <td>{d.line}</td>
                            <td>{d.email.clone()}</td>
                            <td><a href=format!("{contacts}/contacts/{}", d.contact_id)>{d.contact_name.clone()}</a></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            {(more > 0).then(|| view! { <p class="muted">{format!("and {more} more")}</p> })}
        }
    })
}
