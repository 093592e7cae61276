//! Which addresses a page may contain (bio pages, sites), and how embeds become player addresses.

/// Why an address was refused, as the message shown next to its field.
pub const LINK_RULE: &str =
    "Use a web address (https://…), an email (mailto:…) or a phone number (tel:…).";

/// The scheme of `url`, lowercased, if it starts with one.
fn scheme(url: &str) -> Option<String> {
    let (head, _) = url.split_once(':')?;
    let mut chars = head.chars();
    let first_alpha = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    (first_alpha
        && head
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
    .then(|| head.to_ascii_lowercase())
}

/// Cleans a link address: trims it and adds `https://` to a bare domain. Refuses every scheme
/// but http, https, mailto and tel, and anything with spaces or control characters.
pub fn clean_link(raw: &str) -> Result<String, &'static str> {
    let url = raw.trim();
    if url.is_empty() {
        return Err("Enter an address.");
    }
    if url.len() > 2048 || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(LINK_RULE);
    }
    let url = match scheme(url) {
        Some(s) if ["http", "https", "mailto", "tel"].contains(&s.as_str()) => url.to_owned(),
        Some(_) => return Err(LINK_RULE),
        None if url.contains('.') && !url.starts_with('/') && !url.starts_with('.') => {
            format!("https://{url}")
        }
        None => return Err(LINK_RULE),
    };
    if url.starts_with("http") && host(&url).is_none_or(|h| !h.contains('.')) {
        return Err("Enter a full web address, like https://example.com.");
    }
    Ok(url)
}

/// Cleans an image address: empty, an uploaded image (`/media/…`), or http(s) only.
pub fn clean_image(raw: &str) -> Result<String, &'static str> {
    let url = raw.trim();
    if url.is_empty() {
        return Ok(String::new());
    }
    if let Some(key) = url.strip_prefix("/media/") {
        let safe = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/');
        return if !key.is_empty() && key.chars().all(safe) && !key.contains("..") {
            Ok(url.to_owned())
        } else {
            Err("Use an image address that starts with https://.")
        };
    }
    match clean_link(url) {
        Ok(u) if u.starts_with("http") => Ok(u),
        _ => Err("Use an image address that starts with https://."),
    }
}

/// The lowercased host of an http(s) address, without `www.` or `m.`.
pub fn host(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    let host = host.to_ascii_lowercase();
    let host = host
        .strip_prefix("www.")
        .or_else(|| host.strip_prefix("m."))
        .unwrap_or(&host)
        .to_owned();
    (!host.is_empty()).then_some(host)
}

fn path_segments(url: &str) -> Vec<&str> {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let path = rest.split(['?', '#']).next().unwrap_or("");
    path.split('/').skip(1).filter(|s| !s.is_empty()).collect()
}

fn query_param<'a>(url: &'a str, name: &str) -> Option<&'a str> {
    let query = url.split_once('?')?.1.split('#').next()?;
    query
        .split('&')
        .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
}

fn safe_id(s: &str) -> Option<&str> {
    (!s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
    .then_some(s)
}

/// The player address for a YouTube, Spotify or TikTok address; `None` for anything else.
pub fn embed_src(url: &str) -> Option<String> {
    if !url.starts_with("https://") {
        return None;
    }
    let host = host(url)?;
    let segs = path_segments(url);
    match host.as_str() {
        "youtube.com" | "music.youtube.com" => {
            let id = match segs.as_slice() {
                ["watch"] => query_param(url, "v")?,
                ["shorts" | "embed" | "live", id, ..] => id,
                _ => return None,
            };
            Some(format!(
                "https://www.youtube-nocookie.com/embed/{}",
                safe_id(id)?
            ))
        }
        "youtu.be" => Some(format!(
            "https://www.youtube-nocookie.com/embed/{}",
            safe_id(segs.first()?)?
        )),
        "open.spotify.com" => {
            let segs: Vec<&str> = segs
                .into_iter()
                .filter(|s| !s.starts_with("intl-") && *s != "embed")
                .collect();
            match segs.as_slice() {
                [kind @ ("track" | "album" | "playlist" | "episode" | "show" | "artist"), id, ..] => {
                    Some(format!(
                        "https://open.spotify.com/embed/{kind}/{}",
                        safe_id(id)?
                    ))
                }
                _ => None,
            }
        }
        "tiktok.com" => {
            let pos = segs.iter().position(|s| *s == "video")?;
            let id = segs.get(pos + 1)?;
            let id = safe_id(id).filter(|id| id.chars().all(|c| c.is_ascii_digit()))?;
            Some(format!("https://www.tiktok.com/embed/v2/{id}"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_mail_and_phone_addresses_are_links() {
        assert_eq!(clean_link(" https://a.co/x ").unwrap(), "https://a.co/x");
        assert_eq!(
            clean_link("example.com/shop").unwrap(),
            "https://example.com/shop"
        );
        assert_eq!(clean_link("mailto:me@a.co").unwrap(), "mailto:me@a.co");
        assert_eq!(clean_link("tel:+123").unwrap(), "tel:+123");
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,hi",
            "vbscript:x",
            "https://exa mple.com",
            "/relative",
            "https://localhost",
            "",
            "java\tscript:alert(1)",
        ] {
            assert!(clean_link(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn images_must_be_web_addresses() {
        assert_eq!(clean_image("").unwrap(), "");
        assert!(clean_image("mailto:a@b.co").is_err());
        assert!(clean_image("https://cdn.example.com/a.png").is_ok());
        assert!(clean_image("/media/w1/0a1b.png").is_ok());
        assert!(clean_image("/media/../admin").is_err());
        assert!(clean_image("/media/w1/a.png\" onerror=\"x").is_err());
        assert!(clean_image("/other/a.png").is_err());
    }

    #[test]
    fn embeds_accept_only_the_three_players() {
        assert_eq!(
            embed_src("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1").as_deref(),
            Some("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
        );
        assert_eq!(
            embed_src("https://youtu.be/dQw4w9WgXcQ").as_deref(),
            Some("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
        );
        assert_eq!(
            embed_src("https://open.spotify.com/intl-de/track/4uLU6hMCjMI75M1A2tKUQC?si=1")
                .as_deref(),
            Some("https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC")
        );
        assert_eq!(
            embed_src("https://www.tiktok.com/@someone/video/7106594312292453675").as_deref(),
            Some("https://www.tiktok.com/embed/v2/7106594312292453675")
        );
        assert_eq!(embed_src("https://evil.example/watch?v=x"), None);
        assert_eq!(embed_src("http://youtube.com/watch?v=abc"), None);
        assert_eq!(embed_src("https://youtube.com/watch?v=a\"b"), None);
    }
}
