//! A message a visitor sent through a site's form, as the submissions list shows it.

use serde::{Deserialize, Serialize};

/// One submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionView {
    /// Id.
    pub id: String,
    /// The page's name it was sent from.
    pub page: String,
    /// The form's heading.
    pub form: String,
    /// The sender's email address.
    pub email: String,
    /// Each field's label and value, in the form's order.
    pub values: Vec<(String, String)>,
    /// When, RFC 3339.
    pub at: String,
}
