//! The phone's "More" screen.

pub mod more_page;

pub use more_page::MorePage;
