use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where a contact came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Typed in by a member.
    #[default]
    Manual,
    /// From a CSV import.
    Import,
    /// Left their email on a bio page.
    Bio,
    /// Booked a time.
    Booking,
    /// Bought something.
    Purchase,
    /// Sent a website form.
    Form,
    /// Signed up to an email list.
    Email,
}

/// Every source, in the order filters list them.
pub const SOURCES: &[Source] = &[
    Source::Manual,
    Source::Import,
    Source::Bio,
    Source::Booking,
    Source::Purchase,
    Source::Form,
    Source::Email,
];

impl Source {
    /// Stable key, as stored and posted.
    pub fn key(self) -> &'static str {
        match self {
            Source::Manual => "manual",
            Source::Import => "import",
            Source::Bio => "bio",
            Source::Booking => "booking",
            Source::Purchase => "purchase",
            Source::Form => "form",
            Source::Email => "email",
        }
    }

    /// Name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Source::Manual => "Added by hand",
            Source::Import => "Imported",
            Source::Bio => "Bio page signup",
            Source::Booking => "Booking",
            Source::Purchase => "Purchase",
            Source::Form => "Website form",
            Source::Email => "Email list signup",
        }
    }

    /// The source with key `s`.
    pub fn parse(s: &str) -> Option<Source> {
        SOURCES.iter().copied().find(|x| x.key() == s)
    }
}

/// A contact as screens show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactView {
    /// Id.
    pub id: String,
    /// Full name; may be empty when only an email is known.
    pub name: String,
    /// Addresses, the first is the main one.
    pub emails: Vec<String>,
    /// Phone numbers as typed.
    pub phones: Vec<String>,
    /// Linked company.
    pub company_id: Option<String>,
    /// Its name, for display.
    pub company_name: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// The member responsible.
    pub owner_id: Option<String>,
    /// Where it came from.
    pub source: Source,
    /// Custom field key → values (one for single-valued fields).
    pub custom: BTreeMap<String, Vec<String>>,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// RFC 3339, UTC.
    pub updated_at: String,
}

impl ContactView {
    /// What to call the contact: the name, else the first email.
    pub fn display_name(&self) -> String {
        if !self.name.is_empty() {
            self.name.clone()
        } else {
            self.emails
                .first()
                .cloned()
                .unwrap_or_else(|| "Unnamed".into())
        }
    }
}

/// How the list is ordered.
pub const SORTS: &[(&str, &str)] = &[
    ("newest", "Newest first"),
    ("oldest", "Oldest first"),
    ("name", "Name A–Z"),
    ("updated", "Recently updated"),
];

/// The list's search and filters, as they appear in the address bar.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactQuery {
    /// Words that must each start a word of the name, an email, a phone or the company.
    #[serde(default)]
    pub q: String,
    /// Only contacts with this tag.
    #[serde(default)]
    pub tag: String,
    /// Only this source key.
    #[serde(default)]
    pub source: String,
    /// Only contacts of this company id.
    #[serde(default)]
    pub company: String,
    /// Only contacts this member owns.
    #[serde(default)]
    pub owner: String,
    /// A custom field key …
    #[serde(default)]
    pub field: String,
    /// … and the value it must hold.
    #[serde(default)]
    pub value: String,
    /// A key of [`SORTS`]; newest first when empty.
    #[serde(default)]
    pub sort: String,
}

/// One page of the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactPage {
    /// The contacts on this page.
    pub items: Vec<ContactView>,
    /// Pass back to get the next page; `None` on the last.
    pub next: Option<String>,
    /// How many match the filters in all.
    pub total: u64,
}
