use serde::{Deserialize, Serialize};

/// Where an address stands on a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Signed up on the form and not confirmed yet (double opt-in).
    Pending,
    /// Receives the list's mail.
    Subscribed,
    /// Left the list; never mailed again unless they sign up again.
    Unsubscribed,
}

impl Status {
    /// Stable key, as stored and posted.
    pub fn key(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Subscribed => "subscribed",
            Status::Unsubscribed => "unsubscribed",
        }
    }

    /// Name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Status::Pending => "Waiting for confirmation",
            Status::Subscribed => "Subscribed",
            Status::Unsubscribed => "Unsubscribed",
        }
    }

    /// The status with key `s`.
    pub fn parse(s: &str) -> Option<Status> {
        [Status::Pending, Status::Subscribed, Status::Unsubscribed]
            .into_iter()
            .find(|x| x.key() == s)
    }
}

/// How an address gave its consent (or withdrew it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentMethod {
    /// Signed up on the public form (single opt-in).
    Form,
    /// Signed up on the public form and confirmed from the email.
    Confirmed,
    /// Added from the CRM by a member, who vouched for the permission.
    AddedByMember,
    /// Unsubscribed with the link in a message or on the preference page.
    Unsubscribed,
    /// Removed by a member.
    RemovedByMember,
    /// Taken off because mail to the address bounced for good.
    Bounced,
    /// Taken off because the reader marked a message as spam.
    Complained,
    /// Chose the list on their preference page (reached from their own inbox).
    Preferences,
    /// Signed up on the link-in-bio page, whose signups the list takes.
    BioForm,
}

impl ConsentMethod {
    /// Name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            ConsentMethod::Form => "Signed up on the form",
            ConsentMethod::Confirmed => "Signed up and confirmed by email",
            ConsentMethod::AddedByMember => "Added by a member",
            ConsentMethod::Unsubscribed => "Unsubscribed with the link",
            ConsentMethod::RemovedByMember => "Removed by a member",
            ConsentMethod::Bounced => "Taken off: the address bounced",
            ConsentMethod::Complained => "Taken off: marked as spam",
            ConsentMethod::Preferences => "Chose it on the preference page",
            ConsentMethod::BioForm => "Signed up on the link-in-bio page",
        }
    }
}

/// The record of a consent: what, when and from where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsentView {
    /// How.
    pub method: ConsentMethod,
    /// RFC 3339, UTC.
    pub at: String,
    /// The client address it came from, when it came over the web.
    pub ip: Option<String>,
}

/// One address on a list, as its screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubscriberView {
    /// Id.
    pub id: String,
    /// Normalised address.
    pub email: String,
    /// The CRM contact's name, when there is one with this address.
    pub name: Option<String>,
    /// Where it stands.
    pub status: Status,
    /// Its consent history, oldest first.
    pub consent: Vec<ConsentView>,
    /// RFC 3339, UTC: when it joined the list.
    pub created_at: String,
}

/// A page of a list's subscribers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubscriberPage {
    /// The list.
    pub list: super::ListView,
    /// Matching subscribers, newest first.
    pub subscribers: Vec<SubscriberView>,
    /// Whether more follow (ask again with `before`).
    pub more: bool,
    /// Whether the caller may change the list.
    pub can_edit: bool,
    /// The workspace's contact tags, to add contacts by tag.
    pub tags: Vec<String>,
}

/// An address no campaign of the workspace writes to any more, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuppressionView {
    /// Normalised address.
    pub email: String,
    /// Why: a bounce or a complaint.
    pub reason: ConsentMethod,
    /// What the mail provider said.
    pub detail: String,
    /// RFC 3339, UTC.
    pub at: String,
}

/// The suppression list screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuppressionPage {
    /// Newest first.
    pub suppressed: Vec<SuppressionView>,
    /// Whether the caller may lift a suppression.
    pub can_edit: bool,
    /// Whether a bounce webhook is configured (else nothing arrives here on its own).
    pub webhooks_on: bool,
}
