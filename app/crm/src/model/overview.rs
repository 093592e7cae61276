use super::{
    ActivityView, CompanyView, ContactView, CustomField, DealView, PipelineView, TaskView,
};
use serde::{Deserialize, Serialize};

/// What every CRM screen needs around its main data: the workspace's fields, companies, tags
/// and members for forms and filters, and where the contact limit stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CrmOverview {
    /// Custom fields.
    pub fields: Vec<CustomField>,
    /// Companies A–Z.
    pub companies: Vec<CompanyView>,
    /// Tags in use.
    pub tags: Vec<String>,
    /// Members as (id, name), for owner and assignee choices.
    pub members: Vec<(String, String)>,
    /// Contacts stored.
    pub contacts: u64,
    /// The plan's contact limit; negative for unlimited.
    pub contact_limit: i64,
    /// Bio page signups kept but not yet contacts because the limit was reached.
    pub waiting_signups: u64,
    /// Whether the caller may change things.
    pub can_edit: bool,
}

/// A contact's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactDetail {
    /// The contact.
    pub contact: ContactView,
    /// Everything that happened, newest first.
    pub timeline: Vec<ActivityView>,
    /// Its tasks.
    pub tasks: Vec<TaskView>,
    /// Its deals.
    pub deals: Vec<DealView>,
}

/// A deal's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DealDetail {
    /// The deal.
    pub deal: DealView,
    /// Its pipeline.
    pub pipeline: PipelineView,
    /// Its history, newest first.
    pub timeline: Vec<ActivityView>,
    /// Its tasks.
    pub tasks: Vec<TaskView>,
}
