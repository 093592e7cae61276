use serde::{Deserialize, Serialize};

/// Where an imported column can go, besides custom fields (`custom:<key>`).
pub const TARGETS: &[(&str, &str)] = &[
    ("", "Don't import"),
    ("name", "Name"),
    ("first_name", "First name"),
    ("last_name", "Last name"),
    ("email", "Email"),
    ("phone", "Phone"),
    ("company", "Company"),
    ("tags", "Tags"),
];

/// An uploaded file waiting for its columns to be mapped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPreview {
    /// Id of the upload.
    pub id: String,
    /// File name as uploaded.
    pub file_name: String,
    /// The header row.
    pub headers: Vec<String>,
    /// The first rows, for the preview.
    pub sample: Vec<Vec<String>>,
    /// Data rows in the file.
    pub rows: usize,
    /// A guess for each column: a key of [`TARGETS`] or `custom:<key>`.
    pub mapping: Vec<String>,
}

/// One row that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    /// Line number in the file (the header is line 1).
    pub line: usize,
    /// What was wrong, in words.
    pub reason: String,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ImportReport {
    /// New contacts.
    pub created: usize,
    /// Existing contacts updated with the row (merge mode).
    pub merged: usize,
    /// Rows left alone because their email already belongs to a contact (skip mode).
    pub skipped: usize,
    /// Rows refused, with the reason.
    pub errors: Vec<RowError>,
}

/// The guess for a column named `header`, given the workspace's custom fields.
pub fn guess_target(header: &str, fields: &[super::CustomField]) -> String {
    let h = header.trim().to_lowercase();
    let h = h.replace(['_', '-'], " ");
    let known = match h.as_str() {
        "name" | "full name" | "contact" | "contact name" => "name",
        "first name" | "firstname" | "given name" => "first_name",
        "last name" | "lastname" | "surname" | "family name" => "last_name",
        "email" | "emails" | "e mail" | "email address" => "email",
        "phone" | "phones" | "phone number" | "mobile" | "telephone" => "phone",
        "company" | "organization" | "organisation" | "company name" => "company",
        "tags" | "tag" | "labels" => "tags",
        _ => "",
    };
    if !known.is_empty() {
        return known.into();
    }
    fields
        .iter()
        .find(|f| f.label.to_lowercase() == h || f.key == h.replace(' ', "_"))
        .map(|f| format!("custom:{}", f.key))
        .unwrap_or_default()
}
