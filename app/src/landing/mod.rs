//! The public landing page at `/`.

pub mod landing_page;

pub use landing_page::LandingPage;
