//! The visitor-facing pages of a site: at `/s/<site>[/<page>]` on the app, and at
//! `/[<page>]` on its custom domain (see `host`). Plain HTML, no WASM, no cookies; also each
//! site's `sitemap.xml` and `robots.txt`.

use super::cache::{self, Served, TOKEN_SLOT};
use super::forms;
use super::store::{sites, SiteDoc};
use crate::render::{css, image_urls, page_path, render_page, FormState, RenderCtx};
use app_core::error::AppError;
use app_core::text::escape_html as esc;
use axum::body::Bytes;
use axum::response::{IntoResponse, Response};
use http::{header, HeaderMap, HeaderValue, StatusCode};
use mongodb::bson::doc;
use platform::encoded::Encoded;
use platform::events::visitors::{self, Happened, Hit};
use platform::events::VIEW;
use platform::public_page::PublicPage;
use platform::AppState;
use std::sync::{Arc, LazyLock};

/// Where a request reached a site.
#[derive(Debug, Clone)]
pub enum Place {
    /// `/s/<slug>` on the app.
    Path(String),
    /// Its own domain.
    Host(String),
}

impl Place {
    /// The cache key of this place.
    pub fn key(&self) -> String {
        match self {
            Place::Path(s) => format!("s:{s}"),
            Place::Host(h) => format!("h:{h}"),
        }
    }

    /// The site's path prefix here.
    pub fn base(&self) -> String {
        match self {
            Place::Path(s) => format!("/s/{s}"),
            Place::Host(_) => String::new(),
        }
    }

    /// The scheme and host pages are reached at here.
    pub fn origin(&self, state: &AppState) -> String {
        match self {
            Place::Path(_) => state.config.base_origin.clone(),
            Place::Host(h) => format!("https://{h}"),
        }
    }
}

/// The published site at `place`, if there is one.
pub async fn site_at(state: &AppState, place: &Place) -> Result<Option<SiteDoc>, AppError> {
    let filter = match place {
        Place::Path(slug) => doc! { "slug": slug.to_ascii_lowercase() },
        Place::Host(host) => match super::domains::active(state, host).await? {
            Some(d) => doc! { "_id": d.site_id },
            None => return Ok(None),
        },
    };
    let mut f = filter;
    f.insert("published", doc! { "$ne": null });
    Ok(sites(&state.db).find_one(f).await?)
}

/// The policy of a site's pages: their inline style by hash, and the players' frames.
pub fn csp(style: &str) -> HeaderValue {
    platform::security::public_page_csp(
        style,
        "https://www.youtube-nocookie.com https://open.spotify.com https://www.tiktok.com",
    )
}

/// The shell of the pages a site shows when it cannot show the one asked for.
static PAGE: LazyLock<PublicPage> = LazyLock::new(|| PublicPage::new("", None));

/// The page a missing site or page gets: it names no site and no workspace.
pub fn not_found() -> Response {
    PAGE.render(
        StatusCode::NOT_FOUND,
        "Not found",
        &platform::public_page::message(
            "This page does not exist",
            "Check the address, or go back to where you came from.",
        ),
    )
}

fn unavailable(e: AppError) -> Response {
    (e.status_code(), e.to_string()).into_response()
}

/// Renders `slug` of `site` at `place`, with `form` when a form was just posted.
pub async fn render(
    state: &AppState,
    site: &SiteDoc,
    place: &Place,
    slug: &str,
    form: Option<&FormState>,
) -> Option<Served> {
    let content = site.published.as_ref()?;
    let page = content.page(slug)?;
    let images = platform::media::known(state, image_urls(page)).await;
    let (base, origin) = (place.base(), place.origin(state));
    let html = render_page(
        content,
        page,
        &RenderCtx {
            base: &base,
            origin: &origin,
            site_name: &site.name,
            preview: false,
            images: &images,
            form,
            token: TOKEN_SLOT,
        },
    );
    let has_form = html.contains(TOKEN_SLOT);
    let html = Bytes::from(html);
    Some(Served {
        workspace_id: site.workspace_id.clone(),
        site_id: site.id.clone(),
        page_id: page.id.clone(),
        csp: csp(&css::stylesheet(&content.theme)),
        same_for_all: (!has_form).then(|| Encoded::new(html.clone())),
        html,
    })
}

