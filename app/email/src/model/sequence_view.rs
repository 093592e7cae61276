use super::sequence::{SequenceStatus, Step, Trigger};
use serde::{Deserialize, Serialize};

/// A sequence as its screens show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SequenceView {
    /// Id.
    pub id: String,
    /// What members call it.
    pub name: String,
    /// The list whose subscribers it writes to.
    pub list_id: String,
    /// That list's name.
    pub list_name: String,
    /// What starts someone on it.
    pub trigger: Trigger,
    /// The CRM tag that starts it, when it starts on a tag.
    pub trigger_tag: String,
    /// A CRM tag that takes someone off it as soon as their contact has it; empty for none.
    pub exit_tag: String,
    /// Where it stands.
    pub status: SequenceStatus,
    /// Its steps, in order.
    pub steps: Vec<Step>,
    /// People on it now.
    pub active: u64,
    /// People who went through every step.
    pub finished: u64,
    /// People who left early (a condition, the exit tag, unsubscribing, a member).
    pub left: u64,
    /// Whether the caller may change it.
    pub can_edit: bool,
}

/// Where one person stands on a sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnrolmentStatus {
    /// On their way through it.
    Active,
    /// Went through every step.
    Finished,
    /// Left early; the reason says why.
    Left,
}

impl EnrolmentStatus {
    /// Name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            EnrolmentStatus::Active => "On it",
            EnrolmentStatus::Finished => "Finished",
            EnrolmentStatus::Left => "Left",
        }
    }
}

/// One person on a sequence, as its page lists them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnrolmentView {
    /// Id.
    pub id: String,
    /// Their address.
    pub email: String,
    /// Where they stand.
    pub status: EnrolmentStatus,
    /// The step they are at ("Step 2: wait 3 days"), while on it.
    pub step: String,
    /// When they move on, in the workspace's time zone, while waiting.
    pub due: String,
    /// Why they left, when they did.
    pub reason: String,
}

/// The most steps a sequence holds.
pub const MAX_STEPS: usize = 30;

/// The longest wait, in seconds: a year.
const MAX_WAIT: i64 = 366 * 86_400;

/// Field (`steps.<i>.<field>`, or `steps`) → problem for a sequence's steps; empty when they
/// are fine.
pub fn steps_problems(steps: &[Step]) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    if steps.len() > MAX_STEPS {
        out.push(("steps".to_owned(), "A sequence holds at most 30 steps."));
    }
    let field = |i: usize, f: &str| format!("steps.{i}.{f}");
    for (i, step) in steps.iter().enumerate() {
        // Ids place people and conditions: each names one step.
        if step.id().len() > 40 || steps[..i].iter().any(|s| s.id() == step.id()) {
            out.push((
                format!("steps.{i}"),
                "This step repeats another; reload the page.",
            ));
        }
        match step {
            Step::Email { .. } => {}
            Step::Wait { amount, unit, .. } => {
                let seconds = i64::from(*amount) * unit.seconds();
                if !(1..=MAX_WAIT).contains(&seconds) {
                    out.push((field(i, "amount"), "Wait from 1 minute to a year."));
                }
            }
            Step::Until { weekday, time, .. } => {
                if *weekday > 7 {
                    out.push((field(i, "weekday"), "Choose a day of the week."));
                }
                if hour_minute(time).is_none() {
                    out.push((field(i, "time"), "Enter a time like 09:30."));
                }
            }
            Step::Branch {
                email, otherwise, ..
            } => {
                let earlier_email = steps[..i]
                    .iter()
                    .any(|s| matches!(s, Step::Email { id, .. } if id == email));
                if !earlier_email {
                    out.push((field(i, "email"), "Choose an email before this step."));
                }
                let later = steps[i + 1..].iter().any(|s| s.id() == otherwise);
                if !otherwise.is_empty() && !later {
                    out.push((
                        field(i, "otherwise"),
                        "Choose a step after this one, or leaving.",
                    ));
                }
            }
        }
    }
    out
}

/// `HH:MM` as hour and minute.
pub fn hour_minute(time: &str) -> Option<(i8, i8)> {
    let (h, m) = time.trim().split_once(':')?;
    let (h, m): (i8, i8) = (h.parse().ok()?, m.parse().ok()?);
    ((0..24).contains(&h) && (0..60).contains(&m)).then_some((h, m))
}

#[cfg(test)]
mod tests {
    use super::super::sequence::{step_label, Condition, WaitUnit};
    use super::*;

    fn email(id: &str) -> Step {
        Step::Email {
            id: id.into(),
            campaign_id: String::new(),
            subject: String::new(),
        }
    }

    fn branch(email: &str, otherwise: &str) -> Step {
        Step::Branch {
            id: "b".into(),
            condition: Condition::NotClicked,
            email: email.into(),
            otherwise: otherwise.into(),
        }
    }

    #[test]
    fn conditions_ask_an_earlier_email_and_skip_only_forward() {
        let fine = [email("e1"), branch("e1", "e2"), email("e2")];
        assert!(steps_problems(&fine).is_empty());
        let later_email = [branch("e1", ""), email("e1")];
        assert_eq!(steps_problems(&later_email)[0].0, "steps.0.email");
        let backwards = [email("e1"), email("e2"), branch("e1", "e1")];
        assert_eq!(steps_problems(&backwards)[0].0, "steps.2.otherwise");
    }

    #[test]
    fn waits_and_times_are_bounded() {
        let wait = |amount, unit| Step::Wait {
            id: format!("w{amount}"),
            amount,
            unit,
        };
        let until = |weekday, time: &str| Step::Until {
            id: "u".into(),
            weekday,
            time: time.into(),
        };
        assert!(steps_problems(&[wait(366, WaitUnit::Days), until(7, "23:59")]).is_empty());
        let wrong = [wait(0, WaitUnit::Hours), wait(367, WaitUnit::Days)];
        assert_eq!(steps_problems(&wrong).len(), 2);
        let fields: Vec<_> = steps_problems(&[until(8, "24:00")])
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(fields, ["steps.0.weekday", "steps.0.time"]);
    }

    #[test]
    fn a_wait_is_labelled_in_words_singular_for_one() {
        let steps = [
            Step::Wait {
                id: "a".into(),
                amount: 1,
                unit: WaitUnit::Hours,
            },
            Step::Wait {
                id: "b".into(),
                amount: 3,
                unit: WaitUnit::Minutes,
            },
        ];
        assert_eq!(step_label(&steps, "a"), "Step 1: wait 1 hour");
        assert_eq!(step_label(&steps, "b"), "Step 2: wait 3 minutes");
    }
}
