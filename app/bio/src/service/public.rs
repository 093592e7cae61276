//! The visitor-facing routes: the page at `/@handle[/slug]`, its signup form posts, and the
//! `/l/<page>/<block>` redirect that counts a click. Plain HTML, no WASM, no cookies.

use super::cache::{self, Served};
use super::events::{record, Hit};
use super::pages::{pages, public_path, public_url, published};
use super::subscribers::subscribe;
use crate::model::BlockKind;
use crate::render::{is_live, render_page, RenderCtx};
use axum::extract::{Form, Path, Query, Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::{header, HeaderValue, StatusCode};
use mongodb::bson::{doc, DateTime};
use platform::encoded::Encoded;
use platform::request::client_ip;
use platform::AppState;
use serde::Deserialize;
use std::sync::Arc;

/// `now` as `YYYY-MM-DDTHH:MM:SSZ`, the form schedules are stored in.
pub fn canonical_time(at: DateTime) -> String {
    at.try_to_rfc3339_string()
        .map(|s| format!("{}Z", &s[..19]))
        .unwrap_or_default()
}

/// The policy of a public page: [`platform::security::public_page_csp`] with the three players'
/// frames.
fn csp(style: &str) -> HeaderValue {
    platform::security::public_page_csp(
        style,
        "https://www.youtube-nocookie.com https://open.spotify.com https://www.tiktok.com",
    )
}

/// When a scheduled link of `content` next appears or goes after `now`, if ever.
fn next_change(content: &crate::model::PageContent, now: &str) -> Option<String> {
    content
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Link {
                starts_at, ends_at, ..
            } => Some([starts_at, ends_at]),
            _ => None,
        })
        .flatten()
        .filter_map(|t| t.as_deref())
        .filter(|t| *t > now)
        .min()
        .map(str::to_owned)
}

/// Records the request as a view (or a click on `block_id`). A visit that cannot be counted
/// still gets its page or redirect.
async fn count(
    state: &AppState,
    parts: &http::request::Parts,
    workspace_id: &str,
    page_id: &str,
    block_id: Option<&str>,
) {
    let ip = client_ip(parts, state.config.trusted_proxy_hops);
    let hit = Hit {
        ip: &ip,
        headers: &parts.headers,
    };
    if let Err(e) = record(state, workspace_id, page_id, block_id, &hit).await {
        tracing::warn!(error = %e, "bio visit not recorded");
    }
}