/// `served` as a response to a request with `headers`, with a fresh form token if it has a
/// form.
pub fn respond(
    state: &AppState,
    served: &Served,
    headers: &HeaderMap,
    status: StatusCode,
) -> Response {
    let mut res = match &served.same_for_all {
        Some(page) => page.respond(headers, status),
        None => {
            let html = String::from_utf8_lossy(&served.html);
            let html = html.replace(TOKEN_SLOT, &forms::token(state, &served.site_id));
            Encoded::for_one(html.into(), headers).respond(headers, status)
        }
    };
    res.headers_mut()
        .insert(header::CONTENT_SECURITY_POLICY, served.csp.clone());
    res
}

/// The surface name of sites in events and rollups; the item is the site id, the target the
/// page id.
pub const SURFACE: &str = "site";
/// A form sent; its target is the page id.
pub const SUBMIT: &str = "submit";

/// Records `kind` on page `page_id` of `site` for the visitor of `hit`. A visit that cannot be
/// counted still gets its page.
pub async fn count(state: &AppState, site: (&str, &str), page_id: &str, kind: &str, hit: &Hit<'_>) {
    let (workspace_id, site_id) = site;
    let what = Happened {
        workspace_id,
        surface: SURFACE,
        item: site_id,
        kind,
        target: Some(page_id),
    };
    if let Err(e) = visitors::record(state, what, hit).await {
        tracing::warn!(error = %e, "site visit not recorded");
    }
}

/// `GET` of `slug` (empty: home) of the site at `place`; `sent` names a form just sent.
pub async fn page(
    state: &AppState,
    place: Place,
    slug: &str,
    sent: Option<&str>,
    hit: &Hit<'_>,
) -> Response {
    match slug {
        "sitemap.xml" => return sitemap(state, &place).await,
        "robots.txt" => return robots(state, &place).await,
        _ => {}
    }
    let c = cache::of(state);
    if sent.is_none() {
        if let Some(cached) = c.get(&place.key(), slug) {
            return match cached {
                Some(served) => {
                    count(
                        state,
                        (&served.workspace_id, &served.site_id),
                        &served.page_id,
                        VIEW,
                        hit,
                    )
                    .await;
                    respond(state, &served, hit.headers, StatusCode::OK)
                }
                None => not_found(),
            };
        }
    }
    let site = match site_at(state, &place).await {
        Ok(s) => s,
        Err(e) => return unavailable(e),
    };
    let form = sent.map(|section| FormState {
        section: section.to_owned(),
        sent: true,
        ..FormState::default()
    });
    let served = match &site {
        Some(site) => render(state, site, &place, slug, form.as_ref())
            .await
            .map(Arc::new),
        None => None,
    };
    if sent.is_none() {
        c.remember(
            state,
            &place.key(),
            slug,
            site.map(|s| s.id),
            served.clone(),
        );
    }
    match served {
        Some(s) => {
            if sent.is_none() {
                count(state, (&s.workspace_id, &s.site_id), &s.page_id, VIEW, hit).await;
            }
            respond(state, &s, hit.headers, StatusCode::OK)
        }
        None => not_found(),
    }
}

async fn sitemap(state: &AppState, place: &Place) -> Response {
    let Ok(Some(site)) = site_at(state, place).await else {
        return not_found();
    };
    let Some(content) = &site.published else {
        return not_found();
    };
    let (base, origin) = (place.base(), place.origin(state));
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">",
    );
    for p in content
        .pages
        .iter()
        .filter(|p| !p.seo.noindex && p.seo.canonical.is_empty())
    {
        xml.push_str(&format!(
            "<url><loc>{}</loc></url>",
            esc(&format!("{origin}{}", page_path(&base, &p.slug)))
        ));
    }
    xml.push_str("</urlset>");
    (
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        xml,
    )
        .into_response()
}

async fn robots(state: &AppState, place: &Place) -> Response {
    let Ok(Some(_)) = site_at(state, place).await else {
        return not_found();
    };
    let body = format!(
        "User-agent: *\nAllow: /\nSitemap: {}{}/sitemap.xml\n",
        place.origin(state),
        place.base()
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}
