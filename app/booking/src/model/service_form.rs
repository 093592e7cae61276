//! The service form's fields as typed, and the check that turns them into settings.

use super::service::{Question, ServiceSettings, LOCATIONS};
use serde::{Deserialize, Serialize};

/// The service form's fields as typed (every one a string, so the form posts before the
/// page's code has loaded).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceForm {
    /// Empty for a new service.
    #[serde(default)]
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Address; from the name when empty.
    #[serde(default)]
    pub slug: String,
    /// Description.
    #[serde(default)]
    pub description: String,
    /// Minutes, comma-separated: `30` or `30, 60`.
    #[serde(default)]
    pub durations: String,
    /// `0`, `25` or `25.50`.
    #[serde(default)]
    pub price: String,
    /// A key of [`LOCATIONS`].
    #[serde(default)]
    pub location: String,
    /// Address, phone or link.
    #[serde(default)]
    pub location_detail: String,
    /// Minutes.
    #[serde(default)]
    pub buffer_before: String,
    /// Minutes.
    #[serde(default)]
    pub buffer_after: String,
    /// Hours.
    #[serde(default)]
    pub notice_hours: String,
    /// Days.
    #[serde(default)]
    pub window_days: String,
    /// Sessions a day.
    #[serde(default)]
    pub per_day: String,
    /// Sessions a week.
    #[serde(default)]
    pub per_week: String,
    /// People per session.
    #[serde(default)]
    pub seats: String,
    /// Hours.
    #[serde(default)]
    pub cancel_hours: String,
    /// Sessions in a package (0 or empty: none).
    #[serde(default)]
    pub package_sessions: String,
    /// The package's price.
    #[serde(default)]
    pub package_price: String,
    /// One question a line; a line ending in `*` must be answered.
    #[serde(default)]
    pub questions: String,
    /// `on` when visitors can book.
    #[serde(default)]
    pub active: String,
}

fn number(
    problems: &mut Vec<(&'static str, String)>,
    field: &'static str,
    value: &str,
    (min, max, default): (u32, u32, u32),
    what: &str,
) -> u32 {
    let v = value.trim();
    if v.is_empty() {
        return default;
    }
    match v.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => n,
        _ => {
            problems.push((
                field,
                format!("{what} must be a whole number from {min} to {max}."),
            ));
            default
        }
    }
}

/// `name` as an address: lowercase letters, digits and dashes.
pub fn slugify(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(60).collect()
}

