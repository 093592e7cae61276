//! The blocks an email is built from, in the order readers see them.

use serde::{Deserialize, Serialize};

/// One block of an email. Its `id` only tells blocks apart in the editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailBlock {
    /// Stable within the email.
    pub id: String,
    /// What it shows.
    pub kind: EmailBlockKind,
}

/// Each kind of block. Text may hold `**bold**`, `*italic*`, `[a link](https://…)` and merge
/// fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EmailBlockKind {
    /// A title.
    Heading { text: String },
    /// Paragraphs; a blank line starts the next.
    Text { text: String },
    /// A picture, optionally a link.
    Image {
        url: String,
        alt: String,
        link: String,
    },
    /// A call to action.
    Button { label: String, url: String },
    /// A thin line.
    Divider,
    /// Two texts side by side (stacked on phones).
    Columns { left: String, right: String },
    /// Icons linking to profiles, one address each.
    Social { links: Vec<String> },
    /// Small print: the sender's postal address, which anti-spam laws ask for.
    Footer { address: String },
}

/// The kinds a person can add, with their names, in menu order.
pub const KINDS: &[(&str, &str)] = &[
    ("heading", "Heading"),
    ("text", "Text"),
    ("image", "Image"),
    ("button", "Button"),
    ("divider", "Divider"),
    ("columns", "Two columns"),
    ("social", "Social links"),
    ("footer", "Footer"),
];

impl EmailBlockKind {
    /// A new block of kind `key` (one of [`KINDS`]) with starter content.
    pub fn starter(key: &str) -> Option<EmailBlockKind> {
        Some(match key {
            "heading" => EmailBlockKind::Heading {
                text: "A heading".into(),
            },
            "text" => EmailBlockKind::Text {
                text: "Hi {{first_name|there}},\n\nWrite your message here.".into(),
            },
            "image" => EmailBlockKind::Image {
                url: String::new(),
                alt: String::new(),
                link: String::new(),
            },
            "button" => EmailBlockKind::Button {
                label: "Read more".into(),
                url: String::new(),
            },
            "divider" => EmailBlockKind::Divider,
            "columns" => EmailBlockKind::Columns {
                left: "Left column".into(),
                right: "Right column".into(),
            },
            "social" => EmailBlockKind::Social { links: Vec::new() },
            "footer" => EmailBlockKind::Footer {
                address: String::new(),
            },
            _ => return None,
        })
    }

    /// The kind's name.
    pub fn label(&self) -> &'static str {
        let key = match self {
            EmailBlockKind::Heading { .. } => "heading",
            EmailBlockKind::Text { .. } => "text",
            EmailBlockKind::Image { .. } => "image",
            EmailBlockKind::Button { .. } => "button",
            EmailBlockKind::Divider => "divider",
            EmailBlockKind::Columns { .. } => "columns",
            EmailBlockKind::Social { .. } => "social",
            EmailBlockKind::Footer { .. } => "footer",
        };
        KINDS
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, l)| *l)
            .unwrap_or(key)
    }

    /// A line that tells this block from its neighbours in the editor.
    pub fn summary(&self) -> String {
        let first = |s: &str| {
            s.lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("")
                .to_owned()
        };
        match self {
            EmailBlockKind::Heading { text } | EmailBlockKind::Text { text } => first(text),
            EmailBlockKind::Image { alt, url, .. } => first(if alt.is_empty() { url } else { alt }),
            EmailBlockKind::Button { label, .. } => label.clone(),
            EmailBlockKind::Divider => String::new(),
            EmailBlockKind::Columns { left, .. } => first(left),
            EmailBlockKind::Social { links } => format!("{} links", links.len()),
            EmailBlockKind::Footer { address } => first(address),
        }
    }
}

/// The most blocks an email may have.
pub const MAX_BLOCKS: usize = 60;
/// The longest text of one block, in characters.
pub const MAX_BLOCK_TEXT: usize = 10_000;

/// The largest image uploaded for an email: mail is read on phones, often on slow networks.
pub const MAX_EMAIL_IMAGE_BYTES: usize = 2 * 1024 * 1024;

/// Whether `url` may be a link or image address in an email: http(s), or mailto for links.
/// Merge fields are allowed (`https://example.com/?e={{email}}`).
pub fn usable_url(url: &str, mailto: bool) -> bool {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(r) => !r.is_empty() && !url.contains(char::is_whitespace) && !url.contains('"'),
        None => mailto && url.starts_with("mailto:") && url.len() > 7 && !url.contains('"'),
    }
}

/// Field → problem for an email's blocks, fields named `blocks.<index>.<field>`; empty when
/// they are fine.
pub fn block_problems(blocks: &[EmailBlock]) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    if blocks.is_empty() {
        out.push(("blocks".to_owned(), "Add at least one block."));
    }
    if blocks.len() > MAX_BLOCKS {
        out.push(("blocks".to_owned(), "Keep the email to 60 blocks."));
    }
    for (i, b) in blocks.iter().enumerate() {
        let mut bad = |field: &str, message: &'static str| {
            out.push((format!("blocks.{i}.{field}"), message));
        };
        let too_long = |s: &str| s.chars().count() > MAX_BLOCK_TEXT;
        match &b.kind {
            EmailBlockKind::Heading { text } | EmailBlockKind::Text { text } => {
                if text.trim().is_empty() {
                    bad("text", "Write something, or remove the block.");
                } else if too_long(text) {
                    bad("text", "Keep a block under 10,000 characters.");
                }
            }
            EmailBlockKind::Image { url, link, .. } => {
                if !usable_url(url, false) {
                    bad("url", "Give the image's address, starting with https://.");
                }
                if !link.trim().is_empty() && !usable_url(link, true) {
                    bad("link", "Links start with https:// or mailto:.");
                }
            }
            EmailBlockKind::Button { label, url } => {
                if label.trim().is_empty() {
                    bad("label", "Name the button.");
                }
                if !usable_url(url, true) {
                    bad("url", "Give the address it opens, starting with https://.");
                }
            }
            EmailBlockKind::Divider => {}
            EmailBlockKind::Columns { left, right } => {
                if left.trim().is_empty() && right.trim().is_empty() {
                    bad("left", "Write something, or remove the block.");
                } else if too_long(left) || too_long(right) {
                    bad("left", "Keep a block under 10,000 characters.");
                }
            }
            EmailBlockKind::Social { links } => {
                if links.is_empty() {
                    bad("links", "Add a profile address, one a line.");
                } else if links.iter().any(|l| !usable_url(l, true)) {
                    bad("links", "Each address starts with https://.");
                }
            }
            EmailBlockKind::Footer { address } => {
                if address.trim().is_empty() {
                    bad(
                        "address",
                        "Give your postal address; anti-spam laws ask for it.",
                    );
                }
            }
        }
    }
    out
}

/// The blocks a new campaign starts with.
pub fn starter_blocks() -> Vec<EmailBlock> {
    ["heading", "text", "footer"]
        .iter()
        .enumerate()
        .filter_map(|(i, k)| {
            Some(EmailBlock {
                id: format!("b{i}"),
                kind: EmailBlockKind::starter(k)?,
            })
        })
        .collect()
}
