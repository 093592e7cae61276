//! Which start times a service has open: a member's hours in their zone, less what is booked,
//! under the service's notice, window, buffers, seats and limits. The same check decides the
//! public page's times and, inside the booking transaction, whether a chosen time is still
//! open, so the two never disagree.

use crate::model::DayHours;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

/// A service's rules as slots need them.
#[derive(Debug, Clone)]
pub struct Rules {
    /// The service.
    pub service_id: String,
    /// Length of a session in minutes.
    pub minutes: u32,
    /// Minutes kept free before.
    pub buffer_before: u32,
    /// Minutes kept free after.
    pub buffer_after: u32,
    /// Minutes of notice.
    pub notice_minutes: u32,
    /// Days ahead.
    pub window_days: u32,
    /// Sessions a day (0: any).
    pub per_day: u32,
    /// Sessions a week (0: any).
    pub per_week: u32,
    /// People per session.
    pub seats: u32,
}

impl Rules {
    /// These rules with notice and window waived: a member booking for someone, or a payment
    /// for a time the visitor chose in good faith.
    pub fn waived(self) -> Self {
        Rules {
            notice_minutes: 0,
            window_days: 3650,
            ..self
        }
    }
}

/// A member's hours, read in their zone.
#[derive(Debug, Clone)]
pub struct Hours {
    /// Their zone.
    pub tz: TimeZone,
    /// Monday first.
    pub weekly: Vec<Vec<[u16; 2]>>,
    /// Dates that differ.
    pub overrides: Vec<DayHours>,
}

/// Time already taken on a member's calendar: a booking (or a hold) or a busy time from
/// elsewhere (`slot` empty).
#[derive(Debug, Clone)]
pub struct Taken {
    /// The member.
    pub host_id: String,
    /// The booking's service.
    pub service_id: String,
    /// The booking's session, as [`slot_key`] writes it.
    pub slot: String,
    /// When the session starts.
    pub start: Timestamp,
    /// Busy from (its buffer before included).
    pub busy_from: Timestamp,
    /// Busy until (its buffer after included).
    pub busy_until: Timestamp,
}

/// Why a time cannot be booked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Inside the notice period.
    TooSoon,
    /// Past the booking window.
    TooFar,
    /// Not within the host's hours (or not one of the offered start times).
    NotOpen,
    /// Someone else's session is then.
    Taken,
    /// Every seat of the session is taken.
    Full,
    /// The day has its sessions.
    DayLimit,
    /// The week has its sessions.
    WeekLimit,
    /// The booking being moved was cancelled or moved meanwhile.
    Moved,
}

impl Refusal {
    /// What a visitor reads.
    pub fn message(self) -> &'static str {
        match self {
            Refusal::TooSoon => "That time is too soon to book. Choose a later one.",
            Refusal::TooFar => "That time is too far ahead to book yet.",
            Refusal::NotOpen => "That time is not offered. Choose one of the times shown.",
            Refusal::Taken | Refusal::Full => {
                "Someone has just booked that time. Choose another one."
            }
            Refusal::DayLimit => "That day is fully booked. Choose another day.",
            Refusal::WeekLimit => "That week is fully booked. Choose another week.",
            Refusal::Moved => "This booking was cancelled or moved meanwhile.",
        }
    }
}

/// The session of `service_id` that starts at `start` with `host`: bookings with one key share
/// a session's seats.
pub fn slot_key(service_id: &str, host: &str, start: Timestamp) -> String {
    format!("{service_id}@{host}@{}", start.as_millisecond())
}

/// How far apart offered start times are: the length, between 15 minutes and an hour.
pub fn step(minutes: u32) -> i64 {
    i64::from(minutes.clamp(15, 60))
}

fn at(tz: &TimeZone, date: Date, minute: u16) -> Option<Timestamp> {
    let (date, minute) = if minute >= 1440 {
        (date.tomorrow().ok()?, minute - 1440)
    } else {
        (date, minute)
    };
    let dt = date.at((minute / 60) as i8, (minute % 60) as i8, 0, 0);
    // A time the clocks skip (or repeat) at a daylight-saving change: the compatible choice.
    Some(dt.to_zoned_datetime(tz.clone()).ok()?.timestamp())
}

