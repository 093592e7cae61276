//! The CRM's plain routes: the CSV upload (a multipart form that works before the app loads) and
//! the CSV download.

use super::{export, imports};
use crate::model::ContactQuery;
use app_core::error::AppError;
use axum::extract::{Multipart, Path, Query, Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use identity::service::Auth;
use platform::AppState;
use serde::Deserialize;
use workspaces::model::Permission;
use workspaces::WorkspaceScope;

async fn scope_of(
    state: &AppState,
    auth: Option<Auth>,
    id: &str,
    p: Permission,
) -> Result<(WorkspaceScope, String), AppError> {
    let scope = WorkspaceScope::require(state, auth.as_ref(), id, p).await?;
    let ws = workspaces::service::workspaces::get(state, &scope).await?;
    Ok((scope, ws.handle))
}

fn refuse(e: AppError) -> Response {
    (e.status_code(), e.to_string()).into_response()
}

/// `POST /workspaces/{id}/crm/import` with a `file` field: keeps the file and goes to the
/// mapping step, or back to the upload with the problem in `?error=`.
pub async fn upload(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request,
) -> Response {
    let auth = req.extensions().get::<Auth>().cloned();
    let (scope, handle) = match scope_of(&state, auth, &id, Permission::EditContent).await {
        Ok(x) => x,
        Err(e) => return refuse(e),
    };
    let back = |q: String| Redirect::to(&format!("/app/{handle}/crm/import?{q}")).into_response();
    let fail = |m: &str| back(format!("error={}", app_core::url::encode_query_value(m)));
    let Ok(mut form) = <Multipart as axum::extract::FromRequest<()>>::from_request(req, &()).await
    else {
        return fail("Choose a CSV file to upload.");
    };
    let (mut name, mut bytes) = (String::new(), Vec::new());
    loop {
        match form.next_field().await {
            Ok(Some(f)) if f.name() == Some("file") => {
                name = f.file_name().unwrap_or("contacts.csv").to_owned();
                match f.bytes().await {
                    Ok(b) => bytes = b.to_vec(),
                    Err(_) => return fail("Upload a file of at most 2 MB."),
                }
            }
            Ok(Some(_)) => continue,
            Ok(None) => break,
            Err(_) => return fail("Upload a file of at most 2 MB."),
        }
    }
    if bytes.is_empty() {
        return fail("Choose a CSV file to upload.");
    }
    match imports::store(&state, &scope, &name, &bytes).await {
        Ok(upload) => back(format!("upload={upload}")),
        Err(AppError::Validation { fields }) => {
            fail(&fields.into_values().flatten().collect::<Vec<_>>().join(" "))
        }
        Err(e) => refuse(e),
    }
}

/// The export's query: the list's filters plus an optional selection.
#[derive(Debug, Deserialize)]
pub struct ExportQuery {
    #[serde(flatten)]
    q: ContactQuery,
    /// Comma-separated contact ids; all matching when empty.
    #[serde(default)]
    ids: String,
}

/// `GET /workspaces/{id}/crm/contacts.csv?<filters>[&ids=]`: the list as a CSV download.
pub async fn download(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<ExportQuery>,
    req: Request,
) -> Response {
    let auth = req.extensions().get::<Auth>().cloned();
    drop(req);
    let (scope, handle) = match scope_of(&state, auth, &id, Permission::View).await {
        Ok(x) => x,
        Err(e) => return refuse(e),
    };
    let ids: Vec<String> = query
        .ids
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    match export::contacts_csv(&state, &scope, &query.q, &ids).await {
        Ok(csv) => {
            let day = state
                .clock
                .now()
                .try_to_rfc3339_string()
                .unwrap_or_default();
            let file = format!(
                "{handle}-contacts-{}.csv",
                day.get(..10).unwrap_or("export")
            );
            (
                StatusCode::OK,
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{file}\""),
                    ),
                    (header::CACHE_CONTROL, "no-store".to_owned()),
                ],
                csv,
            )
                .into_response()
        }
        Err(e) => refuse(e),
    }
}
