//! The signed-in home screen and the phone's "More" screen.

pub mod home_page;
pub mod more_page;

pub use home_page::HomePage;
pub use more_page::MorePage;