impl ServiceForm {
    /// The settings these fields describe, with `hosts` (user ids) and the default host when none
    /// is chosen; or every problem, each with its field.
    pub fn check(
        &self,
        hosts: Vec<String>,
        default_host: &str,
    ) -> Result<ServiceSettings, Vec<(&'static str, String)>> {
        let mut p = Vec::new();
        let name = self.name.trim().to_owned();
        if name.is_empty() {
            p.push(("name", "Give the service a name.".to_owned()));
        } else if name.chars().count() > 80 {
            p.push(("name", "Keep the name under 80 characters.".to_owned()));
        }
        let slug = match self.slug.trim() {
            "" => slugify(&name),
            s => s.to_lowercase(),
        };
        if !name.is_empty()
            && (slug.is_empty()
                || slug.len() > 60
                || !slug
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
        {
            p.push((
                "slug",
                "Use letters, digits and dashes for the address.".to_owned(),
            ));
        }
        if self.description.chars().count() > 2000 {
            p.push((
                "description",
                "Keep the description under 2,000 characters.".to_owned(),
            ));
        }
        let mut durations = Vec::new();
        for part in self
            .durations
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            match part.parse::<u32>() {
                Ok(n) if (5..=720).contains(&n) && !durations.contains(&n) => durations.push(n),
                _ => {
                    p.push((
                        "durations",
                        "Write lengths in minutes from 5 to 720, separated by commas.".to_owned(),
                    ));
                    break;
                }
            }
        }
        if durations.is_empty() && !p.iter().any(|(f, _)| *f == "durations") {
            p.push((
                "durations",
                "Say how long a session lasts, in minutes.".to_owned(),
            ));
        }
        let price_cents = match self.price.trim() {
            "" => 0,
            s => match app_core::money::parse_price(s) {
                Some(c) if (0..=10_000_000).contains(&c) => c,
                _ => {
                    p.push((
                        "price",
                        "Write a price such as 25 or 25.50, or 0 for free.".to_owned(),
                    ));
                    0
                }
            },
        };
        let location = match self.location.as_str() {
            "" => "video".to_owned(),
            l if LOCATIONS.iter().any(|(k, _)| *k == l) => l.to_owned(),
            _ => {
                p.push((
                    "location",
                    "Choose where the session takes place.".to_owned(),
                ));
                "video".to_owned()
            }
        };
        let location_detail = self.location_detail.trim().to_owned();
        if location_detail.chars().count() > 300 {
            p.push((
                "location_detail",
                "Keep this under 300 characters.".to_owned(),
            ));
        }
        let buffer_before = number(
            &mut p,
            "buffer_before",
            &self.buffer_before,
            (0, 240, 0),
            "The buffer",
        );
        let buffer_after = number(
            &mut p,
            "buffer_after",
            &self.buffer_after,
            (0, 240, 0),
            "The buffer",
        );
        let notice_minutes = number(
            &mut p,
            "notice_hours",
            &self.notice_hours,
            (0, 720, 4),
            "Notice",
        ) * 60;
        let window_days = number(
            &mut p,
            "window_days",
            &self.window_days,
            (1, 365, 60),
            "The window",
        );
        let per_day = number(
            &mut p,
            "per_day",
            &self.per_day,
            (0, 100, 0),
            "The daily limit",
        );
        let per_week = number(
            &mut p,
            "per_week",
            &self.per_week,
            (0, 500, 0),
            "The weekly limit",
        );
        let seats = number(&mut p, "seats", &self.seats, (1, 500, 1), "Seats");
        let cancel_hours = number(
            &mut p,
            "cancel_hours",
            &self.cancel_hours,
            (0, 720, 24),
            "The cancellation limit",
        );
        let package_sessions = number(
            &mut p,
            "package_sessions",
            &self.package_sessions,
            (0, 100, 0),
            "Sessions in a package",
        );
        let package_price_cents = match (package_sessions, self.package_price.trim()) {
            (0, _) => 0,
            (_, s) => match app_core::money::parse_price(s) {
                Some(c) if c > 0 && c <= 100_000_000 => c,
                _ => {
                    p.push((
                        "package_price",
                        "Give the package a price, such as 200.".to_owned(),
                    ));
                    0
                }
            },
        };
        let mut questions = Vec::new();
        for line in self
            .questions
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            let (label, required) = match line.strip_suffix('*') {
                Some(l) => (l.trim(), true),
                None => (line, false),
            };
            if label.chars().count() > 200 || questions.len() >= 10 {
                p.push((
                    "questions",
                    "Ask at most 10 questions of under 200 characters each.".to_owned(),
                ));
                break;
            }
            questions.push(Question {
                label: label.to_owned(),
                required,
            });
        }
        let mut hosts: Vec<String> = hosts.into_iter().filter(|h| !h.is_empty()).collect();
        hosts.dedup();
        if hosts.is_empty() {
            hosts.push(default_host.to_owned());
        }
        if !p.is_empty() {
            return Err(p);
        }
        Ok(ServiceSettings {
            name,
            slug,
            description: self.description.trim().to_owned(),
            durations,
            price_cents,
            location,
            location_detail,
            buffer_before,
            buffer_after,
            notice_minutes,
            window_days,
            per_day,
            per_week,
            seats,
            cancel_hours,
            package_sessions,
            package_price_cents,
            questions,
            hosts,
            active: matches!(self.active.as_str(), "on" | "true"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Question;

    fn form() -> ServiceForm {
        ServiceForm {
            name: "Intro call".into(),
            durations: "30, 60".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_service_form_is_checked_field_by_field() {
        let s = form().check(vec![], "me").unwrap();
        assert_eq!(s.slug, "intro-call");
        assert_eq!(s.durations, vec![30, 60]);
        assert_eq!((s.seats, s.notice_minutes, s.window_days), (1, 240, 60));
        assert_eq!(s.hosts, vec!["me".to_owned()]);
        let bad = ServiceForm {
            name: " ".into(),
            durations: "30, abc".into(),
            seats: "0".into(),
            price: "-3".into(),
            ..Default::default()
        };
        let fields: Vec<&str> = bad
            .check(vec![], "me")
            .unwrap_err()
            .iter()
            .map(|(f, _)| *f)
            .collect();
        assert_eq!(fields, vec!["name", "durations", "price", "seats"]);
        let q = ServiceForm {
            questions: "Your goal? *\nCompany".into(),
            ..form()
        };
        let s = q.check(vec!["a".into()], "me").unwrap();
        assert_eq!(
            s.questions[0],
            Question {
                label: "Your goal?".into(),
                required: true
            }
        );
        assert!(!s.questions[1].required);
        assert_eq!(s.form("x").questions, "Your goal? *\nCompany");
    }
}
