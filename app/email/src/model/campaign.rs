use serde::{Deserialize, Serialize};

/// Where a campaign stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CampaignStatus {
    /// Being written.
    Draft,
    /// Waiting for its time.
    Scheduled,
    /// Going out now.
    Sending,
    /// Stopped by a member; resumes where it stopped.
    Paused,
    /// Every subscriber got it.
    Sent,
    /// Stopped for good.
    Cancelled,
}

impl CampaignStatus {
    /// Name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            CampaignStatus::Draft => "Draft",
            CampaignStatus::Scheduled => "Scheduled",
            CampaignStatus::Sending => "Sending",
            CampaignStatus::Paused => "Paused",
            CampaignStatus::Sent => "Sent",
            CampaignStatus::Cancelled => "Cancelled",
        }
    }
}

/// A campaign as its screens show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignView {
    /// Id.
    pub id: String,
    /// The list it goes to.
    pub list_id: String,
    /// That list's name.
    pub list_name: String,
    /// The segment of the list it goes to; empty for everyone on the list.
    pub segment_id: String,
    /// That segment's name (on a single campaign's page).
    pub segment_name: String,
    /// The sequence it is a step of; empty for a campaign.
    pub sequence_id: String,
    /// Why sending waits, while it does; empty otherwise.
    pub waiting: String,
    /// Subject line; may hold merge fields.
    pub subject: String,
    /// The line inboxes show after the subject.
    pub preview: String,
    /// The message's blocks, in order.
    pub blocks: Vec<super::EmailBlock>,
    /// Where it stands.
    pub status: CampaignStatus,
    /// While scheduled: when it goes, in the workspace's time zone, named.
    pub scheduled_for: String,
    /// Subscribers when sending started.
    pub total: u64,
    /// Messages handed to the mail server so far.
    pub sent: u64,
    /// Messages the mail server refused.
    pub failed: u64,
    /// Recipients who opened it (or clicked, which shows they did).
    pub opens: u64,
    /// Recipients who clicked a link.
    pub clicks: u64,
    /// RFC 3339, UTC.
    pub updated_at: String,
    /// Whether the caller may edit and send it.
    pub can_edit: bool,
}

/// How a sent campaign did: clicks per link and activity per hour since sending started.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignReport {
    /// Each tracked link with its clicks (every click) and clickers (distinct readers).
    pub links: Vec<LinkStat>,
    /// First opens and first clicks per hour, from the hour sending started.
    pub hours: Vec<HourStat>,
}

/// One link of a campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkStat {
    /// Where it goes.
    pub url: String,
    /// Every click.
    pub clicks: u64,
}

/// One hour of a campaign's activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HourStat {
    /// RFC 3339 start of the hour, UTC.
    pub at: String,
    /// Readers who first opened in it.
    pub opens: u64,
    /// Readers who first clicked in it.
    pub clicks: u64,
}

/// What a preview or test shows of a campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmailPreview {
    /// Subject as a reader without a name would see it.
    pub subject: String,
    /// The HTML part.
    pub html: String,
    /// The plain-text part.
    pub text: String,
}

/// The longest subject, in characters.
pub const MAX_SUBJECT: usize = 150;

/// Field → problem for a campaign's subject, empty when it is fine.
pub fn campaign_problems(subject: &str) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    if subject.trim().is_empty() {
        out.push(("subject", "Write a subject line."));
    } else if subject.chars().count() > MAX_SUBJECT {
        out.push(("subject", "Keep the subject to 150 characters."));
    }
    out
}

/// Where a campaign can go: every list and every list's segments, with their counts now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Audiences {
    /// The workspace's lists.
    pub lists: Vec<super::ListView>,
    /// Every list's segments.
    pub segments: Vec<super::SegmentView>,
}

/// The campaigns screen: every campaign, the lists to send to, and whether the caller may act.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignsOverview {
    /// Newest first.
    pub campaigns: Vec<CampaignView>,
    /// The workspace's lists.
    pub lists: Vec<super::ListView>,
    /// Every list's segments.
    pub segments: Vec<super::SegmentView>,
    /// Whether the caller may write and send.
    pub can_edit: bool,
}
