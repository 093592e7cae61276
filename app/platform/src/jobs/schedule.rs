//! Recurring jobs: a cron expression read on the wall clock of a time zone. Every replica's
//! worker enqueues each schedule's next tick ahead of time under the idempotency key
//! `<kind>@<tick>`, so a tick gives one job however many replicas run; whoever leases it first
//! runs it. The tick is in the payload (`tick`), so a handler knows which period it covers.

use croner::errors::CronError;
use croner::{CivilDate, CivilDateTime, CivilTime, Cron, CronDateTime, Resolution};
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::{SignedDuration, Timestamp, ZonedDateTime as Zoned};
use std::cmp::Ordering;
use std::str::FromStr;

/// A job kind run on a schedule, declared by its module.
#[derive(Debug, Clone, Copy)]
pub struct Schedule {
    /// The kind of job each tick enqueues (declared in the same module's `jobs`).
    pub kind: &'static str,
    /// Five fields (minute hour day month weekday) or six with seconds first.
    pub cron: &'static str,
    /// IANA zone whose wall clock the expression reads, like `Europe/Paris` or `UTC`. A time a
    /// daylight-saving change skips runs at the first instant after the gap; a time that occurs
    /// twice runs once, at its first occurrence.
    pub time_zone: &'static str,
}

/// A schedule, checked and ready to give its ticks.
#[derive(Debug, Clone)]
pub struct Ticks {
    /// The declaration.
    pub schedule: Schedule,
    cron: Cron,
    zone: TimeZone,
}

impl Ticks {
    /// Checks the expression and the zone; the error names the schedule and what is wrong.
    pub fn new(schedule: Schedule) -> Result<Self, String> {
        let cron = Cron::from_str(schedule.cron)
            .map_err(|e| format!("schedule of {}: {e}", schedule.kind))?;
        let zone = TimeZone::get(schedule.time_zone)
            .map_err(|e| format!("schedule of {}: {e}", schedule.kind))?;
        Ok(Ticks {
            schedule,
            cron,
            zone,
        })
    }

    /// The first tick strictly after `after`.
    pub fn next_after(&self, after: Timestamp) -> Option<Timestamp> {
        let start = Wall(after.to_zoned_datetime(self.zone.clone()));
        self.cron
            .find_next_occurrence(&start, false)
            .ok()
            .map(|w| w.0.timestamp())
    }
}

/// `jiff`'s zoned time as croner's clock: croner searches on the wall clock and asks this type
/// which instants a wall-clock time names in the zone.
#[derive(Debug, Clone)]
struct Wall(Zoned);

impl CronDateTime for Wall {
    fn to_civil(&self) -> CivilDateTime {
        let d = self.0.datetime();
        CivilDateTime::new(
            CivilDate::from_parts_unchecked(i32::from(d.year()), d.month() as u32, d.day() as u32),
            CivilTime::from_parts_unchecked(d.hour() as u32, d.minute() as u32, d.second() as u32),
        )
    }

    fn civil_weekday(&self) -> croner::Weekday {
        croner::Weekday::from_days_from_sunday(self.0.weekday().to_sunday_zero_offset() as u32)
    }

    fn resolve_civil(&self, civil: CivilDateTime) -> Result<Resolution<Self>, CronError> {
        let year = i16::try_from(civil.year()).map_err(|_| CronError::InvalidDate)?;
        let at = jiff::civil::DateTime::new(
            year,
            civil.month() as i8,
            civil.day() as i8,
            civil.hour() as i8,
            civil.minute() as i8,
            civil.second() as i8,
            0,
        )
        .map_err(|_| CronError::InvalidDate)?;
        let found = self.0.time_zone().to_ambiguous_zoned_datetime(at);
        let invalid = |_| CronError::InvalidTime;
        Ok(match found.offset() {
            AmbiguousOffset::Unambiguous { .. } => {
                Resolution::Single(Wall(found.unambiguous().map_err(invalid)?))
            }
            AmbiguousOffset::Fold { .. } => Resolution::Ambiguous(
                Wall(found.clone().earlier().map_err(invalid)?),
                Wall(found.later().map_err(invalid)?),
            ),
            AmbiguousOffset::Gap { .. } => Resolution::Gap,
        })
    }

    fn checked_add_seconds(&self, seconds: i64) -> Option<Self> {
        self.0
            .checked_add(SignedDuration::from_secs(seconds))
            .ok()
            .map(Wall)
    }

    fn cmp_instant(&self, other: &Self) -> Ordering {
        self.0.timestamp().cmp(&other.0.timestamp())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticks(cron: &'static str, time_zone: &'static str) -> Ticks {
        Ticks::new(Schedule {
            kind: "test.kind",
            cron,
            time_zone,
        })
        .unwrap()
    }

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn chain(t: &Ticks, from: &str, n: usize) -> Vec<String> {
        let mut out = Vec::new();
        let mut after = at(from);
        for _ in 0..n {
            after = t.next_after(after).unwrap();
            out.push(after.to_string());
        }
        out
    }

    #[test]
    fn a_schedule_reads_the_wall_clock_of_its_zone_across_summer_time() {
        // 09:00 in Paris is 08:00 UTC in winter and 07:00 UTC in summer (from 29 March 2026).
        let t = ticks("0 9 * * *", "Europe/Paris");
        assert_eq!(
            chain(&t, "2026-03-27T12:00:00Z", 3),
            [
                "2026-03-28T08:00:00Z",
                "2026-03-29T07:00:00Z",
                "2026-03-30T07:00:00Z"
            ]
        );
        // Strictly after: a tick is not its own successor.
        assert_eq!(
            t.next_after(at("2026-03-28T08:00:00Z")).unwrap(),
            at("2026-03-29T07:00:00Z")
        );
    }

    #[test]
    fn a_skipped_time_runs_once_and_a_repeated_time_runs_once() {
        // 02:30 does not exist in Paris on 29 March 2026 and exists twice on 25 October.
        let t = ticks("30 2 * * *", "Europe/Paris");
        let spring = chain(&t, "2026-03-28T12:00:00Z", 2);
        assert_eq!(spring[1], "2026-03-30T00:30:00Z");
        assert_eq!(spring[0], "2026-03-29T01:00:00Z", "{spring:?}");
        assert_eq!(
            chain(&t, "2026-10-24T12:00:00Z", 2),
            ["2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z"]
        );
    }

    #[test]
    fn bad_expressions_and_zones_are_refused_at_start() {
        for (cron, zone) in [
            ("61 * * * *", "UTC"),
            ("* * *", "UTC"),
            ("0 9 * * *", "Mars/Base"),
        ] {
            let e = Ticks::new(Schedule {
                kind: "test.kind",
                cron,
                time_zone: zone,
            })
            .unwrap_err();
            assert!(e.starts_with("schedule of test.kind"), "{e}");
        }
        assert_eq!(
            chain(&ticks("*/15 * * * *", "UTC"), "2026-12-04T10:07:00Z", 2),
            ["2026-12-04T10:15:00Z", "2026-12-04T10:30:00Z"]
        );
    }
}
