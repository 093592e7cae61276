//! A workspace's sending domain: the DNS records it must publish and whether they are there.

use serde::{Deserialize, Serialize};

/// One DNS record to publish.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DnsRecordView {
    /// What it is for: SPF, DKIM or DMARC.
    pub purpose: String,
    /// Its type (TXT).
    pub kind: String,
    /// The full name to publish it under.
    pub host: String,
    /// Its value.
    pub value: String,
    /// Whether the last check found it.
    pub found: bool,
}

/// The sending domain as its screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DomainView {
    /// `example.com`.
    pub domain: String,
    /// The From address campaigns use once verified, at the domain.
    pub from_address: String,
    /// The From name.
    pub from_name: String,
    /// The records to publish, in order.
    pub records: Vec<DnsRecordView>,
    /// Every record was found: campaigns go from the domain, DKIM-signed.
    pub verified: bool,
    /// RFC 3339 of the last check, empty before the first.
    pub checked_at: String,
}

/// The sending domain screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DomainPage {
    /// The workspace's domain, if it added one.
    pub domain: Option<DomainView>,
    /// Whether the caller may change it.
    pub can_edit: bool,
    /// The address campaigns use until a domain is verified.
    pub platform_from: String,
}

/// Why `domain` cannot be a sending domain, if it cannot.
pub fn domain_problem(domain: &str) -> Option<&'static str> {
    let d = domain.trim().trim_end_matches('.');
    let labels_ok = d.split('.').all(|l| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    });
    (d.len() > 253 || !d.contains('.') || !labels_ok)
        .then_some("Give a domain you own, like example.com.")
}
