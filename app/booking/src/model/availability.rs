//! A member's hours: a week of opening hours, dates that differ, and the time zone they are
//! written in. Hours are minutes from local midnight, `[from, to)`.

use serde::{Deserialize, Serialize};

pub use app_core::text::WEEKDAYS;

/// A date with hours of its own: a holiday when `hours` is empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayHours {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Open ranges in minutes from local midnight.
    pub hours: Vec<[u16; 2]>,
}

/// A member's hours as screens show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AvailabilityView {
    /// The member.
    pub user_id: String,
    /// IANA time zone the hours are in.
    pub time_zone: String,
    /// Seven days of ranges, Monday first.
    pub weekly: Vec<Vec<[u16; 2]>>,
    /// Dates that differ from the week, in date order.
    pub overrides: Vec<DayHours>,
}

/// The hours form's fields as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoursForm {
    /// IANA zone.
    #[serde(default)]
    pub time_zone: String,
    /// Monday's ranges.
    #[serde(default)]
    pub day0: String,
    /// Tuesday's.
    #[serde(default)]
    pub day1: String,
    /// Wednesday's.
    #[serde(default)]
    pub day2: String,
    /// Thursday's.
    #[serde(default)]
    pub day3: String,
    /// Friday's.
    #[serde(default)]
    pub day4: String,
    /// Saturday's.
    #[serde(default)]
    pub day5: String,
    /// Sunday's.
    #[serde(default)]
    pub day6: String,
    /// `YYYY-MM-DD hours` lines.
    #[serde(default)]
    pub overrides: String,
}

impl HoursForm {
    /// The seven days' fields, Monday first.
    pub fn days(&self) -> [&str; 7] {
        [
            &self.day0, &self.day1, &self.day2, &self.day3, &self.day4, &self.day5, &self.day6,
        ]
    }
}

fn minutes(s: &str) -> Option<u16> {
    let (h, m) = s.trim().split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 60 + m)
}

/// Ranges written as `09:00-12:00, 13:00-17:30`; empty or `closed` is none. Ranges are sorted
/// and must not overlap.
pub fn parse_hours(s: &str) -> Result<Vec<[u16; 2]>, String> {
    let s = s.trim();
    if s.is_empty() || s.eq_ignore_ascii_case("closed") {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for part in s.split(',') {
        let bad = || {
            format!(
                "Write hours as 09:00-17:00 (several separated by commas); “{}” is not.",
                part.trim()
            )
        };
        let (a, b) = part.split_once('-').ok_or_else(bad)?;
        let (a, b) = (minutes(a).ok_or_else(bad)?, minutes(b).ok_or_else(bad)?);
        if a >= b {
            return Err(format!("{} ends before it starts.", part.trim()));
        }
        out.push([a, b]);
    }
    out.sort();
    if out.windows(2).any(|w| w[1][0] < w[0][1]) {
        return Err("Two of these ranges overlap.".to_owned());
    }
    Ok(out)
}

/// Ranges as [`parse_hours`] reads them; `closed` for none.
pub fn format_hours(hours: &[[u16; 2]]) -> String {
    if hours.is_empty() {
        return "closed".to_owned();
    }
    let t = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
    hours
        .iter()
        .map(|[a, b]| format!("{}-{}", t(*a), t(*b)))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_read_and_write_back() {
        let h = parse_hours("13:00-17:30, 9:00-12:00").unwrap();
        assert_eq!(h, vec![[540, 720], [780, 1050]]);
        assert_eq!(format_hours(&h), "09:00-12:00, 13:00-17:30");
        assert_eq!(parse_hours("closed").unwrap(), Vec::<[u16; 2]>::new());
        assert_eq!(parse_hours("22:00-24:00").unwrap(), vec![[1320, 1440]]);
        assert!(parse_hours("9-5").is_err());
        assert!(parse_hours("12:00-09:00").is_err());
        assert!(parse_hours("09:00-12:00, 11:00-13:00").is_err());
    }
}
