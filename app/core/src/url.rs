//! URL helpers: percent-encoding for values put into a URL query (shared by the server and the
//! browser), and the one function that decides where a browser may be sent after signing in.

/// Encodes `s` for use as one query value (RFC 3986 unreserved characters and `/` pass through).
pub fn encode_query_value(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Where every sign-in flow lands when it has no safe destination.
pub const HOME: &str = "/app";

/// The destination after signing in (log-in, second step, Google, invitations): `next` when it
/// is a page of this site, else [`HOME`]. Browsers drop tabs and newlines from URLs and read `\`
/// as `/`, so `/\t/evil.example` and `/\evil.example` lead to other sites: whitespace, control
/// characters and backslashes are refused, then `next` is resolved against `base_url` as a
/// browser would and must keep its origin. Returns the resolved path, query and fragment.
#[cfg(feature = "ssr")]
pub fn safe_redirect(base_url: &str, next: Option<&str>) -> String {
    let Some(next) = next.filter(|n| n.starts_with('/')) else {
        return HOME.into();
    };
    if next
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
    {
        return HOME.into();
    }
    let Ok(base) = url::Url::parse(base_url) else {
        return HOME.into();
    };
    match base.join(next) {
        Ok(to) if to.origin() == base.origin() => to[url::Position::BeforePath..].to_owned(),
        _ => HOME.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_characters_are_escaped() {
        assert_eq!(
            encode_query_value("/invite?token=a&b c"),
            "/invite%3Ftoken%3Da%26b%20c"
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn only_pages_of_this_site_are_destinations() {
        let base = "https://app.mewayz.example";
        for off in [
            "//evil.example",
            "/\t/evil.example",
            "/\r\n/evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "https://evil.example",
            "javascript:alert(1)",
            "/ /x",
            "",
        ] {
            assert_eq!(safe_redirect(base, Some(off)), HOME, "{off:?}");
        }
        assert_eq!(safe_redirect(base, None), HOME);
        assert_eq!(
            safe_redirect(base, Some("/invite?token=abc#join")),
            "/invite?token=abc#join"
        );
        assert_eq!(safe_redirect(base, Some("/app/../settings")), "/settings");
        assert_eq!(
            safe_redirect(base, Some("/%2F%2Fevil.example")),
            "/%2F%2Fevil.example"
        );
    }
}
