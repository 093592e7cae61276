//! One buffered pipeline for what visitors do on public surfaces (views, clicks, signups, later
//! bookings and purchases). A request adds its event to this replica's in-memory buffer and goes
//! on: the buffer is written with one `insert_many` every second (or sooner when it fills), and
//! once more at graceful shutdown. A buffer that cannot keep up keeps a sample and counts what it
//! dropped; it never makes a visitor wait. A job then folds the raw events into small daily and
//! hourly rollups per workspace, surface and item, which dashboards read; raw events are kept for
//! `EVENTS_RETENTION_DAYS`.

mod buffer;
mod model;
mod rollup;

pub use buffer::{EventBuffer, CAPACITY};
pub use model::{
    decode_key, encode_key, events, indexes, rollups, Event, Rollup, EVENTS, ROLLUPS, VIEW,
    VISITORS,
};
pub use rollup::{roll_up, PRUNE, PRUNE_DAILY, ROLLUP};
