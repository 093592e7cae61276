//! The shell's own pages: a workspace's dashboard, which gathers every module, and the phone's
//! "More" screen.

pub mod dashboard_page;
pub mod figure_card;
pub mod getting_started;
pub mod more_page;

pub use dashboard_page::WorkspaceDashboardPage;
pub use more_page::MorePage;
