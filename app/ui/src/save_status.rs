use app_core::error::AppError;

/// Where a builder's draft stands against the server (the bio builder, the site editor).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStatus {
    /// Everything is saved.
    Saved,
    /// Edits wait for the autosave.
    Waiting,
    /// A save is on its way.
    Saving,
    /// The draft breaks a rule; the messages are next to the fields.
    Invalid,
    /// The last save failed; the error says why.
    Failed,
}

impl SaveStatus {
    /// The status line: what it means for the person, with the failed save's `error`.
    pub fn describe(self, error: Option<&AppError>) -> String {
        match self {
            SaveStatus::Saved => "Saved".to_owned(),
            SaveStatus::Waiting => "Unsaved changes".to_owned(),
            SaveStatus::Saving => "Saving…".to_owned(),
            SaveStatus::Invalid => "Not saved: fix the highlighted fields".to_owned(),
            SaveStatus::Failed => format!(
                "Not saved: {}",
                error.map(|e| e.to_string()).unwrap_or_default()
            ),
        }
    }
}
