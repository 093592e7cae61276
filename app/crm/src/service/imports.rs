//! CSV import: an upload is kept for a day while its columns are mapped, then each row is
//! checked on its own. Good rows import, duplicates by email are skipped or merged, and bad rows
//! come back with their line number and the reason.

use super::contacts::{self, ContactInput};
use super::import_csv::{inspect, reader};
use super::{companies, fields};
use crate::model::{
    guess_target, split_list, CustomField, Duplicate, ImportPreview, ImportReport, RowError,
    TARGETS,
};
use app_core::error::AppError;
use mongodb::bson::{doc, DateTime};
use platform::AppState;
use serde::{Deserialize, Serialize};
use workspaces::WorkspaceScope;

/// Collection name.
pub const IMPORTS: &str = "crm_imports";

/// The largest file accepted.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// The most rows one file may have.
pub const MAX_ROWS: usize = 10_000;

/// Uploads a workspace keeps waiting to be imported; a new one replaces the oldest beyond this.
pub const MAX_WAITING: u64 = 3;

/// An upload waiting to be imported.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Upload {
    /// Id.
    #[serde(rename = "_id")]
    pub id: String,
    /// Owner.
    pub workspace_id: String,
    /// Name as uploaded.
    pub file_name: String,
    /// The file, as UTF-8.
    pub text: String,
    /// Removed by a TTL index after this.
    pub expires_at: DateTime,
}

/// Keeps an uploaded file for mapping; returns its id.
pub async fn store(
    state: &AppState,
    scope: &WorkspaceScope,
    file_name: &str,
    bytes: &[u8],
) -> Result<String, AppError> {
    if bytes.len() > MAX_BYTES {
        return Err(AppError::invalid("file", "Upload a file of at most 2 MB."));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| {
        AppError::invalid("file", "Save the file as CSV UTF-8 and upload it again.")
    })?;
    let text = text.trim_start_matches('\u{feff}').to_owned();
    inspect(&text)?;
    let upload = Upload {
        id: app_core::ids::new_id(),
        workspace_id: scope.workspace_id().to_owned(),
        file_name: file_name.chars().take(120).collect(),
        text,
        expires_at: DateTime::from_millis(state.clock.now().timestamp_millis() + 24 * 3600 * 1000),
    };
    let uploads = state.db.collection::<Upload>(IMPORTS);
    uploads.insert_one(&upload).await?;
    // Bounded storage: files nobody imports do not pile up.
    use futures_util::TryStreamExt;
    let older: Vec<String> = uploads
        .clone_with_type::<mongodb::bson::Document>()
        .find(scope.filter())
        .sort(doc! { "expires_at": -1, "_id": -1 })
        .skip(MAX_WAITING)
        .projection(doc! { "_id": 1 })
        .await?
        .try_filter_map(|d| async move { Ok(d.get_str("_id").ok().map(str::to_owned)) })
        .try_collect()
        .await?;
    if !older.is_empty() {
        uploads
            .delete_many(scope.filter_with(doc! { "_id": { "$in": older } }))
            .await?;
    }
    Ok(upload.id)
}

async fn find(state: &AppState, scope: &WorkspaceScope, id: &str) -> Result<Upload, AppError> {
    state
        .db
        .collection::<Upload>(IMPORTS)
        .find_one(scope.filter_with(doc! { "_id": id }))
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: "That upload".into(),
        })
}

/// The upload's columns, first rows and a guessed mapping.
pub async fn preview(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
) -> Result<ImportPreview, AppError> {
    let upload = find(state, scope, id).await?;
    let (headers, sample, rows) = inspect(&upload.text)?;
    let defs = fields::list(state, scope).await?;
    let mut used: Vec<String> = Vec::new();
    let mapping = headers
        .iter()
        .map(|h| {
            let g = guess_target(h, &defs);
            let single = !matches!(g.as_str(), "email" | "phone" | "tags" | "");
            if single && used.contains(&g) {
                return String::new();
            }
            used.push(g.clone());
            g
        })
        .collect();
    Ok(ImportPreview {
        id: upload.id,
        file_name: upload.file_name,
        headers,
        sample,
        rows,
        mapping,
    })
}

fn check_mapping(mapping: &[String], columns: usize, defs: &[CustomField]) -> Result<(), AppError> {
    let bad = |m: String| AppError::invalid("mapping", m);
    if mapping.len() != columns {
        return Err(bad("Choose where each column goes.".into()));
    }
    for (i, m) in mapping.iter().enumerate() {
        let known = TARGETS.iter().any(|(k, _)| k == m)
            || m.strip_prefix("custom:")
                .is_some_and(|k| defs.iter().any(|d| d.key == k));
        if !known {
            return Err(bad(format!("Column {} goes nowhere we know.", i + 1)));
        }
        let single = !matches!(m.as_str(), "email" | "phone" | "tags" | "");
        if single && mapping[..i].contains(m) {
            return Err(bad(format!(
                "Two columns go to the same field ({m}); choose one."
            )));
        }
    }
    if !mapping
        .iter()
        .any(|m| matches!(m.as_str(), "name" | "first_name" | "last_name" | "email"))
    {
        return Err(bad(
            "Map a column to Name or Email, so each contact can be told apart.".into(),
        ));
    }
    Ok(())
}

