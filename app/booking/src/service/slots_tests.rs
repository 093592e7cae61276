//! The slot rules, each on its own: daylight-saving changes in Europe and the US, notice,
//! window, buffers, limits and seats.

use super::slots::{check, open, slot_key, Hours, Refusal, Rules, Taken};
use crate::model::DayHours;
use jiff::tz::TimeZone;
use jiff::Timestamp;

fn rules() -> Rules {
    Rules {
        service_id: "svc".into(),
        minutes: 30,
        buffer_before: 0,
        buffer_after: 0,
        notice_minutes: 0,
        window_days: 365,
        per_day: 0,
        per_week: 0,
        seats: 1,
    }
}

/// Weekdays 09:00-12:00 in `zone`.
fn hours(zone: &str) -> Hours {
    let day = vec![[540, 720]];
    let mut weekly = vec![day; 5];
    weekly.extend([vec![], vec![]]);
    Hours {
        tz: TimeZone::get(zone).unwrap(),
        weekly,
        overrides: vec![],
    }
}

fn t(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn booked(rules: &Rules, start: &str, minutes: i64, after: i64) -> Taken {
    let start = t(start);
    Taken {
        host_id: "h".into(),
        service_id: rules.service_id.clone(),
        slot: slot_key(&rules.service_id, "h", start),
        start,
        busy_from: start,
        busy_until: start + jiff::SignedDuration::from_mins(minutes + after),
    }
}

fn starts(r: &Rules, h: &Hours, taken: &[Taken], now: &str, from: &str, to: &str) -> Vec<String> {
    open(r, "h", h, taken, t(now), (t(from), t(to)))
        .into_iter()
        .map(|(s, _)| s.to_string())
        .collect()
}

#[test]
fn nine_oclock_stays_nine_oclock_across_daylight_saving_changes() {
    let now = "2027-03-01T00:00:00Z";
    let paris = hours("Europe/Paris");
    // Clocks go forward on Sunday 28 March 2027 in Europe: 09:00 is 08:00 UTC before, 07:00 after.
    let before = starts(
        &rules(),
        &paris,
        &[],
        now,
        "2027-03-22T00:00:00Z",
        "2027-03-23T00:00:00Z",
    );
    let after = starts(
        &rules(),
        &paris,
        &[],
        now,
        "2027-03-29T00:00:00Z",
        "2027-03-30T00:00:00Z",
    );
    assert_eq!(before.first().unwrap(), "2027-03-22T08:00:00Z");
    assert_eq!(after.first().unwrap(), "2027-03-29T07:00:00Z");
    assert_eq!((before.len(), after.len()), (6, 6));
    // In New York they go forward on 14 March 2027: 14:00 UTC before, 13:00 after.
    let ny = hours("America/New_York");
    let before = starts(
        &rules(),
        &ny,
        &[],
        now,
        "2027-03-08T00:00:00Z",
        "2027-03-09T00:00:00Z",
    );
    let after = starts(
        &rules(),
        &ny,
        &[],
        now,
        "2027-03-15T00:00:00Z",
        "2027-03-16T00:00:00Z",
    );
    assert_eq!(before.first().unwrap(), "2027-03-08T14:00:00Z");
    assert_eq!(after.first().unwrap(), "2027-03-15T13:00:00Z");
    // Back in the autumn (31 October 2027 in Europe): 09:00 is 08:00 UTC again.
    let autumn = starts(
        &rules(),
        &paris,
        &[],
        now,
        "2027-11-01T00:00:00Z",
        "2027-11-02T00:00:00Z",
    );
    assert_eq!(autumn.first().unwrap(), "2027-11-01T08:00:00Z");
}

#[test]
fn a_date_override_replaces_the_week_and_a_holiday_closes_the_day() {
    let mut h = hours("Europe/Paris");
    h.overrides = vec![
        DayHours {
            date: "2027-03-22".into(),
            hours: vec![],
        },
        DayHours {
            date: "2027-03-27".into(),
            hours: vec![[600, 660]],
        },
    ];
    let now = "2027-03-01T00:00:00Z";
    assert!(starts(
        &rules(),
        &h,
        &[],
        now,
        "2027-03-22T00:00:00Z",
        "2027-03-23T00:00:00Z"
    )
    .is_empty());
    // A Saturday opened 10:00-11:00.
    let sat = starts(
        &rules(),
        &h,
        &[],
        now,
        "2027-03-27T00:00:00Z",
        "2027-03-28T00:00:00Z",
    );
    assert_eq!(sat, vec!["2027-03-27T09:00:00Z", "2027-03-27T09:30:00Z"]);
}

#[test]
fn notice_and_window_bound_the_times_offered() {
    let h = hours("UTC");
    let r = Rules {
        notice_minutes: 120,
        window_days: 2,
        ..rules()
    };
    // Monday 8 March 2027 at 08:00: nothing before 10:00, nothing after Wednesday 08:00.
    let now = t("2027-03-08T08:00:00Z");
    assert_eq!(
        check(&r, "h", &h, &[], now, t("2027-03-08T09:30:00Z")),
        Err(Refusal::TooSoon)
    );
    assert_eq!(
        check(&r, "h", &h, &[], now, t("2027-03-08T10:00:00Z")),
        Ok(1)
    );
    assert_eq!(
        check(&r, "h", &h, &[], now, t("2027-03-10T09:00:00Z")),
        Err(Refusal::TooFar)
    );
    assert_eq!(
        check(&r, "h", &h, &[], now, t("2027-03-09T09:10:00Z")),
        Err(Refusal::NotOpen)
    );
    assert_eq!(
        check(&r, "h", &h, &[], now, t("2027-03-09T11:45:00Z")),
        Err(Refusal::NotOpen)
    );
}

#[test]
fn buffers_keep_time_free_around_a_session() {
    let h = hours("UTC");
    let r = Rules {
        buffer_before: 10,
        buffer_after: 15,
        ..rules()
    };
    let taken = [booked(&r, "2027-03-08T10:00:00Z", 30, 15)];
    let got = starts(
        &r,
        &h,
        &taken,
        "2027-03-01T00:00:00Z",
        "2027-03-08T00:00:00Z",
        "2027-03-09T00:00:00Z",
    );
    // 09:30 would end at 10:00 but needs 15 minutes after it; 10:30 is inside the other's
    // buffer; 11:00 needs 10 minutes before, free from 10:45.
    assert_eq!(
        got,
        vec![
            "2027-03-08T09:00:00Z",
            "2027-03-08T11:00:00Z",
            "2027-03-08T11:30:00Z"
        ]
    );
}

#[test]
fn daily_and_weekly_limits_count_sessions() {
    let h = hours("UTC");
    let r = Rules {
        per_day: 2,
        per_week: 3,
        ..rules()
    };
    let now = t("2027-03-01T00:00:00Z");
    let mut taken = vec![
        booked(&r, "2027-03-08T09:00:00Z", 30, 0),
        booked(&r, "2027-03-08T10:00:00Z", 30, 0),
    ];
    assert_eq!(
        check(&r, "h", &h, &taken, now, t("2027-03-08T11:00:00Z")),
        Err(Refusal::DayLimit)
    );
    assert_eq!(
        check(&r, "h", &h, &taken, now, t("2027-03-09T11:00:00Z")),
        Ok(1)
    );
    taken.push(booked(&r, "2027-03-10T09:00:00Z", 30, 0));
    assert_eq!(
        check(&r, "h", &h, &taken, now, t("2027-03-12T09:00:00Z")),
        Err(Refusal::WeekLimit)
    );
    // The next week starts on Monday.
    assert_eq!(
        check(&r, "h", &h, &taken, now, t("2027-03-15T09:00:00Z")),
        Ok(1)
    );
    // Another service's sessions count for neither.
    let other = Rules {
        service_id: "other".into(),
        ..r.clone()
    };
    assert_eq!(
        check(&other, "h", &h, &[], now, t("2027-03-08T11:00:00Z")),
        Ok(1)
    );
}

#[test]
fn a_group_session_fills_seat_by_seat() {
    let h = hours("UTC");
    let r = Rules {
        seats: 3,
        ..rules()
    };
    let now = t("2027-03-01T00:00:00Z");
    let at = t("2027-03-08T09:00:00Z");
    let one = booked(&r, "2027-03-08T09:00:00Z", 30, 0);
    assert_eq!(
        check(&r, "h", &h, std::slice::from_ref(&one), now, at),
        Ok(2)
    );
    let three = [one.clone(), one.clone(), one];
    assert_eq!(check(&r, "h", &h, &three, now, at), Err(Refusal::Full));
    // Its time is taken for any other session of the host.
    let other = Rules {
        service_id: "other".into(),
        ..rules()
    };
    assert_eq!(check(&other, "h", &h, &three, now, at), Err(Refusal::Taken));
}
