//! Europe/Stockholm local time and periods in hours.
//!
//! Why no time-zone database: Swedish civil time since 1996 is fully described
//! by one statutory rule, the EU summer-time rule (Directive 2000/84/EC,
//! continuing the rule in force since 1996): CEST (UTC+2) from 01:00 UTC on the
//! last Sunday of March to 01:00 UTC on the last Sunday of October, CET (UTC+1)
//! otherwise. Implementing that in a few tested lines keeps `ombud-core` free
//! of a tz-data dependency that would need updating.
//!
//! Supported: instants and local times in the years [`FIRST_DST_YEAR`] to
//! 9999. Earlier years (Sweden ended summer time in September until 1995) are
//! refused. Later years assume the Directive stays in force; if the EU ever
//! abolishes the clock change, this module must change with it.

use super::{CalendarError, LAST_YEAR};
use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset, Weekday};

/// Central European Time, UTC+1 (winter).
pub const CET: UtcOffset = match UtcOffset::from_hms(1, 0, 0) {
    Ok(offset) => offset,
    Err(_) => panic!("valid offset"),
};
/// Central European Summer Time, UTC+2.
pub const CEST: UtcOffset = match UtcOffset::from_hms(2, 0, 0) {
    Ok(offset) => offset,
    Err(_) => panic!("valid offset"),
};
/// First year of the EU rule as applied in Sweden.
pub const FIRST_DST_YEAR: i32 = 1996;
/// GDPR Art. 33(1): notify the supervisory authority within 72 hours.
pub const BREACH_NOTIFICATION_HOURS: u32 = 72;

/// Summer time of `year` as UTC instants: `[start, end)`, each at 01:00 UTC on
/// the last Sunday of March and of October.
pub fn summer_time(year: i32) -> Result<(OffsetDateTime, OffsetDateTime), CalendarError> {
    if !(FIRST_DST_YEAR..=LAST_YEAR).contains(&year) {
        return Err(CalendarError::UnsupportedYear {
            what: "Europe/Stockholm times",
            year,
            first: FIRST_DST_YEAR,
            last: LAST_YEAR,
        });
    }
    let change = |month| {
        PrimitiveDateTime::new(
            last_sunday(year, month),
            Time::from_hms(1, 0, 0).expect("01:00"),
        )
        .assume_utc()
    };
    Ok((change(Month::March), change(Month::October)))
}

/// The Europe/Stockholm offset in force at `instant`.
pub fn stockholm_offset(instant: OffsetDateTime) -> Result<UtcOffset, CalendarError> {
    let utc = instant
        .checked_to_offset(UtcOffset::UTC)
        .ok_or(CalendarError::OutOfRange)?;
    let (start, end) = summer_time(utc.year())?;
    Ok(if start <= instant && instant < end {
        CEST
    } else {
        CET
    })
}

/// `instant` shown with the Europe/Stockholm offset in force at that instant.
pub fn to_stockholm(instant: OffsetDateTime) -> Result<OffsetDateTime, CalendarError> {
    let offset = stockholm_offset(instant)?;
    instant
        .checked_to_offset(offset)
        .ok_or(CalendarError::OutOfRange)
}

/// The instant a Stockholm wall-clock time denotes.
///
/// * Spring gap (last Sunday of March, 02:00–02:59): that local time never
///   happens; refused with [`CalendarError::NonexistentLocalTime`] rather than
///   guessed, since a breach clock must not start from an invented instant.
/// * Autumn overlap (last Sunday of October, 02:00–02:59 happens twice): the
///   earlier instant, still in summer time (+02:00), is taken. For a deadline
///   clock that is the conservative choice: the deadline comes no later than
///   under the other reading.
pub fn resolve_stockholm(local: PrimitiveDateTime) -> Result<OffsetDateTime, CalendarError> {
    // Try both offsets; keep those that are in force at the instant they give.
    // Summer time first, so the earlier instant of an overlap wins.
    for offset in [CEST, CET] {
        let instant = local.assume_offset(offset);
        if stockholm_offset(instant)? == offset {
            return Ok(instant);
        }
    }
    Err(CalendarError::NonexistentLocalTime(local))
}

/// The end of a period of `hours` elapsed hours starting at the Stockholm
/// wall-clock time `from_local` (see [`resolve_stockholm`] for the gap and the
/// overlap), with the Stockholm offset in force at the end.
///
/// Hours are real elapsed time: across the spring change the wall clock
/// shows one hour more, across the autumn change one hour less. No
/// roll-forward: 1182/71 Art. 3(4) excludes periods in hours. The hour of
/// the event is counted (the conservative `from + hours`, as GDPR Art. 33's
/// 72 hours are applied by the platform).
pub fn deadline_hours(
    from_local: PrimitiveDateTime,
    hours: u32,
) -> Result<OffsetDateTime, CalendarError> {
    if hours == 0 {
        return Err(CalendarError::ZeroPeriod);
    }
    let start = resolve_stockholm(from_local)?;
    let end = start
        .checked_add(Duration::hours(i64::from(hours)))
        .ok_or(CalendarError::OutOfRange)?;
    to_stockholm(end)
}

/// GDPR Art. 33(1): the supervisory authority must be notified within 72 hours
/// of `aware_at`. The instant `aware_at + 72 h`, with its Stockholm offset.
pub fn breach_notification_due(aware_at: OffsetDateTime) -> Result<OffsetDateTime, CalendarError> {
    let end = aware_at
        .checked_add(Duration::hours(i64::from(BREACH_NOTIFICATION_HOURS)))
        .ok_or(CalendarError::OutOfRange)?;
    to_stockholm(end)
}

fn last_sunday(year: i32, month: Month) -> Date {
    let last =
        Date::from_calendar_date(year, month, month.length(year)).expect("a month's last day");
    if last.weekday() == Weekday::Sunday {
        last
    } else {
        last.prev_occurrence(Weekday::Sunday)
    }
}
