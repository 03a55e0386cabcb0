//! The legal calendar: Swedish public holidays and deadlines counted the way
//! Regulation (EEC, Euratom) No 1182/71 counts them.
//!
//! * [`swedish_public_holidays`], [`is_public_holiday`], [`is_working_day`]:
//!   the allmänna helgdagar of lag (1989:253) and the working days built on them.
//! * [`deadline`]: the last day of a period in days, weeks or months
//!   (Art. 3(1)–(2), the roll-forward of Art. 3(4) and the two-working-day
//!   minimum of Art. 3(5)); [`period_end_nominal`]
//!   is the same without roll-forward or extension; [`request_deadlines`] bundles the GDPR
//!   Art. 12(3) one-month deadline and its two-month extension.
//! * [`deadline_hours`] and [`breach_notification_due`]: periods in hours,
//!   counted as real elapsed time; results carry the Europe/Stockholm offset in
//!   force at the end instant.
//!
//! Every function is pure: no clock, no I/O, no time-zone database.
//! `docs/calendar.md` explains the rules and their sources.

mod error;
mod holidays;
mod period;
mod stockholm;

pub use error::CalendarError;
pub use holidays::{
    FIRST_EASTER_YEAR, FIRST_HOLIDAY_YEAR, Holiday, HolidayPolicy, LAST_YEAR,
    NATIONAL_DAY_FIRST_YEAR, easter_sunday, is_public_holiday, is_working_day, swedish_eves,
    swedish_public_holidays,
};
pub use period::{
    Period, RequestDeadlines, deadline, period_end_nominal, request_deadlines, roll_forward,
};
pub use stockholm::{
    BREACH_NOTIFICATION_HOURS, CEST, CET, FIRST_DST_YEAR, breach_notification_due, deadline_hours,
    resolve_stockholm, stockholm_offset, summer_time, to_stockholm,
};

#[cfg(test)]
mod tests;