impl Hours {
    /// The open ranges of local date `date`.
    pub fn ranges(&self, date: Date) -> Vec<(Timestamp, Timestamp)> {
        let key = date.to_string();
        let hours = match self.overrides.iter().find(|o| o.date == key) {
            Some(o) => &o.hours,
            None => match self
                .weekly
                .get(date.weekday().to_monday_zero_offset() as usize)
            {
                Some(h) => h,
                None => return Vec::new(),
            },
        };
        hours
            .iter()
            .filter_map(|[a, b]| Some((at(&self.tz, date, *a)?, at(&self.tz, date, *b)?)))
            .collect()
    }

    /// The local date of `t`.
    pub fn date(&self, t: Timestamp) -> Date {
        t.to_zoned_datetime(self.tz.clone()).date()
    }
}

fn minutes(m: u32) -> SignedDuration {
    SignedDuration::from_mins(i64::from(m))
}

fn monday(d: Date) -> Date {
    d.checked_sub(jiff::Span::new().days(d.weekday().to_monday_zero_offset()))
        .unwrap_or(d)
}

/// Whether `host` can take a booking of the session at `start`: the seats left in it after
/// this one would be counted (1 or more), or why not.
pub fn check(
    rules: &Rules,
    host: &str,
    hours: &Hours,
    taken: &[Taken],
    now: Timestamp,
    start: Timestamp,
) -> Result<u32, Refusal> {
    if start < now + minutes(rules.notice_minutes) {
        return Err(Refusal::TooSoon);
    }
    if start > now + SignedDuration::from_hours(24 * i64::from(rules.window_days)) {
        return Err(Refusal::TooFar);
    }
    let end = start + minutes(rules.minutes);
    let date = hours.date(start);
    let step = step(rules.minutes) * 60;
    let offered = hours
        .ranges(date)
        .iter()
        .any(|(from, to)| start >= *from && end <= *to && (start - *from).as_secs() % step == 0);
    if !offered {
        return Err(Refusal::NotOpen);
    }
    let key = slot_key(&rules.service_id, host, start);
    let seated = taken.iter().filter(|t| t.slot == key).count() as u32;
    if seated >= rules.seats {
        return Err(Refusal::Full);
    }
    let (from, until) = (
        start - minutes(rules.buffer_before),
        end + minutes(rules.buffer_after),
    );
    let clash = taken
        .iter()
        .any(|t| t.host_id == host && t.slot != key && t.busy_from < until && from < t.busy_until);
    if clash {
        return Err(Refusal::Taken);
    }
    if seated == 0 {
        let sessions = |same: &dyn Fn(Date) -> bool| {
            let mut keys: Vec<&str> = taken
                .iter()
                .filter(|t| t.service_id == rules.service_id && same(hours.date(t.start)))
                .map(|t| t.slot.as_str())
                .collect();
            keys.sort_unstable();
            keys.dedup();
            keys.len() as u32
        };
        if rules.per_day > 0 && sessions(&|d| d == date) >= rules.per_day {
            return Err(Refusal::DayLimit);
        }
        let week = monday(date);
        if rules.per_week > 0 && sessions(&|d| monday(d) == week) >= rules.per_week {
            return Err(Refusal::WeekLimit);
        }
    }
    Ok(rules.seats - seated)
}

/// The start times `host` has open from `from` until `to`, each with its seats left.
pub fn open(
    rules: &Rules,
    host: &str,
    hours: &Hours,
    taken: &[Taken],
    now: Timestamp,
    (from, to): (Timestamp, Timestamp),
) -> Vec<(Timestamp, u32)> {
    let step = SignedDuration::from_mins(step(rules.minutes));
    let mut out = Vec::new();
    let Ok(mut date) = hours.date(from).yesterday() else {
        return out;
    };
    let last = hours.date(to);
    while date <= last {
        for (range_from, range_to) in hours.ranges(date) {
            let mut start = range_from;
            while start + minutes(rules.minutes) <= range_to {
                if start >= from && start < to {
                    if let Ok(left) = check(rules, host, hours, taken, now, start) {
                        out.push((start, left));
                    }
                }
                start += step;
            }
        }
        let Ok(next) = date.tomorrow() else { break };
        date = next;
    }
    out.sort_by_key(|(t, _)| *t);
    out
}