/// A row as a contact form, with its company name.
fn row_input(cells: &[&str], mapping: &[String]) -> (ContactInput, String) {
    let mut input = ContactInput::default();
    let (mut first, mut last, mut company) = (String::new(), String::new(), String::new());
    let append = |to: &mut String, v: &str| {
        if !to.is_empty() {
            to.push(',');
        }
        to.push_str(v);
    };
    for (target, cell) in mapping.iter().zip(cells) {
        // Our own export guards formulas with a leading apostrophe.
        let cell = match cell.strip_prefix('\'') {
            Some(rest) if rest.starts_with(['=', '@', '+', '-']) => rest,
            _ => cell,
        };
        if cell.is_empty() {
            continue;
        }
        match target.as_str() {
            "name" => input.name = cell.to_owned(),
            "first_name" => first = cell.to_owned(),
            "last_name" => last = cell.to_owned(),
            "email" => append(&mut input.emails, cell),
            "phone" => append(&mut input.phones, cell),
            "company" => company = cell.to_owned(),
            "tags" => append(&mut input.tags, cell),
            t => {
                if let Some(key) = t.strip_prefix("custom:") {
                    input
                        .custom
                        .entry(key.to_owned())
                        .or_default()
                        .extend(split_list(cell));
                }
            }
        }
    }
    if input.name.is_empty() {
        input.name = format!("{first} {last}").trim().to_owned();
    }
    (input, company)
}

/// Imports upload `id` with `mapping` (one target per column); `merge` adds to contacts whose
/// email is already known instead of skipping those rows. The upload is removed afterwards.
pub async fn run(
    state: &AppState,
    scope: &WorkspaceScope,
    id: &str,
    mapping: &[String],
    merge: bool,
) -> Result<ImportReport, AppError> {
    let upload = find(state, scope, id).await?;
    let defs = fields::list(state, scope).await?;
    let mut r = reader(&upload.text);
    let columns = r
        .headers()
        .map_err(|_| AppError::invalid("file", "That file cannot be read."))?
        .len();
    check_mapping(mapping, columns, &defs)?;
    let mut report = ImportReport::default();
    for rec in r.records() {
        let rec = match rec {
            Ok(rec) => rec,
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
                report.errors.push(RowError {
                    line,
                    reason: "This line cannot be read as CSV.".into(),
                });
                continue;
            }
        };
        let line = rec.position().map(|p| p.line() as usize).unwrap_or(0);
        let cells: Vec<&str> = rec.iter().collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        let (input, company) = row_input(&cells, mapping);
        let checked = match contacts::check(&input, &defs) {
            Ok(c) => c,
            Err(fields) => {
                let reason = fields.into_values().flatten().collect::<Vec<_>>().join(" ");
                report.errors.push(RowError { line, reason });
                continue;
            }
        };
        let mut known = None;
        for e in &checked.emails {
            if let Some(c) = contacts::by_email(state, scope, e).await? {
                known = Some((c, e.clone()));
                break;
            }
        }
        let mut checked = checked;
        if !company.is_empty() {
            match companies::named(state, scope, &company).await {
                Ok(cid) => checked.company_id = Some(cid),
                Err(e) => {
                    report.errors.push(RowError {
                        line,
                        reason: format!("Company: {}", reason_of(&e)),
                    });
                    continue;
                }
            }
        }
        if let Some((c, email)) = &known {
            report.duplicates.push(Duplicate {
                line,
                email: email.clone(),
                contact_id: c.id.clone(),
                contact_name: c.name.clone(),
            });
        }
        match known {
            Some((c, _)) if merge => {
                contacts::merge(state, scope, &c, &checked).await?;
                report.merged += 1;
            }
            Some(_) => report.skipped += 1,
            None => match contacts::import_one(state, scope, checked, &upload.file_name).await {
                Ok(_) => report.created += 1,
                Err(e @ AppError::LimitReached { .. }) => {
                    report.errors.push(RowError {
                        line,
                        reason: e.to_string(),
                    });
                }
                Err(e) => return Err(e),
            },
        }
    }
    state
        .db
        .collection::<Upload>(IMPORTS)
        .delete_one(scope.filter_with(doc! { "_id": id }))
        .await?;
    Ok(report)
}

fn reason_of(e: &AppError) -> String {
    match e {
        AppError::Validation { fields } => fields
            .values()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(" "),
        e => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_map_to_contact_fields() {
        let mapping: Vec<String> = [
            "first_name",
            "last_name",
            "email",
            "email",
            "tags",
            "company",
            "",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let (input, company) = row_input(
            &[
                "Ada",
                "Lovelace",
                "a@x.io",
                "b@x.io",
                "vip; speaker",
                "Engines Ltd",
                "x",
            ],
            &mapping,
        );
        assert_eq!(input.name, "Ada Lovelace");
        assert_eq!(input.emails, "a@x.io,b@x.io");
        assert_eq!(input.tags, "vip; speaker");
        assert_eq!(company, "Engines Ltd");
        let (input, _) = row_input(&["'=cmd", "", "", "", "", "", ""], &mapping);
        assert_eq!(input.name, "=cmd");
    }

    #[test]
    fn a_mapping_must_identify_contacts_and_not_repeat_fields() {
        let m = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(check_mapping(&m(&["phone", ""]), 2, &[]).is_err());
        assert!(check_mapping(&m(&["name", "name"]), 2, &[]).is_err());
        assert!(check_mapping(&m(&["email", "email"]), 2, &[]).is_ok());
        assert!(check_mapping(&m(&["email", "custom:nope"]), 2, &[]).is_err());
        assert!(check_mapping(&m(&["email"]), 2, &[]).is_err());
    }
}
