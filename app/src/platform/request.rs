//! Facts about the current request that services record: who is calling from where.

use http::request::Parts;
use std::net::SocketAddr;

/// The caller's address and browser, as recorded on sessions and in audit entries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientInfo {
    /// The client IP (the first `X-Forwarded-For` hop when behind a trusted proxy).
    pub ip: String,
    /// The `User-Agent` header, truncated.
    pub user_agent: String,
}

impl ClientInfo {
    /// Reads the request. `trust_proxy` means a load balancer we run sets `X-Forwarded-For`.
    pub fn from_parts(parts: &Parts, trust_proxy: bool) -> Self {
        let forwarded = trust_proxy
            .then(|| parts.headers.get("x-forwarded-for"))
            .flatten()
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty());
        let peer = parts
            .extensions
            .get::<axum::extract::ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip().to_string());
        let user_agent = parts
            .headers
            .get(http::header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .chars()
            .take(300)
            .collect();
        ClientInfo {
            ip: forwarded.or(peer).unwrap_or_else(|| "unknown".into()),
            user_agent,
        }
    }
}
