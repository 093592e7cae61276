use serde::{Deserialize, Serialize};

/// A list name's longest form, in characters.
pub const MAX_LIST_NAME: usize = 80;

/// A mailing list as its screens show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListView {
    /// Id.
    pub id: String,
    /// Name, shown to subscribers on the form and when they unsubscribe.
    pub name: String,
    /// Whether a signup from the public form must confirm by email before it counts.
    pub double_opt_in: bool,
    /// Whether signups on the link-in-bio page join it too.
    pub bio_signups: bool,
    /// Subscribed addresses.
    pub subscribed: u64,
    /// Signups waiting for their confirmation.
    pub pending: u64,
    /// Addresses that left.
    pub unsubscribed: u64,
    /// The public form's address, absolute.
    pub form_url: String,
    /// RFC 3339, UTC.
    pub created_at: String,
}

/// The lists screen: every list and whether the caller may change them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListsOverview {
    /// Oldest first.
    pub lists: Vec<ListView>,
    /// Whether the caller may create, change and delete lists.
    pub can_edit: bool,
}

/// The problem with a list name, if any.
pub fn list_name_problem(name: &str) -> Option<&'static str> {
    let name = name.trim();
    if name.is_empty() {
        Some("Give the list a name.")
    } else if name.chars().count() > MAX_LIST_NAME {
        Some("Keep the name to 80 characters.")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_required_and_short() {
        assert!(list_name_problem("  ").is_some());
        assert!(list_name_problem(&"a".repeat(81)).is_some());
        assert_eq!(list_name_problem(" Weekly letter "), None);
    }
}
