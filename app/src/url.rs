//! Percent-encoding for values put into a URL query (RFC 3986 unreserved characters and `/`
//! pass through), shared by the server and the browser.

/// Encodes `s` for use as one query value.
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

#[cfg(test)]
mod tests {
    #[test]
    fn reserved_characters_are_escaped() {
        assert_eq!(
            super::encode_query_value("/invite?token=a&b c"),
            "/invite%3Ftoken%3Da%26b%20c"
        );
    }
}
