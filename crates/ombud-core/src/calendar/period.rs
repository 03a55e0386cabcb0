//! Periods in days, weeks and months (Regulation 1182/71 Art. 3).

use super::{CalendarError, HolidayPolicy, is_working_day};
use time::{Date, Duration, Month};

/// A period expressed in calendar units. Periods in hours are a separate
/// clock: see [`super::deadline_hours`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Days(u32),
    Weeks(u32),
    Months(u32),
}

/// The last day of `period` counted from the event on `from`, before any
/// roll-forward (the platform's target date).
///
/// 1182/71 Art. 3(1) second subparagraph: the day of the event is not counted.
/// Art. 3(2)(b)–(c): a period of n days ends n days later; a period of weeks
/// or months ends on the day with the same weekday, or the same date, in the
/// last week or month, and on the last day of that month when the date does
/// not exist there (31 January + 1 month = 28 or 29 February).
pub fn period_end_nominal(from: Date, period: Period) -> Result<Date, CalendarError> {
    match period {
        Period::Days(0) | Period::Weeks(0) | Period::Months(0) => Err(CalendarError::ZeroPeriod),
        Period::Days(n) => add_days(from, i64::from(n)),
        Period::Weeks(n) => add_days(from, 7 * i64::from(n)),
        Period::Months(n) => add_months(from, n),
    }
}

/// `date` if it is a working day, otherwise the next working day
/// (1182/71 Art. 3(4) first subparagraph).
pub fn roll_forward(date: Date, policy: HolidayPolicy) -> Result<Date, CalendarError> {
    let mut day = date;
    while !is_working_day(day, policy)? {
        day = day.next_day().ok_or(CalendarError::OutOfRange)?;
    }
    Ok(day)
}

/// The last day of `period` from the event on `from`: the period ends at the
/// end of that day, Europe/Stockholm.
///
/// [`period_end_nominal`], then two rules of 1182/71, applied in this order:
///
/// 1. Art. 3(4): if that day is a Saturday, Sunday or public holiday, the
///    period ends at the end of the next working day under `policy`.
/// 2. Art. 3(5): a period of two days or more (every period here except
///    `Days(1)`) must include at least two working days. The period runs from
///    the day after `from` (the day of the event is not counted) to its last
///    day; if it holds fewer than two working days, it is extended to the end
///    of the second working day after `from`.
///
/// The order does not change the result: both orders give the later of the
/// rolled-forward nominal end and the second working day after `from`.
pub fn deadline(from: Date, period: Period, policy: HolidayPolicy) -> Result<Date, CalendarError> {
    let nominal = period_end_nominal(from, period)?;
    let two_days_or_more = !matches!(period, Period::Days(1));
    last_day(from, nominal, two_days_or_more, policy)
}

/// Art. 3(4), then (for periods of two days or more) Art. 3(5).
fn last_day(
    from: Date,
    nominal: Date,
    two_days_or_more: bool,
    policy: HolidayPolicy,
) -> Result<Date, CalendarError> {
    let rolled = roll_forward(nominal, policy)?;
    if !two_days_or_more {
        return Ok(rolled);
    }
    Ok(rolled.max(second_working_day_after(from, policy)?))
}

/// The second working day after `from` (`from` itself not counted): the
/// earliest end a period of two days or more may have under Art. 3(5).
fn second_working_day_after(from: Date, policy: HolidayPolicy) -> Result<Date, CalendarError> {
    let next = |d: Date| d.next_day().ok_or(CalendarError::OutOfRange);
    let first = roll_forward(next(from)?, policy)?;
    roll_forward(next(first)?, policy)
}

/// The GDPR Art. 12(3) deadlines for a data-subject request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RequestDeadlines {
    /// One month from receipt, no roll-forward: the target date.
    pub nominal: Date,
    /// [`Self::nominal`] rolled forward (Art. 3(4); Art. 3(5) is applied too
    /// but cannot bite on a month): the last lawful day. Also the
    /// deadline for telling the data subject about an extension.
    pub latest: Date,
    /// With the extension by two further months, no roll-forward.
    pub extended_nominal: Date,
    /// [`Self::extended_nominal`] rolled forward.
    pub extended_latest: Date,
}

/// The Art. 12(3) deadlines for a request received on `receipt` (the Swedish
/// calendar date it arrived, weekends included).
///
/// The extension has two readings, "three months from receipt" and "two
/// months after the end of the first month"; they differ only when the first
/// month was clamped to a shorter month. Ombud takes the earlier nominal date
/// of the two, then applies Art. 3(4) and 3(5) as [`deadline`] does.
pub fn request_deadlines(
    receipt: Date,
    policy: HolidayPolicy,
) -> Result<RequestDeadlines, CalendarError> {
    let nominal = period_end_nominal(receipt, Period::Months(1))?;
    let extended_nominal = period_end_nominal(receipt, Period::Months(3))?
        .min(period_end_nominal(nominal, Period::Months(2))?);
    Ok(RequestDeadlines {
        nominal,
        latest: last_day(receipt, nominal, true, policy)?,
        extended_nominal,
        extended_latest: last_day(receipt, extended_nominal, true, policy)?,
    })
}

fn add_days(from: Date, days: i64) -> Result<Date, CalendarError> {
    from.checked_add(Duration::days(days))
        .ok_or(CalendarError::OutOfRange)
}

fn add_months(from: Date, months: u32) -> Result<Date, CalendarError> {
    let index = i64::from(from.year()) * 12 + i64::from(from.month() as u8 - 1) + i64::from(months);
    let year = i32::try_from(index.div_euclid(12)).map_err(|_| CalendarError::OutOfRange)?;
    let month = Month::try_from((index.rem_euclid(12) + 1) as u8).expect("1..=12");
    if year > super::LAST_YEAR {
        return Err(CalendarError::OutOfRange);
    }
    let day = from.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).map_err(|_| CalendarError::OutOfRange)
}
