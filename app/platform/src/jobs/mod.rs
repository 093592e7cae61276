//! Durable background jobs in MongoDB that every replica shares. A job is a document in `jobs`;
//! a worker in each server process leases the next due one with a single `find_one_and_update`
//! (so no two replicas run one job), renews the lease while it runs, and retries failures with
//! exponential backoff and jitter until the kind's attempt limit, after which the job is dead and
//! waits for an admin. Handlers must be safe to run twice: a crash between the side effect and
//! the "done" write runs the job again once its lease expires.

mod kind;
mod model;
mod queue;
mod schedule;
mod worker;

pub use kind::{Handler, JobKind};
pub use model::{indexes, jobs, Job, Status, JOBS};
pub use queue::{Enqueue, Jobs};
pub use schedule::{Schedule, Ticks};
pub use worker::{Worker, WorkerOptions};
