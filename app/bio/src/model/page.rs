//! A bio page as the builder edits it and as the dashboard lists it.

use super::block::{Block, BlockKind};
use super::theme::Theme;
use serde::{Deserialize, Serialize};

/// Most blocks one page may hold.
pub const MAX_BLOCKS: usize = 100;

/// The largest image a page's image fields take as an upload (the builder checks it before
/// sending, the server again).
pub const MAX_IMAGE_BYTES: usize = 5 * 1024 * 1024;

/// What a page shows: its blocks in order and its theme. The draft and the published version
/// are each one of these.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageContent {
    /// Blocks, top to bottom.
    pub blocks: Vec<Block>,
    /// Look.
    #[serde(default)]
    pub theme: Theme,
}

impl PageContent {
    /// The page a workspace starts with: its name in a header and one link to fill in.
    pub fn starter(name: &str, id: impl Fn() -> String) -> Self {
        PageContent {
            blocks: vec![
                Block {
                    id: id(),
                    on: true,
                    kind: BlockKind::Header {
                        name: name.to_owned(),
                        bio: String::new(),
                        avatar_url: String::new(),
                    },
                },
                Block {
                    id: id(),
                    on: true,
                    kind: BlockKind::blank("link").expect("link is a kind"),
                },
            ],
            theme: Theme::default(),
        }
    }

    /// The header block's name and bio, for the page title and description.
    pub fn title_and_description(&self) -> (Option<&str>, Option<&str>) {
        self.blocks
            .iter()
            .filter(|b| b.on)
            .find_map(|b| match &b.kind {
                BlockKind::Header { name, bio, .. } => Some((
                    Some(name.as_str()).filter(|s| !s.is_empty()),
                    Some(bio.as_str()).filter(|s| !s.is_empty()),
                )),
                _ => None,
            })
            .unwrap_or((None, None))
    }

    /// Every image address the blocks use (photos, image blocks, link thumbnails), set or not.
    pub fn image_urls(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|b| match &b.kind {
            BlockKind::Header { avatar_url: u, .. }
            | BlockKind::Image { url: u, .. }
            | BlockKind::Link {
                thumbnail_url: u, ..
            } => Some(u.as_str()).filter(|u| !u.is_empty()),
            _ => None,
        })
    }

    /// The header's avatar, for the favicon and the social preview image.
    pub fn avatar(&self) -> Option<&str> {
        self.blocks
            .iter()
            .filter(|b| b.on)
            .find_map(|b| match &b.kind {
                BlockKind::Header { avatar_url, .. } if !avatar_url.is_empty() => {
                    Some(avatar_url.as_str())
                }
                _ => None,
            })
    }
}

/// A bio page in the builder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BioPageView {
    /// Page id.
    pub id: String,
    /// Empty for the main page (`/@handle`), else the page's `/@handle/<slug>`.
    pub slug: String,
    /// The working copy.
    pub draft: PageContent,
    /// When it was last published (RFC 3339), if ever.
    pub published_at: Option<String>,
    /// Whether the draft differs from what visitors see.
    pub unpublished_changes: bool,
    /// The full public address.
    pub public_url: String,
    /// The draft's revision; a save names the revision it started from.
    pub revision: i64,
}

/// A page in the list of a workspace's pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BioPageSummary {
    /// Page id.
    pub id: String,
    /// Empty for the main page.
    pub slug: String,
    /// Whether visitors can see it.
    pub published: bool,
    /// The full public address.
    pub public_url: String,
}
