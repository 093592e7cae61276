//! The blocks a bio page is made of.

use serde::{Deserialize, Serialize};

/// One block of a page. Its `id` never changes, so a link's clicks survive reordering and edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// Stable id, unique within the workspace's pages.
    pub id: String,
    /// Off blocks stay in the builder but are absent from the public page.
    #[serde(default = "on")]
    pub on: bool,
    /// What the block shows.
    pub kind: BlockKind,
}

fn on() -> bool {
    true
}

/// A social profile in a social icons block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SocialLink {
    /// A key of [`NETWORKS`].
    pub network: String,
    /// Profile address (`mailto:` for email).
    pub url: String,
}

/// Social networks offered by the social icons block: key and label.
pub const NETWORKS: &[(&str, &str)] = &[
    ("x", "X"),
    ("instagram", "Instagram"),
    ("tiktok", "TikTok"),
    ("youtube", "YouTube"),
    ("linkedin", "LinkedIn"),
    ("facebook", "Facebook"),
    ("threads", "Threads"),
    ("github", "GitHub"),
    ("email", "Email"),
    ("website", "Website"),
];

/// The label of a network key.
pub fn network_label(key: &str) -> &str {
    NETWORKS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, l)| *l)
        .unwrap_or(key)
}

/// Each kind of block and its settings. Times are UTC, `YYYY-MM-DDTHH:MM:SSZ`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BlockKind {
    /// Avatar, name and a short bio at the top of the page.
    Header {
        name: String,
        bio: String,
        avatar_url: String,
    },
    /// A button to another address, optionally scheduled or behind a sensitive-content gate.
    Link {
        title: String,
        url: String,
        #[serde(default)]
        thumbnail_url: String,
        #[serde(default)]
        starts_at: Option<String>,
        #[serde(default)]
        ends_at: Option<String>,
        #[serde(default)]
        sensitive: bool,
    },
    /// A paragraph of plain text.
    Text { text: String },
    /// A picture with its description.
    Image { url: String, alt: String },
    /// A row of social profile icons.
    Social { links: Vec<SocialLink> },
    /// A YouTube, Spotify or TikTok player in a sandboxed frame.
    Embed { url: String },
    /// A form visitors leave their email address in.
    EmailCapture { heading: String, button: String },
    /// A button to a booking page.
    Booking { title: String, url: String },
    /// A button to a Stripe payment link (a product or a tip).
    Payment {
        title: String,
        url: String,
        #[serde(default)]
        price: String,
    },
}

/// The kinds a builder can add: key, label, one-line description.
pub const KINDS: &[(&str, &str, &str)] = &[
    ("link", "Link", "A button to any address"),
    ("header", "Profile header", "Photo, name and bio"),
    ("text", "Text", "A paragraph"),
    ("image", "Image", "A picture"),
    ("social", "Social icons", "Your profiles"),
    ("embed", "Embed", "YouTube, Spotify or TikTok"),
    ("email_capture", "Email signup", "Collect subscribers"),
    ("booking", "Booking", "Let people book time"),
    ("payment", "Product or tip", "A Stripe payment link"),
];

impl BlockKind {
    /// A new, empty block of kind `key` (a key of [`KINDS`]).
    pub fn blank(key: &str) -> Option<Self> {
        Some(match key {
            "link" => BlockKind::Link {
                title: "New link".into(),
                url: String::new(),
                thumbnail_url: String::new(),
                starts_at: None,
                ends_at: None,
                sensitive: false,
            },
            "header" => BlockKind::Header {
                name: String::new(),
                bio: String::new(),
                avatar_url: String::new(),
            },
            "text" => BlockKind::Text {
                text: String::new(),
            },
            "image" => BlockKind::Image {
                url: String::new(),
                alt: String::new(),
            },
            "social" => BlockKind::Social { links: Vec::new() },
            "embed" => BlockKind::Embed { url: String::new() },
            "email_capture" => BlockKind::EmailCapture {
                heading: "Join my newsletter".into(),
                button: "Subscribe".into(),
            },
            "booking" => BlockKind::Booking {
                title: "Book a call".into(),
                url: String::new(),
            },
            "payment" => BlockKind::Payment {
                title: "Buy me a coffee".into(),
                url: String::new(),
                price: String::new(),
            },
            _ => return None,
        })
    }

    /// The key of this kind in [`KINDS`].
    pub fn key(&self) -> &'static str {
        match self {
            BlockKind::Header { .. } => "header",
            BlockKind::Link { .. } => "link",
            BlockKind::Text { .. } => "text",
            BlockKind::Image { .. } => "image",
            BlockKind::Social { .. } => "social",
            BlockKind::Embed { .. } => "embed",
            BlockKind::EmailCapture { .. } => "email_capture",
            BlockKind::Booking { .. } => "booking",
            BlockKind::Payment { .. } => "payment",
        }
    }

    /// The kind's label.
    pub fn label(&self) -> &'static str {
        let key = self.key();
        KINDS
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, l, _)| *l)
            .unwrap_or("Block")
    }

    /// A short summary for the builder's list.
    pub fn summary(&self) -> String {
        match self {
            BlockKind::Header { name, .. } => name.clone(),
            BlockKind::Link { title, .. }
            | BlockKind::Booking { title, .. }
            | BlockKind::Payment { title, .. } => title.clone(),
            BlockKind::Text { text } => text.chars().take(60).collect(),
            BlockKind::Image { alt, .. } => alt.clone(),
            BlockKind::Social { links } => links
                .iter()
                .map(|l| network_label(&l.network))
                .collect::<Vec<_>>()
                .join(", "),
            BlockKind::Embed { url } => url.clone(),
            BlockKind::EmailCapture { heading, .. } => heading.clone(),
        }
    }

    /// What the builder and analytics call the block: its summary, or its kind when empty.
    pub fn name(&self) -> String {
        let summary = self.summary();
        if summary.trim().is_empty() {
            self.label().to_owned()
        } else {
            summary
        }
    }

    /// Whether visitors click through this block (so it has clicks and a CTR).
    pub fn is_clickable(&self) -> bool {
        matches!(
            self,
            BlockKind::Link { .. }
                | BlockKind::Booking { .. }
                | BlockKind::Payment { .. }
                | BlockKind::Social { .. }
        )
    }
}
