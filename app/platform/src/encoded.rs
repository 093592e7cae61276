//! Public pages go to many visitors unchanged, so they are compressed once, when rendered, and
//! each visit picks the encoding its browser accepts. The visitor routes
//! ([`crate::Module::public_routes`]) run outside the per-response compression of the app's
//! other routes, which would compress the same page again on every visit.

use crate::security::CROSS_ORIGIN_OPENER_POLICY;
use axum::body::{Body, Bytes};
use axum::response::Response;
use http::{header, HeaderMap, HeaderValue, StatusCode};
use std::io::Write;

/// A document and its compressed forms.
#[derive(Debug, Clone)]
pub struct Encoded {
    plain: Bytes,
    br: Option<Bytes>,
    gzip: Option<Bytes>,
}

impl Encoded {
    /// `plain` with its smallest brotli and gzip forms: for a document kept and sent many times.
    pub fn new(plain: Bytes) -> Self {
        let mut br = Vec::with_capacity(plain.len() / 3);
        {
            let mut w = brotli::CompressorWriter::new(&mut br, 4096, 11, 22);
            let _ = w.write_all(&plain);
        }
        Encoded {
            gzip: Some(gzip(&plain, flate2::Compression::best())),
            br: Some(br.into()),
            plain,
        }
    }

    /// `plain`, made for the one visitor whose request had `headers`: with a quick gzip form
    /// only when they accept it.
    pub fn for_one(plain: Bytes, headers: &HeaderMap) -> Self {
        Encoded {
            gzip: accepts(headers, "gzip").then(|| gzip(&plain, flate2::Compression::default())),
            br: None,
            plain,
        }
    }

    /// The document as written.
    pub fn plain(&self) -> &Bytes {
        &self.plain
    }

    /// Bytes held in all forms (a cache's weight).
    pub fn len(&self) -> usize {
        let len = |b: &Option<Bytes>| b.as_ref().map_or(0, Bytes::len);
        self.plain.len() + len(&self.br) + len(&self.gzip)
    }

    /// Whether the document is empty.
    pub fn is_empty(&self) -> bool {
        self.plain.is_empty()
    }

    /// An HTML response with `status` in the best encoding the request's `headers` accept.
    pub fn respond(&self, headers: &HeaderMap, status: StatusCode) -> Response {
        let (body, coding) = match (&self.br, &self.gzip) {
            (Some(br), _) if accepts(headers, "br") => (br.clone(), Some("br")),
            (_, Some(gz)) if accepts(headers, "gzip") => (gz.clone(), Some("gzip")),
            _ => (self.plain.clone(), None),
        };
        let mut res = Response::new(Body::from(body));
        *res.status_mut() = status;
        let h = res.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        // Visitors arrive from a link elsewhere, most on phones. `same-origin`, which the app's
        // own pages keep, would put each arrival in a new browsing context group: a fresh
        // renderer process whose start (a new script context, cold style and font caches)
        // blocked the phone's main thread for 60-150 ms under Lighthouse, on pages that hold
        // nothing for another window to read (README: websites).
        h.insert(
            CROSS_ORIGIN_OPENER_POLICY,
            HeaderValue::from_static("unsafe-none"),
        );
        if let Some(coding) = coding {
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
        }
        res
    }
}

fn gzip(plain: &[u8], level: flate2::Compression) -> Bytes {
    let mut w = flate2::write::GzEncoder::new(Vec::with_capacity(plain.len() / 3), level);
    // Writing to a Vec cannot fail.
    let _ = w.write_all(plain);
    w.finish().unwrap_or_default().into()
}

/// Whether `Accept-Encoding` in `headers` names `coding` with a weight above zero.
fn accepts(headers: &HeaderMap, coding: &str) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or("").trim();
            let weight = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(1.0, |q| q.trim().parse::<f32>().unwrap_or(0.0));
            name.eq_ignore_ascii_case(coding) && weight > 0.0
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn asking(accept: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(accept).unwrap(),
        );
        h
    }

    async fn body(res: Response) -> Vec<u8> {
        axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec()
    }

    #[tokio::test]
    async fn each_browser_gets_what_it_accepts_and_every_form_decodes_to_the_page() {
        let page = Bytes::from("<!doctype html><p>".to_owned() + &"hello ".repeat(500));
        let doc = Encoded::new(page.clone());

        let res = doc.respond(&asking("gzip, deflate, br, zstd"), StatusCode::OK);
        assert_eq!(res.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(res.headers()[header::VARY], "accept-encoding");
        let mut plain = Vec::new();
        brotli::Decompressor::new(&body(res).await[..], 4096)
            .read_to_end(&mut plain)
            .unwrap();
        assert_eq!(plain, page);

        let res = doc.respond(&asking("gzip;q=1.0, br;q=0"), StatusCode::NOT_FOUND);
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        assert_eq!(res.headers()[header::CONTENT_ENCODING], "gzip");
        let mut plain = Vec::new();
        flate2::read::GzDecoder::new(&body(res).await[..])
            .read_to_end(&mut plain)
            .unwrap();
        assert_eq!(plain, page);

        let res = doc.respond(&HeaderMap::new(), StatusCode::OK);
        assert!(res.headers().get(header::CONTENT_ENCODING).is_none());
        assert_eq!(body(res).await, page);

        let one = Encoded::for_one(page.clone(), &asking("br, gzip"));
        let res = one.respond(&asking("br, gzip"), StatusCode::OK);
        assert_eq!(res.headers()[header::CONTENT_ENCODING], "gzip");
        let one = Encoded::for_one(page.clone(), &HeaderMap::new());
        assert_eq!(one.len(), page.len(), "nothing compressed for nobody");
        assert!(doc.len() < 3 * page.len() && !doc.is_empty());
    }
}