fn not_found() -> Response {
    let body = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
        <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>Not found</title></head>\
        <body><main><h1>This page does not exist</h1><p><a href=\"/\">Mewayz</a></p></main></body></html>";
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

fn unavailable(e: app_core::error::AppError) -> Response {
    (e.status_code(), e.to_string()).into_response()
}

/// Query of a public page: the signup form's result after it posted.
#[derive(Debug, Deserialize)]
pub struct PageQuery {
    /// `ok` or `invalid`.
    signup: Option<String>,
}

/// `GET /@{handle}`.
pub async fn main_page(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    Query(q): Query<PageQuery>,
    req: Request,
) -> Response {
    serve(state, handle, String::new(), q, req).await
}

/// `GET /@{handle}/{slug}`.
pub async fn extra_page(
    State(state): State<AppState>,
    Path((handle, slug)): Path<(String, String)>,
    Query(q): Query<PageQuery>,
    req: Request,
) -> Response {
    serve(state, handle, slug, q, req).await
}

async fn serve(
    state: AppState,
    handle: String,
    slug: String,
    q: PageQuery,
    req: Request,
) -> Response {
    let handle = handle.to_ascii_lowercase();
    let (parts, _) = req.into_parts();
    let at = state.clock.now();
    // After a signup the form shows its result: that page is the visitor's own, not kept.
    let keep = q.signup.is_none();
    let cache = cache::of(&state);
    let served = match cache.page(&handle, &slug, at).filter(|_| keep) {
        Some(hit) => hit,
        // Boxed: a render's database calls would make every visit's future (moved whole into
        // axum's boxes) as large as a miss's, and a visit is almost always a hit.
        None => match Box::pin(render(
            &state,
            &handle,
            &slug,
            at,
            q.signup.as_deref(),
            &parts.headers,
        ))
        .await
        {
            Ok((workspace_id, served, changes_at)) => {
                if keep {
                    let fresh_for = match workspace_id {
                        Some(_) => platform::invalidate::fresh_for(&state),
                        None => platform::invalidate::FRESH_FOR_FALLBACK,
                    };
                    cache.remember(
                        &handle,
                        &slug,
                        workspace_id,
                        served.clone(),
                        changes_at,
                        fresh_for,
                    );
                }
                served
            }
            Err(e) => return unavailable(e),
        },
    };
    let Some(served) = served else {
        return not_found();
    };
    count(&state, &parts, &served.workspace_id, &served.page_id, None).await;
    let mut res = served.page.respond(&parts.headers, StatusCode::OK);
    res.headers_mut()
        .insert(header::CONTENT_SECURITY_POLICY, served.csp.clone());
    res
}

/// Reads and renders the page at `handle`/`slug`: its workspace (when the handle is one), the
/// page as served (when published) and when its schedule next changes it.
async fn render(
    state: &AppState,
    handle: &str,
    slug: &str,
    at: DateTime,
    signup: Option<&str>,
    headers: &http::HeaderMap,
) -> Result<(Option<String>, Option<Arc<Served>>, Option<String>), app_core::error::AppError> {
    let now = &canonical_time(at);
    let Some((ws, page)) = published(state, handle, slug).await? else {
        return Ok((None, None, None));
    };
    let Some((page, content)) = page.and_then(|p| p.published.clone().map(|c| (p, c))) else {
        return Ok((Some(ws.id), None, None));
    };
    let canonical = public_url(state, &ws.handle, &page.slug);
    let path = public_path(&ws.handle, &page.slug);
    let images = super::images::known(state, &content).await;
    let html = render_page(
        &content,
        &RenderCtx {
            now,
            nonce: "",
            preview: false,
            canonical_url: &canonical,
            fallback_title: &ws.name,
            click_base: &format!("/l/{}", page.id),
            subscribe_action: &path,
            capture_result: signup,
            images: &images,
        },
    );
    let served = Served {
        workspace_id: ws.id.clone(),
        page_id: page.id.clone(),
        // A signup's result is this visitor's page alone: compressed quickly, not kept.
        page: match signup {
            Some(_) => Encoded::for_one(html.into(), headers),
            None => Encoded::new(html.into()),
        },
        csp: csp(&crate::render::css::stylesheet(&content.theme)),
    };
    Ok((
        Some(ws.id),
        Some(Arc::new(served)),
        next_change(&content, now),
    ))
}

/// The signup form's fields.
#[derive(Debug, Deserialize)]
pub struct Signup {
    block: String,
    email: String,
}

/// `POST /@{handle}`: a signup on the main page.
pub async fn main_signup(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    parts: http::request::Parts,
    Form(form): Form<Signup>,
) -> Response {
    let ip = client_ip(&parts, state.config.trusted_proxy_hops);
    signup(state, handle, String::new(), form, &ip).await
}

/// `POST /@{handle}/{slug}`: a signup on another page.
pub async fn extra_signup(
    State(state): State<AppState>,
    Path((handle, slug)): Path<(String, String)>,
    parts: http::request::Parts,
    Form(form): Form<Signup>,
) -> Response {
    let ip = client_ip(&parts, state.config.trusted_proxy_hops);
    signup(state, handle, slug, form, &ip).await
}

async fn signup(state: AppState, handle: String, slug: String, form: Signup, ip: &str) -> Response {
    let (ws, page) = match published(&state, &handle, &slug).await {
        Ok(Some((ws, Some(page)))) => (ws, page),
        Ok(_) => return not_found(),
        Err(e) => return unavailable(e),
    };
    let now = canonical_time(state.clock.now());
    let has_form = page.published.as_ref().is_some_and(|c| {
        c.blocks.iter().any(|b| {
            b.id == form.block
                && is_live(b, &now)
                && matches!(b.kind, BlockKind::EmailCapture { .. })
        })
    });
    if !has_form {
        return not_found();
    }
    let page_path = public_path(&ws.handle, &page.slug);
    match state.limits.signups.check(&format!("{ip} {}", ws.id)).await {
        Ok(()) => {}
        Err(app_core::error::AppError::RateLimited { retry_after_secs }) => {
            return (
                StatusCode::TOO_MANY_REQUESTS,
                [(header::RETRY_AFTER, retry_after_secs.to_string())],
                "Too many signups from here. Try again in a minute.",
            )
                .into_response()
        }
        Err(e) => return unavailable(e),
    }
    let result = match subscribe(
        &state,
        &ws.id,
        &page.id,
        &form.block,
        &form.email,
        &page_path,
        ip,
    )
    .await
    {
        Ok(()) => "ok",
        Err(app_core::error::AppError::Validation { .. }) => "invalid",
        Err(e) => return unavailable(e),
    };
    let path = public_path(&ws.handle, &page.slug);
    let block: String = form
        .block
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    Redirect::to(&format!("{path}?signup={result}#b-{block}")).into_response()
}

/// Query of a click: which profile of a social block.
#[derive(Debug, Deserialize)]
pub struct ClickQuery {
    i: Option<usize>,
}

/// Percent-encodes what a `Location` header cannot carry (non-ASCII, spaces were refused).
fn location_safe(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        if b.is_ascii_graphic() {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `GET /l/{page}/{block}`: counts the click and sends the visitor on. Only live blocks of the
/// published page lead anywhere, so an old or hidden link cannot be used as a redirect.
pub async fn click(
    State(state): State<AppState>,
    Path((page_id, block_id)): Path<(String, String)>,
    Query(q): Query<ClickQuery>,
    req: Request,
) -> Response {
    let page = match pages(&state.db)
        .find_one(doc! { "_id": &page_id, "published": { "$ne": null } })
        .await
    {
        Ok(Some(p)) => p,
        Ok(None) => return not_found(),
        Err(e) => return unavailable(e.into()),
    };
    let now = canonical_time(state.clock.now());
    let target = page.published.as_ref().and_then(|c| {
        let block = c
            .blocks
            .iter()
            .find(|b| b.id == block_id && is_live(b, &now))?;
        match &block.kind {
            BlockKind::Link { url, .. }
            | BlockKind::Booking { url, .. }
            | BlockKind::Payment { url, .. } => Some(url.clone()),
            BlockKind::Social { links } => links.get(q.i.unwrap_or(0)).map(|l| l.url.clone()),
            _ => None,
        }
    });
    let Some(target) = target else {
        return not_found();
    };
    count(
        &state,
        &req.into_parts().0,
        &page.workspace_id,
        &page.id,
        Some(&block_id),
    )
    .await;
    let mut res = StatusCode::FOUND.into_response();
    if let Ok(v) = HeaderValue::from_str(&location_safe(&target)) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}
