//! Link in bio: the builder, the public page at `/@handle`, its click analytics and QR code.

pub mod api;
pub mod model;
pub mod render;
#[cfg(feature = "ssr")]
pub mod service;
