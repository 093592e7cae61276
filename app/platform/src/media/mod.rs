//! Uploaded files (logos and bio images today; site images, course attachments and receipts next) in
//! object storage, so every replica sees every upload: a local directory in development and
//! tests, any S3-compatible store in production (`MEDIA_*`). A file is checked by its bytes
//! (never by its name or the browser's claim), counted against its workspace's plan storage, and
//! stored under a content-hashed key; `/media/<key>` serves it with a year-long cache, or sends
//! the browser to `MEDIA_CDN_URL` when one is set. Images keep their dimensions, so public pages
//! can reserve their space, and a job makes a thumbnail of each larger one.

mod form;
mod kind;
mod known;
mod serve;
mod store;
mod thumbnail;

pub use form::file_field;
pub use kind::{sniff, Kind};
pub use known::known;
pub use serve::serve;
pub use store::{files, indexes, File, Media, FILES};
pub use thumbnail::{thumbnail_key, THUMBNAIL, THUMBNAIL_SIZE};
