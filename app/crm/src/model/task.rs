use serde::{Deserialize, Serialize};

/// A to-do on a contact or deal, or on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskView {
    /// Id.
    pub id: String,
    /// What to do.
    pub title: String,
    /// Due date, `YYYY-MM-DD`.
    pub due: Option<String>,
    /// The member who should do it.
    pub assignee_id: Option<String>,
    /// Their name.
    pub assignee_name: Option<String>,
    /// Done yet.
    pub done: bool,
    /// Open and due before today (UTC).
    pub overdue: bool,
    /// The contact it is about.
    pub contact_id: Option<String>,
    /// The deal it is about.
    pub deal_id: Option<String>,
    /// What it is about, for lists ("Ada Lovelace", "Deal: Website redesign").
    pub about: Option<String>,
}
