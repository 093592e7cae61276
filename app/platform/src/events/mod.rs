//! One buffered pipeline for what visitors do on public surfaces (views, clicks, signups, later
//! bookings and purchases). A request adds its event to this replica's in-memory buffer and goes
//! on; it never waits. Every second (and once more at graceful shutdown) the buffer queues one
//! job carrying the exact sums of what was recorded, by daily and hourly rollup per workspace,
//! surface and item, and writes the raw events with one `insert_many`. The job adds
//! the sums to the rollups, which dashboards read. Raw events are kept for
//! `EVENTS_RETENTION_DAYS`; beyond [`SAMPLE_PER_SECOND`] a second on one replica they are a
//! uniform sample (what was left out is counted), while the sums stay exact.

mod buffer;
mod model;
pub mod report;
mod rollup;
mod sums;
pub mod visitors;

pub use buffer::{EventBuffer, CAPACITY, SAMPLE_PER_SECOND};
pub use model::{
    decode_key, encode_key, events, indexes, rollups, Event, Rollup, EVENTS, ROLLUPS, VIEW,
    VISITORS,
};
pub use rollup::{apply, PRUNE, PRUNE_DAILY, ROLLUP};
