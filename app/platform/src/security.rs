//! The Content Security Policy of rendered pages.

use super::config::AppEnv;
use base64::Engine;
use http::{HeaderName, HeaderValue};
use sha2::{Digest, Sha256};

/// The CSP for an HTML page rendered with `nonce`. Scripts run only from our origin or with the
/// page's nonce; `'wasm-unsafe-eval'` lets the WASM bundle compile; no inline styles.
/// `reload_ws` is the cargo-leptos live-reload socket, allowed only in development.
pub fn page_csp(nonce: &str, env: AppEnv, reload_ws: Option<&str>) -> String {
    let mut connect = String::from("'self'");
    if let (AppEnv::Development, Some(ws)) = (env, reload_ws) {
        connect.push(' ');
        connect.push_str(ws);
    }
    format!(
        "default-src 'self'; \
         script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'nonce-{nonce}'; \
         img-src 'self' data: blob: https:; \
         font-src 'self'; \
         connect-src {connect}; \
         manifest-src 'self'; \
         worker-src 'self'; \
         object-src 'none'; \
         base-uri 'self'; \
         form-action 'self'; \
         frame-ancestors 'none'"
    )
}

/// `Cross-Origin-Opener-Policy`, which `http` has no constant for: the app's pages send
/// `same-origin`, the public pages `unsafe-none` (`crate::encoded`).
pub const CROSS_ORIGIN_OPENER_POLICY: HeaderName =
    HeaderName::from_static("cross-origin-opener-policy");

/// The CSP for everything that is not a rendered page (assets, JSON, redirects).
pub const DEFAULT_CSP: &str =
    "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The policy of a server-rendered public page, which runs no script at all: only its own
/// `<style>` (by its hash, so the document is the same for every visitor and can be kept),
/// images, the frames of `frames` (origins, or empty for none) and forms posting back here.
pub fn public_page_csp(style: &str, frames: &str) -> HeaderValue {
    public_csp(style, None, frames)
}

/// [`public_page_csp`] for a page that also runs one small inline `script` (allowed by its hash,
/// nothing else): a booking page's time-zone detection.
pub fn public_page_csp_with_script(style: &str, script: &str) -> HeaderValue {
    public_csp(style, Some(script), "")
}

fn public_csp(style: &str, script: Option<&str>, frames: &str) -> HeaderValue {
    public_policy(
        &csp_hash(style),
        script.map(csp_hash).as_deref(),
        frames,
        "",
    )
}

/// The base64 SHA-256 of an inline style or script, as a CSP source names it.
pub fn csp_hash(inline: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(inline.as_bytes()))
}

/// A public page's policy from the hashes of its style and script, the origins of its frames
/// and the origins its forms may lead to besides this one (a payment page a form redirects
/// to: browsers apply `form-action` to the redirect too).
pub fn public_policy(
    style_hash: &str,
    script_hash: Option<&str>,
    frames: &str,
    form_targets: &str,
) -> HeaderValue {
    let frames = match frames {
        "" => String::new(),
        f => format!("frame-src {f}; "),
    };
    let script = match script_hash {
        Some(h) => format!("script-src 'sha256-{h}'; "),
        None => String::new(),
    };
    let targets = match form_targets {
        "" => String::new(),
        t => format!(" {t}"),
    };
    let policy = format!(
        "default-src 'none'; style-src 'sha256-{style_hash}'; {script}img-src 'self' https: data:; \
         {frames}form-action 'self'{targets}; base-uri 'none'; frame-ancestors 'none'"
    );
    HeaderValue::from_str(&policy).unwrap_or(HeaderValue::from_static("default-src 'none'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_development_allows_the_reload_socket() {
        let dev = page_csp("abc", AppEnv::Development, Some("ws://127.0.0.1:3001"));
        assert!(dev.contains("connect-src 'self' ws://127.0.0.1:3001;"));
        let prod = page_csp("abc", AppEnv::Production, Some("ws://127.0.0.1:3001"));
        assert!(prod.contains("connect-src 'self';"));
        assert!(prod.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval';"));
        assert!(!prod.contains("unsafe-inline"));
    }
}
