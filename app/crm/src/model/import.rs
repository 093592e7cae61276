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

/// A row whose email already belonged to a contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duplicate {
    /// Line number in the file (the header is line 1).
    pub line: usize,
    /// The email the row shares with the contact.
    pub email: String,
    /// The contact it matched.
    pub contact_id: String,
    /// That contact's name when the row was read.
    pub contact_name: String,
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
    /// The rows counted in `merged` or `skipped`, with the contact each matched.
    pub duplicates: Vec<Duplicate>,
}

/// The guess for a column named `header`, given the workspace's custom fields. Knows the
/// headers of Google Contacts ("E-mail 1 - Value"), Outlook ("E-mail Address", "Mobile Phone")
/// and Apple exports besides plain names.
pub fn guess_target(header: &str, fields: &[super::CustomField]) -> String {
    let known = known_target(header);
    if !known.is_empty() {
        return known.into();
    }
    let h = header.trim().to_lowercase().replace(['_', '-'], " ");
    fields
        .iter()
        .find(|f| f.label.to_lowercase() == h || f.key == h.replace(' ', "_"))
        .map(|f| format!("custom:{}", f.key))
        .unwrap_or_default()
}

/// The standard field a header names, or "".
fn known_target(header: &str) -> &'static str {
    let lower = header.to_lowercase().replace(['_', ' '], "-");
    let lower = lower.replace("e-mail", "email");
    // Numbers only tell repeated columns apart ("Phone 2 - Value").
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    let has = |w: &str| words.contains(&w);
    // "E-mail 1 - Type" holds "* Home", not an address.
    if has("type") || has("label") {
        return "";
    }
    match words.join(" ").as_str() {
        "name" | "full name" | "display name" | "contact" | "contact name" => "name",
        "first name" | "firstname" | "given name" => "first_name",
        "last name" | "lastname" | "surname" | "family name" => "last_name",
        "company" | "company name" | "organization" | "organisation" | "organization name"
        | "organisation name" => "company",
        "tags" | "tag" | "labels" => "tags",
        _ if has("email") || has("emails") => "email",
        _ if ["phone", "phones", "mobile", "telephone", "cell"]
            .iter()
            .any(|w| has(w)) =>
        {
            "phone"
        }
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_export_headers_map_by_themselves() {
        for (header, want) in [
            ("E-mail 1 - Value", "email"),
            ("E-mail 1 - Type", ""),
            ("Phone 1 - Value", "phone"),
            ("Given Name", "first_name"),
            ("Organization 1 - Name", "company"),
            ("E-mail Address", "email"),
            ("E-mail 2 Address", "email"),
            ("Mobile Phone", "phone"),
            ("Business Phone", "phone"),
            ("Email", "email"),
            ("email_address", "email"),
            ("E Mail", "email"),
            ("Home Address", ""),
            ("First Name", "first_name"),
        ] {
            assert_eq!(guess_target(header, &[]), want, "{header}");
        }
    }
}
