//! A site's custom domain as its settings show it: the records to publish and where
//! verification stands.

use serde::{Deserialize, Serialize};

/// One DNS record the owner publishes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DnsRecord {
    /// `TXT`, `CNAME` or `A`.
    pub kind: String,
    /// The name it goes at.
    pub host: String,
    /// Its value.
    pub value: String,
    /// Whether the last check found it.
    pub found: bool,
}

/// A custom domain of a site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainView {
    /// `www.example.com`.
    pub domain: String,
    /// `pending`, `active` or `failed`.
    pub status: String,
    /// Why it is not active yet, in words.
    pub reason: String,
    /// The records to publish (ownership, then where it points: CNAME, or A for an apex).
    pub records: Vec<DnsRecord>,
    /// When it was last checked, RFC 3339.
    pub checked_at: Option<String>,
}

/// The domain settings of a site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainsPanel {
    /// Its domains.
    pub domains: Vec<DomainView>,
    /// Why custom domains cannot be added here, when they cannot (not configured, not in the
    /// plan).
    pub unavailable: Option<String>,
}

/// Whether `d` reads as a domain name someone could own: labels of letters, digits and dashes,
/// at least two, no scheme or path. Returns it lowercased without a final dot.
pub fn clean_domain(d: &str) -> Option<String> {
    let d = d.trim().trim_end_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = d.split('.').collect();
    let ok = d.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().any(|c| c.is_ascii_alphabetic()));
    ok.then_some(d)
}

#[cfg(test)]
mod tests {
    use super::clean_domain;

    #[test]
    fn domains_are_names_not_addresses() {
        assert_eq!(
            clean_domain(" WWW.Example.com. ").as_deref(),
            Some("www.example.com")
        );
        for bad in [
            "example",
            "https://example.com",
            "exa mple.com",
            "-a.com",
            "1.2.3.4",
            "a..com",
        ] {
            assert_eq!(clean_domain(bad), None, "{bad}");
        }
    }
}
