//! Swedish public holidays (allmänna helgdagar) and working days.
//!
//! Source: lag (1989:253) om allmänna helgdagar, 1–2 §§, in force since
//! 1 January 1990 (prop. 1988/89:114). Two wordings are implemented:
//!
//! * 1990–2004, the original wording: annandag pingst (the day after
//!   pingstdagen) is an allmän helgdag, 6 June is not.
//! * 2005 onwards, as amended by SFS 2004:1320 (in force 1 April 2005,
//!   prop. 2004/05:23): Sveriges nationaldag (6 June) added, annandag pingst
//!   removed. Both days fall after 1 April, so the whole of 2005 uses the new
//!   list.
//!
//! Years before [`FIRST_HOLIDAY_YEAR`] are refused rather than answered with
//! a list we cannot vouch for: before 1990 the holidays were set by several
//! older statutes (among them the 1772 förordning on holidays and lag
//! (1938:107) on 1 May, both repealed by lag (1989:253)), and the dates
//! differed at least before 1953 (midsommardagen on 24 June, alla helgons dag
//! on 1 November) and before 1845 (Sweden's own Easter reckoning).
//! No GDPR deadline can fall before 2018.

use super::CalendarError;
use time::{Date, Duration, Month, Weekday};

/// First year with holidays: lag (1989:253) entered into force on
/// 1 January 1990.
pub const FIRST_HOLIDAY_YEAR: i32 = 1990;
/// First year of the list as amended by SFS 2004:1320 (nationaldagen in,
/// annandag pingst out).
pub const NATIONAL_DAY_FIRST_YEAR: i32 = 2005;
/// First year [`easter_sunday`] computes: the first full year of the
/// Gregorian calendar (1583).
pub const FIRST_EASTER_YEAR: i32 = 1583;
/// Last year the `time` crate represents.
pub const LAST_YEAR: i32 = 9999;

/// One named day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Holiday {
    pub date: Date,
    /// The name used in lag (1989:253), e.g. "Midsommardagen".
    pub name_sv: &'static str,
    pub name_en: &'static str,
}

/// Which days stop a period from ending (Regulation 1182/71 Art. 3(4)).
///
/// Saturdays, Sundays and the allmänna helgdagar of lag (1989:253) are never
/// working days. The open question is the three "eves" (midsommarafton,
/// julafton, nyårsafton): they are **not** allmänna helgdagar, but lag
/// (1930:173) om beräkning av lagstadgad tid 2 § treats them like holidays
/// for deadlines set by Swedish statutes.
///
/// Ombud's decision: the default is [`HolidayPolicy::Strict1182`]. Art. 2(1) of
/// 1182/71 takes "public holidays" to be the days the Member State designates
/// as such, and Sweden designates them in lag (1989:253), which does not list
/// the eves. Lag (1930:173) governs Swedish-law deadlines, not GDPR ones. The
/// strict reading also gives the earlier, safer date.
/// [`HolidayPolicy::SwedishPractice`] is there for showing the "latest possible
/// day" under the Swedish-law reading, labelled as an interpretation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum HolidayPolicy {
    /// Saturdays, Sundays and the allmänna helgdagar of lag (1989:253).
    #[default]
    Strict1182,
    /// [`HolidayPolicy::Strict1182`] plus midsommarafton, julafton and
    /// nyårsafton, mirroring lag (1930:173) 2 §.
    SwedishPractice,
}

