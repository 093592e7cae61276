//! The Content Security Policy of rendered pages.

use super::config::AppEnv;

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

/// The CSP for everything that is not a rendered page (assets, JSON, redirects).
pub const DEFAULT_CSP: &str =
    "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

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
