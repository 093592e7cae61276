use super::super::state::AppState;
use futures_util::future::BoxFuture;
use mongodb::bson::Document;

/// Runs one job from its payload. An `Err` is the reason shown to admins; the job is retried.
pub type Handler = for<'a> fn(&'a AppState, &'a Document) -> BoxFuture<'a, Result<(), String>>;

/// A kind of job a module runs, declared once in its `Module`.
#[derive(Clone, Copy)]
pub struct JobKind {
    /// Unique name, prefixed with the module (`billing.grace_ended`).
    pub name: &'static str,
    /// Its handler.
    pub run: Handler,
    /// Runs before the job is dead.
    pub max_attempts: u32,
}

impl std::fmt::Debug for JobKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JobKind")
            .field("name", &self.name)
            .field("max_attempts", &self.max_attempts)
            .finish()
    }
}
