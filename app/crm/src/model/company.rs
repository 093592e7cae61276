use serde::{Deserialize, Serialize};

/// A company contacts work at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyView {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Web domain, e.g. `example.com`; may be empty.
    pub domain: String,
    /// How many contacts are linked to it.
    pub contacts: u64,
}
