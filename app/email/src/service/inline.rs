//! The little formatting a text block knows: `**bold**`, `*italic*` and `[a link](https://…)`,
//! with a blank line between paragraphs. Everything else is shown as written.

use crate::model::usable_url;
use app_core::text::escape_html as escape;

/// A piece of a line.
enum Piece<'a> {
    Plain(&'a str),
    Bold(&'a str),
    Italic(&'a str),
    Link(&'a str, &'a str),
}

/// The pieces of `line`, in order. A marker without its closing half is plain text.
fn pieces(line: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = line;
    let mut plain_from = 0;
    let mut i = 0;
    while i < rest.len() {
        let tail = &rest[i..];
        let found = if let Some(after) = tail.strip_prefix("**") {
            after
                .find("**")
                .filter(|&e| e > 0)
                .map(|e| (Piece::Bold(&after[..e]), e + 4))
        } else if let Some(after) = tail.strip_prefix('*') {
            after
                .find('*')
                .filter(|&e| e > 0)
                .map(|e| (Piece::Italic(&after[..e]), e + 2))
        } else if let Some(after) = tail.strip_prefix('[') {
            after.find("](").and_then(|m| {
                let url_part = &after[m + 2..];
                let close = url_part.find(')')?;
                let (label, url) = (&after[..m], &url_part[..close]);
                (!label.is_empty() && usable_url(url, true))
                    .then(|| (Piece::Link(label, url), 1 + m + 2 + close + 1))
            })
        } else {
            None
        };
        match found {
            Some((piece, len)) => {
                if plain_from < i {
                    out.push(Piece::Plain(&rest[plain_from..i]));
                }
                out.push(piece);
                rest = &rest[i + len..];
                i = 0;
                plain_from = 0;
            }
            None => i += tail.chars().next().map_or(1, char::len_utf8),
        }
    }
    if plain_from < rest.len() {
        out.push(Piece::Plain(&rest[plain_from..]));
    }
    out
}

/// `text` as HTML paragraphs; each link's address goes through `link` (tracking).
pub fn html(text: &str, link: &mut dyn FnMut(&str) -> String) -> String {
    paragraphs(text)
        .map(|p| {
            let lines: Vec<String> = p
                .lines()
                .map(|line| {
                    pieces(line)
                        .into_iter()
                        .map(|piece| match piece {
                            Piece::Plain(s) => escape(s),
                            Piece::Bold(s) => format!("<strong>{}</strong>", escape(s)),
                            Piece::Italic(s) => format!("<em>{}</em>", escape(s)),
                            Piece::Link(label, url) => format!(
                                "<a href=\"{}\" style=\"color:#6d4aff\">{}</a>",
                                escape(&link(url.trim())),
                                escape(label)
                            ),
                        })
                        .collect()
                })
                .collect();
            format!("<p style=\"margin:0 0 12px\">{}</p>", lines.join("<br>"))
        })
        .collect()
}

/// `text` as plain text: markers dropped, links as `label (address)`.
pub fn plain(text: &str) -> String {
    paragraphs(text)
        .map(|p| {
            p.lines()
                .map(|line| {
                    pieces(line)
                        .into_iter()
                        .map(|piece| match piece {
                            Piece::Plain(s) | Piece::Bold(s) | Piece::Italic(s) => s.to_owned(),
                            Piece::Link(label, url) => format!("{label} ({})", url.trim()),
                        })
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_bold_italic_and_safe_links_only() {
        let mut seen = Vec::new();
        let mut link = |u: &str| {
            seen.push(u.to_owned());
            format!("T({u})")
        };
        let out = html(
            "Hi **you** & *them*, see [the shop](https://x.test/a?b=1&c=2).\n[bad](javascript:alert(1)) 2*3\n\nNext",
            &mut link,
        );
        assert_eq!(
            out,
            "<p style=\"margin:0 0 12px\">Hi <strong>you</strong> &amp; <em>them</em>, see \
             <a href=\"T(https://x.test/a?b=1&amp;c=2)\" style=\"color:#6d4aff\">the shop</a>.<br>\
             [bad](javascript:alert(1)) 2*3</p><p style=\"margin:0 0 12px\">Next</p>"
        );
        assert_eq!(seen, vec!["https://x.test/a?b=1&c=2"]);
        assert_eq!(
            plain("Hi **you**, [shop](https://x.test)\n\n\nbye"),
            "Hi you, shop (https://x.test)\n\nbye"
        );
    }
}
