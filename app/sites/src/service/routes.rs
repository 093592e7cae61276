//! The module's plain routes for members: the editor's preview of a draft page, the
//! submissions download, and image uploads.

use super::store::{submissions, SubmissionDoc};
use crate::render::{image_urls, render_page, RenderCtx};
use app_core::error::AppError;
use axum::extract::{Path, Query, Request, State};
use axum::response::{IntoResponse, Json, Response};
use futures_util::TryStreamExt;
use http::{header, HeaderValue, StatusCode};
use identity::service::Auth;
use mongodb::bson::doc;
use platform::AppState;
use serde::Deserialize;
use workspaces::model::Permission;
use workspaces::WorkspaceScope;

/// The largest image the editor uploads.
pub const MAX_IMAGE_BYTES: usize = 5 * 1024 * 1024;

fn refuse(e: AppError) -> Response {
    (e.status_code(), e.to_string()).into_response()
}

async fn scope_of(
    state: &AppState,
    req: Request,
    workspace_id: &str,
) -> Result<WorkspaceScope, AppError> {
    let auth = req.extensions().get::<Auth>().cloned();
    drop(req);
    WorkspaceScope::require(state, auth.as_ref(), workspace_id, Permission::View).await
}

/// Query of the preview: which page.
#[derive(Debug, Deserialize)]
pub struct PreviewQuery {
    /// The page's id; the home page when absent.
    #[serde(default)]
    page: String,
}

/// `GET /sites/{workspace_id}/{site_id}/preview?page=<id>`: the draft page as it will look, for
/// the editor's frame (same origin only; forms and players inert).
pub async fn preview(
    State(state): State<AppState>,
    Path((workspace_id, site_id)): Path<(String, String)>,
    Query(q): Query<PreviewQuery>,
    req: Request,
) -> Response {
    let scope = match scope_of(&state, req, &workspace_id).await {
        Ok(s) => s,
        Err(e) => return refuse(e),
    };
    let site = match super::sites::get(&state, &scope, &site_id).await {
        Ok(s) => s,
        Err(e) => return refuse(e),
    };
    let content = &site.draft;
    let Some(page) = content
        .page_by_id(&q.page)
        .or_else(|| content.page(""))
        .or(content.pages.first())
    else {
        return refuse(AppError::NotFound {
            what: "That page".into(),
        });
    };
    let images = platform::media::known(&state, image_urls(page)).await;
    let base = format!("/s/{}", site.slug);
    let html = render_page(
        content,
        page,
        &RenderCtx {
            base: &base,
            origin: &state.config.base_origin,
            site_name: &site.name,
            preview: true,
            images: &images,
            form: None,
            token: "",
        },
    );
    let policy = format!(
        "default-src 'none'; style-src 'sha256-{}'; img-src 'self' https: data:; form-action 'none'; base-uri 'none'; frame-ancestors 'self'",
        platform::security::csp_hash(&crate::render::css::stylesheet(&content.theme))
    );
    let mut res = html.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(
        header::X_FRAME_OPTIONS,
        HeaderValue::from_static("SAMEORIGIN"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(v) = HeaderValue::from_str(&policy) {
        h.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    res
}

/// `GET /sites/{workspace_id}/{site_id}/submissions.csv`: every message the site's forms got,
/// newest first, each cell guarded against spreadsheet formulas.
pub async fn download(
    State(state): State<AppState>,
    Path((workspace_id, site_id)): Path<(String, String)>,
    req: Request,
) -> Response {
    let scope = match scope_of(&state, req, &workspace_id).await {
        Ok(s) => s,
        Err(e) => return refuse(e),
    };
    let site = match super::sites::get(&state, &scope, &site_id).await {
        Ok(s) => s,
        Err(e) => return refuse(e),
    };
    match csv(&state, &scope, &site_id).await {
        Ok(body) => (
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{}-messages.csv\"", site.slug),
                ),
                (header::CACHE_CONTROL, "no-store".to_owned()),
            ],
            body,
        )
            .into_response(),
        Err(e) => refuse(e),
    }
}

async fn csv(state: &AppState, scope: &WorkspaceScope, site_id: &str) -> Result<String, AppError> {
    use app_core::text::csv_guard as guard;
    let docs: Vec<SubmissionDoc> = submissions(&state.db)
        .find(scope.filter_with(doc! { "site_id": site_id }))
        .sort(doc! { "at": -1 })
        .await?
        .try_collect()
        .await?;
    // One column per field label, in the order they first appear.
    let mut labels: Vec<String> = Vec::new();
    for d in &docs {
        for (k, _) in &d.values {
            if !labels.contains(k) {
                labels.push(k.clone());
            }
        }
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut head = vec![
        "Sent at".to_owned(),
        "Page".to_owned(),
        "Form".to_owned(),
        "Email".to_owned(),
    ];
    head.extend(labels.iter().cloned());
    w.write_record(head.iter().map(|h| guard(h)))
        .map_err(|_| AppError::Internal)?;
    for d in &docs {
        let mut rec = vec![
            super::store::rfc3339(d.at),
            guard(&d.page),
            guard(&d.form),
            guard(&d.email),
        ];
        for l in &labels {
            let v = d
                .values
                .iter()
                .find(|(k, _)| k == l)
                .map_or("", |(_, v)| v.as_str());
            rec.push(guard(v));
        }
        w.write_record(&rec).map_err(|_| AppError::Internal)?;
    }
    String::from_utf8(w.into_inner().map_err(|_| AppError::Internal)?)
        .map_err(|_| AppError::Internal)
}

/// `POST /sites/{workspace_id}/images` with an `image` file field, from the editor: the stored
/// image as JSON (`url`, `width`, `height`). Editors and above.
pub async fn upload(
    State(state): State<AppState>,
    Path(workspace_id): Path<String>,
    req: Request,
) -> Response {
    match workspaces::service::uploads::image(&state, req, &workspace_id, MAX_IMAGE_BYTES).await {
        Ok(file) => Json(app_core::image::StoredImage {
            url: file.url(),
            width: file.width.unwrap_or_default(),
            height: file.height.unwrap_or_default(),
            thumbnail: None,
        })
        .into_response(),
        Err(e) => (e.status_code(), Json(e)).into_response(),
    }
}
