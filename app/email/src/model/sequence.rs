use serde::{Deserialize, Serialize};

pub use app_core::text::WEEKDAYS;

/// Where a sequence stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SequenceStatus {
    /// Being written: nobody starts it yet.
    Draft,
    /// Starts for everyone its trigger names and moves them along.
    Live,
    /// Nobody starts it and nobody moves on until it is live again.
    Paused,
}

impl SequenceStatus {
    /// Name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            SequenceStatus::Draft => "Draft",
            SequenceStatus::Live => "Live",
            SequenceStatus::Paused => "Paused",
        }
    }
}

/// What starts someone on a sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trigger {
    /// Subscribes on the list's public form (once confirmed, with double opt-in).
    Form,
    /// Signs up on the link-in-bio page, whose signups the list takes.
    Bio,
    /// Joins the list any way: a form, the preference page or a member adding them.
    Joined,
    /// Their CRM contact gains the sequence's tag while they are subscribed to the list.
    Tag,
}

impl Trigger {
    /// Every trigger, in the order the screen offers them.
    pub const ALL: [Trigger; 4] = [Trigger::Form, Trigger::Bio, Trigger::Joined, Trigger::Tag];

    /// Stable key, as stored and posted.
    pub fn key(self) -> &'static str {
        match self {
            Trigger::Form => "form",
            Trigger::Bio => "bio",
            Trigger::Joined => "joined",
            Trigger::Tag => "tag",
        }
    }

    /// Name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Trigger::Form => "Signs up on the list's form",
            Trigger::Bio => "Signs up on the link-in-bio page",
            Trigger::Joined => "Joins the list in any way",
            Trigger::Tag => "Gets a tag in the CRM",
        }
    }

    /// The trigger with key `s`.
    pub fn parse(s: &str) -> Option<Trigger> {
        Trigger::ALL.into_iter().find(|t| t.key() == s)
    }
}

/// The unit of a wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WaitUnit {
    /// Minutes.
    Minutes,
    /// Hours.
    Hours,
    /// Days.
    Days,
}

impl WaitUnit {
    /// Seconds in one.
    pub fn seconds(self) -> i64 {
        match self {
            WaitUnit::Minutes => 60,
            WaitUnit::Hours => 3600,
            WaitUnit::Days => 86_400,
        }
    }

    /// Every unit, shortest first, as the step editor offers them.
    pub const ALL: [WaitUnit; 3] = [WaitUnit::Minutes, WaitUnit::Hours, WaitUnit::Days];

    /// "days", or "day" for one: the word a step's label and the editor use. Not `Debug`: the
    /// release WASM is built without it.
    pub fn name(self, amount: u32) -> &'static str {
        match (self, amount) {
            (WaitUnit::Minutes, 1) => "minute",
            (WaitUnit::Minutes, _) => "minutes",
            (WaitUnit::Hours, 1) => "hour",
            (WaitUnit::Hours, _) => "hours",
            (WaitUnit::Days, 1) => "day",
            (WaitUnit::Days, _) => "days",
        }
    }
}

/// What a condition asks of an earlier email.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// They opened it (or clicked, which shows they did).
    Opened,
    /// They clicked a link in it.
    Clicked,
    /// They have not opened it.
    NotOpened,
    /// They have not clicked in it.
    NotClicked,
}

impl Condition {
    /// Every condition, in the order the screen offers them.
    pub const ALL: [Condition; 4] = [
        Condition::Opened,
        Condition::Clicked,
        Condition::NotOpened,
        Condition::NotClicked,
    ];

    /// Words after "If they …".
    pub fn label(self) -> &'static str {
        match self {
            Condition::Opened => "opened",
            Condition::Clicked => "clicked in",
            Condition::NotOpened => "did not open",
            Condition::NotClicked => "did not click in",
        }
    }

    /// Words after "they …" for someone for whom it does not hold.
    pub fn failed_label(self) -> &'static str {
        match self {
            Condition::Opened => "did not open",
            Condition::Clicked => "did not click in",
            Condition::NotOpened => "opened",
            Condition::NotClicked => "clicked in",
        }
    }

    /// Whether it holds for a reader who `opened` and `clicked`.
    pub fn holds(self, opened: bool, clicked: bool) -> bool {
        match self {
            Condition::Opened => opened || clicked,
            Condition::Clicked => clicked,
            Condition::NotOpened => !(opened || clicked),
            Condition::NotClicked => !clicked,
        }
    }
}

/// One step of a sequence. Ids stay the same through edits, so people stay where they are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Step {
    /// Sends an email, written like a campaign (its own page).
    Email {
        /// Id.
        id: String,
        /// The campaign document holding its subject and blocks; empty until saved.
        #[serde(default)]
        campaign_id: String,
        /// Its subject, for the screen.
        #[serde(default)]
        subject: String,
    },
    /// Waits a while.
    Wait {
        /// Id.
        id: String,
        /// How many units.
        amount: u32,
        /// Minutes, hours or days.
        unit: WaitUnit,
    },
    /// Waits until a time of day, on a weekday or the next day it comes, in the workspace's zone.
    Until {
        /// Id.
        id: String,
        /// 1 (Monday) to 7 (Sunday); 0 for whichever day the time comes first.
        weekday: u8,
        /// `HH:MM`.
        time: String,
    },
    /// Goes on when a condition holds; otherwise leaves, or skips ahead to a later step.
    Branch {
        /// Id.
        id: String,
        /// What it asks.
        condition: Condition,
        /// The id of the earlier email step it asks about.
        email: String,
        /// The id of a later step to go to otherwise; empty to leave the sequence.
        #[serde(default)]
        otherwise: String,
    },
}

impl Step {
    /// Its id.
    pub fn id(&self) -> &str {
        match self {
            Step::Email { id, .. }
            | Step::Wait { id, .. }
            | Step::Until { id, .. }
            | Step::Branch { id, .. } => id,
        }
    }

    /// Its id, writable (new steps get theirs from the server).
    pub fn id_mut(&mut self) -> &mut String {
        match self {
            Step::Email { id, .. }
            | Step::Wait { id, .. }
            | Step::Until { id, .. }
            | Step::Branch { id, .. } => id,
        }
    }
}

/// "Step 3: wait 2 days", as the people table and the condition pickers name a step of `steps`.
pub fn step_label(steps: &[Step], id: &str) -> String {
    let Some(i) = steps.iter().position(|s| s.id() == id) else {
        return String::new();
    };
    let what = match &steps[i] {
        Step::Email { subject, .. } => format!("email “{subject}”"),
        Step::Wait { amount, unit, .. } => {
            format!("wait {amount} {}", unit.name(*amount))
        }
        Step::Until { weekday, time, .. } => {
            match usize::from(*weekday)
                .checked_sub(1)
                .and_then(|d| WEEKDAYS.get(d))
            {
                Some(day) => format!("wait until {day} {time}"),
                None => format!("wait until {time}"),
            }
        }
        Step::Branch { condition, .. } => format!("if they {}…", condition.label()),
    };
    format!("Step {}: {what}", i + 1)
}
