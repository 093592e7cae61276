//! The design system: primitives used by every module and never re-styled per module.

pub mod bar_chart;
pub mod dom;
pub mod drag;
pub mod empty_state;
pub mod error_page;
pub mod field;
pub mod field_errors;
pub mod icon;
pub mod image_upload;
pub mod lazy_page;
pub mod nav_item;
pub mod not_found_page;
pub mod share_list;
pub mod sheet;
pub mod sparkline;
pub mod theme;
pub mod theme_toggle;
pub mod toast;
pub mod toast_region;

pub use bar_chart::{BarChart, ChartPoint};
pub use drag::Drag;
pub use empty_state::EmptyState;
pub use error_page::ErrorPage;
pub use field::Field;
pub use field_errors::FieldErrors;
pub use icon::{Icon, IconName};
pub use image_upload::ImageUpload;
pub use nav_item::{NavItem, Section};
pub use not_found_page::NotFoundPage;
pub use share_list::ShareList;
pub use sheet::Sheet;
pub use sparkline::Sparkline;
pub use theme_toggle::ThemeToggle;
pub use toast::{use_toasts, ToastKind, Toasts};
pub use toast_region::ToastRegion;
