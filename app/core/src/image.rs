//! What a page knows of an uploaded image when it is rendered: its size (so the page reserves
//! its space) and its thumbnail (for small places and narrow screens).

use serde::{Deserialize, Serialize};

/// An uploaded image: where it is, its size and its thumbnail, once made.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredImage {
    /// `/media/…`.
    pub url: String,
    /// Pixels across.
    pub width: u32,
    /// Pixels down.
    pub height: u32,
    /// `/media/…` of a smaller copy (at most 320 pixels across), for images larger than that.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumbnail: Option<String>,
}
