//! Facts about the current request that services record: who is calling from where.

use http::request::Parts;
use std::net::{IpAddr, SocketAddr};

/// The caller's address and browser, as recorded on sessions and in audit entries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientInfo {
    /// The client IP: the peer, or read from `X-Forwarded-For` behind trusted proxies.
    pub ip: String,
    /// The `User-Agent` header, truncated.
    pub user_agent: String,
}

impl ClientInfo {
    /// Reads the request. `proxy_hops` is how many proxies we run in front of the app
    /// (`TRUSTED_PROXY_HOPS`): each appends the address it saw to `X-Forwarded-For`, so the
    /// client is that many entries from the right. Entries further left are whatever the client
    /// wrote and are never used.
    pub fn from_parts(parts: &Parts, proxy_hops: usize) -> Self {
        let user_agent = parts
            .headers
            .get(http::header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let cut = user_agent
            .char_indices()
            .nth(300)
            .map_or(user_agent.len(), |(i, _)| i);
        ClientInfo {
            ip: client_ip(parts, proxy_hops),
            user_agent: user_agent[..cut].to_owned(),
        }
    }
}

/// The client IP alone, as [`ClientInfo::from_parts`] reads it: what a public page needs on
/// every view.
pub fn client_ip(parts: &Parts, proxy_hops: usize) -> String {
    (proxy_hops > 0)
        .then(|| forwarded_client(parts, proxy_hops))
        .flatten()
        .or_else(|| {
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}

/// The `X-Forwarded-For` entry `hops` from the right (every header line, in order). With fewer
/// entries than hops the request skipped a proxy; the leftmost, written by one of ours, is used.
fn forwarded_client(parts: &Parts, hops: usize) -> Option<String> {
    let entries: Vec<&str> = parts
        .headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .collect();
    let entry = entries.get(entries.len().saturating_sub(hops))?;
    let ip = entry
        .parse::<IpAddr>()
        .or_else(|_| entry.parse::<SocketAddr>().map(|s| s.ip()))
        .ok()?;
    Some(ip.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(forwarded: &[&str]) -> Parts {
        let mut req = http::Request::builder();
        for v in forwarded {
            req = req.header("x-forwarded-for", *v);
        }
        let (mut parts, _) = req.body(()).unwrap().into_parts();
        parts.extensions.insert(axum::extract::ConnectInfo(
            "10.0.0.1:5000".parse::<SocketAddr>().unwrap(),
        ));
        parts
    }

    #[test]
    fn the_client_is_as_many_entries_from_the_right_as_there_are_proxies() {
        let spoofed = with(&["6.6.6.6, 203.0.113.7"]);
        assert_eq!(ClientInfo::from_parts(&spoofed, 0).ip, "10.0.0.1");
        assert_eq!(ClientInfo::from_parts(&spoofed, 1).ip, "203.0.113.7");
        assert_eq!(ClientInfo::from_parts(&spoofed, 2).ip, "6.6.6.6");
        let two_lines = with(&["6.6.6.6", "198.51.100.2, 192.0.2.9"]);
        assert_eq!(ClientInfo::from_parts(&two_lines, 2).ip, "198.51.100.2");
        let short = with(&["203.0.113.7"]);
        assert_eq!(ClientInfo::from_parts(&short, 3).ip, "203.0.113.7");
        let ported = with(&["[2001:db8::1]:443"]);
        assert_eq!(ClientInfo::from_parts(&ported, 1).ip, "2001:db8::1");
        let junk = with(&["<script>"]);
        assert_eq!(ClientInfo::from_parts(&junk, 1).ip, "10.0.0.1");
    }
}

/// The host name in `s` (an origin like `https://app.example:8443` or a `Host` header like
/// `www.example.com:443`), lowercased, without scheme, port or final dot.
pub fn host_name(s: &str) -> String {
    let rest = s.split_once("://").map_or(s, |(_, r)| r);
    let authority = rest.split('/').next().unwrap_or("");
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => authority.split(':').next().unwrap_or(""),
    };
    host.trim_end_matches('.').to_ascii_lowercase()
}

/// Whether `host` (a `Host` header) names this app rather than a site's custom domain: the host
/// of `APP_BASE_URL`, `localhost`, or an IP address (health probes, load balancers).
pub fn is_app_host(config: &crate::Config, host: &str) -> bool {
    let name = host_name(host);
    name.is_empty()
        || name == "localhost"
        || name.parse::<std::net::IpAddr>().is_ok()
        || name == config.base_host
}

#[cfg(test)]
mod host_tests {
    use super::host_name;

    #[test]
    fn host_names_lose_scheme_port_and_case() {
        assert_eq!(host_name("https://App.Example:8443"), "app.example");
        assert_eq!(host_name("www.example.com:443"), "www.example.com");
        assert_eq!(host_name("[::1]:3000"), "::1");
        assert_eq!(host_name("example.com."), "example.com");
    }
}
