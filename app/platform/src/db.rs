//! The one MongoDB client of the process and the readiness it reports.

use mongodb::bson::doc;
use mongodb::options::ClientOptions;
use mongodb::{Client, Collection, Database};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// How long a request waits for a reachable server before it fails with `Unavailable`. Short, so
/// that a database outage turns into quick, honest errors instead of hanging requests.
const SERVER_SELECTION_TIMEOUT: Duration = Duration::from_secs(5);

/// A handle to the application database, cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    database: Database,
    schema_ready: Arc<AtomicBool>,
}

impl Db {
    /// Prepares a client without contacting the server: the driver connects in the background
    /// and reconnects by itself, so the process starts even while MongoDB is down.
    pub async fn connect(uri: &str, db_name: &str) -> Result<Self, mongodb::error::Error> {
        let mut options = ClientOptions::parse(uri).await?;
        options.app_name = Some("mewayz".into());
        options.server_selection_timeout = Some(SERVER_SELECTION_TIMEOUT);
        options.connect_timeout = Some(Duration::from_secs(3));
        let client = Client::with_options(options)?;
        Ok(Db {
            database: client.database(db_name),
            schema_ready: Arc::new(AtomicBool::new(false)),
        })
    }

    /// The database itself, for services.
    pub fn database(&self) -> &Database {
        &self.database
    }

    /// A typed collection of the application database.
    pub fn collection<T: Send + Sync>(&self, name: &str) -> Collection<T> {
        self.database.collection(name)
    }

    /// Answers whether the database can be reached now, within `timeout`.
    pub async fn ping(&self, timeout: Duration) -> Result<(), PingError> {
        match tokio::time::timeout(timeout, self.database.run_command(doc! { "ping": 1 })).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(e)) => Err(PingError::Failed(e.to_string())),
            Err(_) => Err(PingError::TimedOut),
        }
    }

    /// Whether every module's indexes have been ensured since start-up.
    pub fn schema_ready(&self) -> bool {
        self.schema_ready.load(Ordering::Acquire)
    }

    /// Records that the indexes are in place.
    pub fn mark_schema_ready(&self) {
        self.schema_ready.store(true, Ordering::Release);
    }
}

/// Why a ping did not succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PingError {
    /// The server answered with an error or could not be selected.
    Failed(String),
    /// No answer within the timeout.
    TimedOut,
}

/// The integer `field` of `doc`, which MongoDB answers as Int32 or Int64 depending on its size
/// (a `$sum` of an aggregation).
pub fn int(doc: &mongodb::bson::Document, field: &str) -> Option<i64> {
    doc.get_i64(field)
        .or_else(|_| doc.get_i32(field).map(i64::from))
        .ok()
}

/// Whether an unordered `insert_many` failed only on documents that were there already.
pub fn duplicates_only(e: &mongodb::error::Error) -> bool {
    matches!(&*e.kind, mongodb::error::ErrorKind::InsertMany(m)
        if m.write_concern_error.is_none()
            && m.write_errors.as_ref().is_some_and(|w| w.iter().all(|w| w.code == 11000)))
}
