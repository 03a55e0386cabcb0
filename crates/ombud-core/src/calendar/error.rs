//! Why a calendar computation was refused.

use time::PrimitiveDateTime;

/// A calendar computation that has no answer we can stand behind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// The year is outside the range whose rules this module implements.
    #[error("{what} are only supported for the years {first}–{last}, not {year}")]
    UnsupportedYear {
        /// What was asked for, e.g. "Swedish public holidays".
        what: &'static str,
        year: i32,
        first: i32,
        last: i32,
    },
    /// A period of length zero was asked for; every legal period is at least 1.
    #[error("the period must be at least 1 (got 0)")]
    ZeroPeriod,
    /// The result would fall outside the supported calendar (after year 9999).
    #[error("the deadline falls outside the supported calendar (after the year 9999)")]
    OutOfRange,
    /// A local time skipped when Swedish clocks go forward (02:00–02:59 on the
    /// last Sunday of March).
    #[error(
        "{} does not exist in Europe/Stockholm: clocks go from 02:00 CET straight to 03:00 CEST that night",
        local_iso(.0)
    )]
    NonexistentLocalTime(PrimitiveDateTime),
}

/// `YYYY-MM-DDTHH:MM:SS`, for messages (the `Display` of `PrimitiveDateTime`
/// is not ISO 8601).
fn local_iso(t: &PrimitiveDateTime) -> String {
    format!(
        "{}T{:02}:{:02}:{:02}",
        t.date(),
        t.hour(),
        t.minute(),
        t.second()
    )
}
