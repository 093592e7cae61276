//! The QR code of a page's public address, as SVG or PNG, for print and for sharing.

use super::pages::public_url;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use http::{header, StatusCode};
use mongodb::bson::doc;
use platform::AppState;
use qrcode::{Color, QrCode};
use serde::Deserialize;
use workspaces::service::store::workspaces;

/// Pixels per module in the PNG, and the quiet zone around the code in modules.
const SCALE: usize = 12;
const QUIET: usize = 4;

/// The code as a PNG: black modules on white, with the quiet zone scanners need.
fn png(code: &QrCode) -> Result<Vec<u8>, png::EncodingError> {
    let modules = code.width();
    let side = (modules + 2 * QUIET) * SCALE;
    let colors = code.to_colors();
    let mut pixels = vec![255u8; side * side];
    for (i, c) in colors.iter().enumerate() {
        if *c == Color::Dark {
            let (mx, my) = (i % modules + QUIET, i / modules + QUIET);
            for y in my * SCALE..(my + 1) * SCALE {
                pixels[y * side + mx * SCALE..y * side + (mx + 1) * SCALE].fill(0);
            }
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, side as u32, side as u32);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&pixels)?;
    writer.finish()?;
    Ok(out)
}

/// Which page and which format.
#[derive(Debug, Deserialize)]
pub struct QrQuery {
    /// The page's slug; empty for the main page.
    #[serde(default)]
    page: String,
    /// `svg` (default) or `png`.
    #[serde(default)]
    format: String,
}

/// `GET /@{handle}/qr?page=<slug>&format=svg|png`: a download of the code. The address is
/// public, so the code is too.
pub async fn qr(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    Query(q): Query<QrQuery>,
) -> Response {
    let ws = match workspaces(&state.db)
        .find_one(doc! { "handle": handle.to_ascii_lowercase() })
        .await
    {
        Ok(Some(ws)) => ws,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            return app_core::error::AppError::from(e)
                .status_code()
                .into_response()
        }
    };
    let slug: String = q
        .page
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let url = public_url(&state, &ws.handle, &slug);
    let Ok(code) = QrCode::new(url.as_bytes()) else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let name = if slug.is_empty() {
        ws.handle.clone()
    } else {
        format!("{}-{slug}", ws.handle)
    };
    let (body, mime, ext) = if q.format == "png" {
        match png(&code) {
            Ok(bytes) => (bytes, "image/png", "png"),
            Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        }
    } else {
        let svg = code
            .render::<qrcode::render::svg::Color>()
            .min_dimensions(512, 512)
            .quiet_zone(true)
            .build();
        (svg.into_bytes(), "image/svg+xml", "svg")
    };
    (
        [
            (header::CONTENT_TYPE, mime.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}-qr.{ext}\""),
            ),
        ],
        body,
    )
        .into_response()
}
