//! The signed-in frame: top bar, sidebar from tablet width, bottom navigation on phones.

pub mod app_layout;
pub mod bottom_nav;
pub mod create_entry;
pub mod nav;
pub mod nav_entry;
pub mod sidebar;
pub mod top_bar;

pub use app_layout::AppLayout;
pub use bottom_nav::BottomNav;
pub use nav_entry::NavEntry;
pub use sidebar::{ModuleList, Sidebar};
pub use top_bar::TopBar;
