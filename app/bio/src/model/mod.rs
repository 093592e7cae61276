//! The bio module's shared types and rules, used by the builder (WASM) and the server alike.

pub mod block;
pub mod page;
pub mod stats;
pub mod theme;
pub use app_core::link as url;
pub mod validate;

pub use block::{Block, BlockKind, SocialLink, KINDS, NETWORKS};
pub use page::{BioPageSummary, BioPageView, PageContent, MAX_BLOCKS, MAX_IMAGE_BYTES};
pub use stats::*;
pub use theme::Theme;
