use serde::{Deserialize, Serialize};

/// One entry of a contact's or deal's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityView {
    /// Id.
    pub id: String,
    /// What happened, e.g. `contact.created`, `note.added`, `bio.email_captured`.
    pub kind: String,
    /// The module that wrote it: `crm`, `bio`, later `mail`, `booking`…
    pub module: String,
    /// One line (a note's whole text).
    pub summary: String,
    /// RFC 3339, UTC.
    pub at: String,
    /// Who did it, when a member did.
    pub actor_name: Option<String>,
    /// Whether the viewer may delete it (their own note, or any note for admins).
    #[serde(default)]
    pub can_delete: bool,
}

impl ActivityView {
    /// A short heading for the entry.
    pub fn title(&self) -> &'static str {
        match self.kind.as_str() {
            "contact.created" => "Contact created",
            "contact.updated" => "Details changed",
            "contact.imported" => "Imported",
            "contact.merged" => "Merged from an import",
            "note.added" => "Note",
            "task.added" => "Task added",
            "task.done" => "Task done",
            "deal.created" => "Deal created",
            "deal.moved" => "Deal moved",
            "deal.won" => "Deal won",
            "deal.lost" => "Deal lost",
            "bio.email_captured" => "Signed up on the bio page",
            "email.subscribed" => "Subscribed to a list",
            "email.sent" => "Email sent",
            "email.opened" => "Email opened",
            "email.clicked" => "Link clicked",
            _ => "Activity",
        }
    }
}