/// Easter Sunday in the Gregorian calendar.
///
/// Lag (1989:253) 2 § defines påskdagen by the ecclesiastical full moon (the
/// Sunday after the full moon on or next after 21 March); the anonymous
/// Gregorian computus (Meeus/Jones/Butcher) reproduces that rule for every
/// Gregorian year. Supports [`FIRST_EASTER_YEAR`]`..=`[`LAST_YEAR`]; note
/// that Sweden only adopted the Gregorian calendar in 1753 and the Gregorian
/// Easter in 1845, so before then this is not the Swedish Easter.
pub fn easter_sunday(year: i32) -> Result<Date, CalendarError> {
    if !(FIRST_EASTER_YEAR..=LAST_YEAR).contains(&year) {
        return Err(CalendarError::UnsupportedYear {
            what: "Gregorian Easter dates",
            year,
            first: FIRST_EASTER_YEAR,
            last: LAST_YEAR,
        });
    }
    let a = year % 19; // place in the 19-year Metonic cycle
    let (century, year_in_century) = (year / 100, year % 100);
    let (leap_centuries, century_rest) = (century / 4, century % 4);
    let moon_correction = (century - (century + 8) / 25 + 1) / 3;
    // days from 21 March to the paschal full moon
    let h = (19 * a + century - leap_centuries - moon_correction + 15) % 30;
    let (i, k) = (year_in_century / 4, year_in_century % 4);
    // days from the full moon to the following Sunday
    let l = (32 + 2 * century_rest + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    let month = if n / 31 == 3 {
        Month::March
    } else {
        Month::April
    };
    let day = (n % 31 + 1) as u8;
    Ok(Date::from_calendar_date(year, month, day).expect("computus yields 22 March–25 April"))
}

/// The allmänna helgdagar of `year` that have a date of their own (lag
/// (1989:253) 1 §, in the wording in force that year), in date order. Every
/// Sunday is also an allmän helgdag; only the named ones (påskdagen,
/// pingstdagen) are listed. Supports
/// [`FIRST_HOLIDAY_YEAR`]`..=`[`LAST_YEAR`].
pub fn swedish_public_holidays(year: i32) -> Result<Vec<Holiday>, CalendarError> {
    check_year(year)?;
    let easter = easter_sunday(year)?;
    let fixed = |month, day| Date::from_calendar_date(year, month, day).expect("a fixed date");
    let from_easter = |days: i64| easter + Duration::days(days);
    let mut days = vec![
        day(fixed(Month::January, 1), "Nyårsdagen", "New Year's Day"),
        day(fixed(Month::January, 6), "Trettondedag jul", "Epiphany"),
        day(from_easter(-2), "Långfredagen", "Good Friday"),
        day(easter, "Påskdagen", "Easter Sunday"),
        day(from_easter(1), "Annandag påsk", "Easter Monday"),
        day(fixed(Month::May, 1), "Första maj", "May Day"),
        day(from_easter(39), "Kristi himmelsfärdsdag", "Ascension Day"),
        day(from_easter(49), "Pingstdagen", "Whit Sunday"),
        if year >= NATIONAL_DAY_FIRST_YEAR {
            day(
                fixed(Month::June, 6),
                "Sveriges nationaldag",
                "National Day of Sweden",
            )
        } else {
            day(from_easter(50), "Annandag pingst", "Whit Monday")
        },
        day(
            saturday_from(fixed(Month::June, 20)),
            "Midsommardagen",
            "Midsummer Day",
        ),
        day(
            saturday_from(fixed(Month::October, 31)),
            "Alla helgons dag",
            "All Saints' Day",
        ),
        day(fixed(Month::December, 25), "Juldagen", "Christmas Day"),
        day(fixed(Month::December, 26), "Annandag jul", "Boxing Day"),
    ];
    days.sort_by_key(|h| h.date);
    Ok(days)
}

/// The three eves that [`HolidayPolicy::SwedishPractice`] adds, in date order.
/// They are not public holidays in Swedish law (see [`HolidayPolicy`]).
pub fn swedish_eves(year: i32) -> Result<Vec<Holiday>, CalendarError> {
    check_year(year)?;
    let fixed = |month, day| Date::from_calendar_date(year, month, day).expect("a fixed date");
    let midsummer_day = saturday_from(fixed(Month::June, 20));
    Ok(vec![
        day(
            midsummer_day - Duration::days(1),
            "Midsommarafton",
            "Midsummer Eve",
        ),
        day(fixed(Month::December, 24), "Julafton", "Christmas Eve"),
        day(fixed(Month::December, 31), "Nyårsafton", "New Year's Eve"),
    ])
}

/// Whether `date` is an allmän helgdag: a Sunday or a day of
/// [`swedish_public_holidays`].
pub fn is_public_holiday(date: Date) -> Result<bool, CalendarError> {
    if date.weekday() == Weekday::Sunday {
        check_year(date.year())?;
        return Ok(true);
    }
    Ok(swedish_public_holidays(date.year())?
        .iter()
        .any(|h| h.date == date))
}

/// Whether `date` is a working day (1182/71 Art. 2(2): every day except
/// public holidays, Saturdays and Sundays), with the eves as `policy` says.
pub fn is_working_day(date: Date, policy: HolidayPolicy) -> Result<bool, CalendarError> {
    if matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday) || is_public_holiday(date)? {
        return Ok(false);
    }
    Ok(match policy {
        HolidayPolicy::Strict1182 => true,
        HolidayPolicy::SwedishPractice => {
            !swedish_eves(date.year())?.iter().any(|e| e.date == date)
        }
    })
}

fn day(date: Date, name_sv: &'static str, name_en: &'static str) -> Holiday {
    Holiday {
        date,
        name_sv,
        name_en,
    }
}

/// The Saturday in the seven days starting at `first` (lag (1989:253) 2 §:
/// midsommardagen falls 20–26 June, alla helgons dag 31 October–6 November).
fn saturday_from(first: Date) -> Date {
    if first.weekday() == Weekday::Saturday {
        first
    } else {
        first.next_occurrence(Weekday::Saturday)
    }
}

fn check_year(year: i32) -> Result<(), CalendarError> {
    if (FIRST_HOLIDAY_YEAR..=LAST_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(CalendarError::UnsupportedYear {
            what: "Swedish public holidays",
            year,
            first: FIRST_HOLIDAY_YEAR,
            last: LAST_YEAR,
        })
    }
}
