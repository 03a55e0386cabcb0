//! Table-driven tests. Expected values come from the regulatory reference
//! (§2.3, §3.3, §3.4), published Easter tables and the IANA tz database
//! (checked with Python's zoneinfo), never from this implementation.

use super::*;
use time::format_description::BorrowedFormatItem;
use time::macros::{date, datetime, format_description};
use time::{Date, Month, OffsetDateTime, Weekday};

use HolidayPolicy::{Strict1182, SwedishPractice};

const RFC3339: &[BorrowedFormatItem<'static>] = format_description!(
    "[year]-[month]-[day]T[hour]:[minute]:[second][offset_hour sign:mandatory]:[offset_minute]"
);

/// Instant and offset together: `OffsetDateTime`'s `==` ignores the offset.
fn rfc3339(t: OffsetDateTime) -> String {
    t.format(RFC3339).unwrap()
}

fn d(s: &str) -> Date {
    Date::parse(s, format_description!("[year]-[month]-[day]")).unwrap()
}

// ---------------------------------------------------------------- holidays

#[test]
fn easter_sunday_matches_published_dates() {
    let table = [
        (1583, "1583-04-10"), // first supported year
        (1600, "1600-04-02"),
        (1818, "1818-03-22"), // earliest possible date
        (1943, "1943-04-25"), // latest possible date
        (1990, "1990-04-15"),
        (1999, "1999-04-04"),
        (2000, "2000-04-23"),
        (2004, "2004-04-11"),
        (2005, "2005-03-27"),
        (2008, "2008-03-23"),
        (2010, "2010-04-04"),
        (2011, "2011-04-24"),
        (2016, "2016-03-27"),
        (2018, "2018-04-01"),
        (2019, "2019-04-21"),
        (2020, "2020-04-12"),
        (2021, "2021-04-04"),
        (2022, "2022-04-17"),
        (2023, "2023-04-09"),
        (2024, "2024-03-31"),
        (2025, "2025-04-20"),
        (2026, "2026-04-05"),
        (2027, "2027-03-28"),
        (2028, "2028-04-16"),
        (2029, "2029-04-01"),
        (2030, "2030-04-21"),
        (2038, "2038-04-25"), // latest possible date
        (2285, "2285-03-22"), // earliest possible date
    ];
    for (year, expected) in table {
        assert_eq!(easter_sunday(year).unwrap(), d(expected), "Easter {year}");
    }
    for year in [1582, 0, -1, 10_000] {
        assert!(matches!(
            easter_sunday(year),
            Err(CalendarError::UnsupportedYear { .. })
        ));
    }
}

/// Lag (1989:253) in its original wording (1990–2004): annandag pingst is a
/// holiday and 6 June is not. Dates worked out from published Easter dates
/// and a perpetual calendar, as the full list printed by the CLI.
#[test]
fn every_public_holiday_under_the_original_1989_wording() {
    let table: [(i32, [&str; 13]); 3] = [
        (
            1990,
            [
                "1990-01-01 Nyårsdagen",
                "1990-01-06 Trettondedag jul",
                "1990-04-13 Långfredagen",
                "1990-04-15 Påskdagen",
                "1990-04-16 Annandag påsk",
                "1990-05-01 Första maj",
                "1990-05-24 Kristi himmelsfärdsdag",
                "1990-06-03 Pingstdagen",
                "1990-06-04 Annandag pingst",
                "1990-06-23 Midsommardagen",
                "1990-11-03 Alla helgons dag",
                "1990-12-25 Juldagen",
                "1990-12-26 Annandag jul",
            ],
        ),
        (
            1999,
            [
                "1999-01-01 Nyårsdagen",
                "1999-01-06 Trettondedag jul",
                "1999-04-02 Långfredagen",
                "1999-04-04 Påskdagen",
                "1999-04-05 Annandag påsk",
                "1999-05-01 Första maj",
                "1999-05-13 Kristi himmelsfärdsdag",
                "1999-05-23 Pingstdagen",
                "1999-05-24 Annandag pingst",
                "1999-06-26 Midsommardagen",
                "1999-11-06 Alla helgons dag",
                "1999-12-25 Juldagen",
                "1999-12-26 Annandag jul",
            ],
        ),
        (
            2004,
            [
                "2004-01-01 Nyårsdagen",
                "2004-01-06 Trettondedag jul",
                "2004-04-09 Långfredagen",
                "2004-04-11 Påskdagen",
                "2004-04-12 Annandag påsk",
                "2004-05-01 Första maj",
                "2004-05-20 Kristi himmelsfärdsdag",
                "2004-05-30 Pingstdagen",
                "2004-05-31 Annandag pingst",
                "2004-06-26 Midsommardagen",
                "2004-11-06 Alla helgons dag",
                "2004-12-25 Juldagen",
                "2004-12-26 Annandag jul",
            ],
        ),
    ];
    for (year, expected) in table {
        let got: Vec<String> = swedish_public_holidays(year)
            .unwrap()
            .iter()
            .map(|h| format!("{} {}", h.date, h.name_sv))
            .collect();
        assert_eq!(got, expected, "{year}");
    }
    // The switch: 2005 has the national day and no annandag pingst (16 May).
    let names_2005: Vec<&str> = swedish_public_holidays(2005)
        .unwrap()
        .iter()
        .map(|h| h.name_sv)
        .collect();
    assert!(names_2005.contains(&"Sveriges nationaldag"));
    assert!(!names_2005.contains(&"Annandag pingst"));
    assert!(is_public_holiday(date!(2005 - 06 - 06)).unwrap());
    assert!(!is_public_holiday(date!(2005 - 05 - 16)).unwrap());
    assert!(is_public_holiday(date!(2004 - 05 - 31)).unwrap());
    assert!(!is_public_holiday(date!(2003 - 06 - 06)).unwrap()); // a Friday
}

/// Reference §3.3 table (2025–2027), plus 2024 worked out by hand.
#[test]
fn every_public_holiday_in_several_years() {
    let names = [
        "Nyårsdagen",
        "Trettondedag jul",
        "Långfredagen",
        "Påskdagen",
        "Annandag påsk",
        "Första maj",
        "Kristi himmelsfärdsdag",
        "Pingstdagen",
        "Sveriges nationaldag",
        "Midsommardagen",
        "Alla helgons dag",
        "Juldagen",
        "Annandag jul",
    ];
    let table: [(i32, [&str; 13]); 4] = [
        (
            2024,
            [
                "2024-01-01",
                "2024-01-06",
                "2024-03-29",
                "2024-03-31",
                "2024-04-01",
                "2024-05-01",
                "2024-05-09",
                "2024-05-19",
                "2024-06-06",
                "2024-06-22",
                "2024-11-02",
                "2024-12-25",
                "2024-12-26",
            ],
        ),
        (
            2025,
            [
                "2025-01-01",
                "2025-01-06",
                "2025-04-18",
                "2025-04-20",
                "2025-04-21",
                "2025-05-01",
                "2025-05-29",
                "2025-06-08",
                "2025-06-06",
                "2025-06-21",
                "2025-11-01",
                "2025-12-25",
                "2025-12-26",
            ],
        ),
        (
            2026,
            [
                "2026-01-01",
                "2026-01-06",
                "2026-04-03",
                "2026-04-05",
                "2026-04-06",
                "2026-05-01",
                "2026-05-14",
                "2026-05-24",
                "2026-06-06",
                "2026-06-20",
                "2026-10-31",
                "2026-12-25",
                "2026-12-26",
            ],
        ),
        (
            2027,
            [
                "2027-01-01",
                "2027-01-06",
                "2027-03-26",
                "2027-03-28",
                "2027-03-29",
                "2027-05-01",
                "2027-05-06",
                "2027-05-16",
                "2027-06-06",
                "2027-06-26",
                "2027-11-06",
                "2027-12-25",
                "2027-12-26",
            ],
        ),
    ];
    for (year, dates) in table {
        let got = swedish_public_holidays(year).unwrap();
        assert_eq!(got.len(), 13, "{year}");
        for (name, expected) in names.iter().zip(dates) {
            let holiday = got
                .iter()
                .find(|h| h.name_sv == *name)
                .unwrap_or_else(|| panic!("{name} missing in {year}"));
            assert_eq!(holiday.date, d(expected), "{name} {year}");
            assert!(is_public_holiday(d(expected)).unwrap(), "{name} {year}");
        }
        assert!(
            got.windows(2).all(|w| w[0].date < w[1].date),
            "sorted {year}"
        );
    }
}

#[test]
fn eves_in_several_years() {
    let table = [
        (2024, ["2024-06-21", "2024-12-24", "2024-12-31"]),
        (2025, ["2025-06-20", "2025-12-24", "2025-12-31"]),
        (2026, ["2026-06-19", "2026-12-24", "2026-12-31"]),
        (2027, ["2027-06-25", "2027-12-24", "2027-12-31"]),
    ];
    for (year, dates) in table {
        let got: Vec<Date> = swedish_eves(year).unwrap().iter().map(|e| e.date).collect();
        let expected: Vec<Date> = dates.iter().map(|s| d(s)).collect();
        assert_eq!(got, expected, "{year}");
        for eve in expected {
            assert!(
                !is_public_holiday(eve).unwrap(),
                "{eve} is no allmän helgdag"
            );
        }
    }
}

/// The rules of lag (1989:253) 2 §, checked over two centuries.
#[test]
fn holiday_rules_hold_for_every_year() {
    for year in FIRST_HOLIDAY_YEAR..=2205 {
        let days = swedish_public_holidays(year).unwrap();
        let get = |name: &str| days.iter().find(|h| h.name_sv == name).unwrap().date;
        let easter = get("Påskdagen");
        assert_eq!(easter.weekday(), Weekday::Sunday, "{year}");
        assert!(
            (date!(2000 - 03 - 22).replace_year(year).unwrap()
                ..=date!(2000 - 04 - 25).replace_year(year).unwrap())
                .contains(&easter),
            "{year}"
        );
        assert_eq!(get("Långfredagen").weekday(), Weekday::Friday);
        assert_eq!(get("Annandag påsk").weekday(), Weekday::Monday);
        assert_eq!(get("Kristi himmelsfärdsdag").weekday(), Weekday::Thursday);
        assert_eq!(get("Pingstdagen").weekday(), Weekday::Sunday);
        let midsummer = get("Midsommardagen");
        assert_eq!(midsummer.weekday(), Weekday::Saturday);
        assert_eq!(midsummer.month(), Month::June);
        assert!((20..=26).contains(&midsummer.day()), "{year}");
        let all_saints = get("Alla helgons dag");
        assert_eq!(all_saints.weekday(), Weekday::Saturday);
        let (m, day) = (all_saints.month(), all_saints.day());
        assert!(
            (m == Month::October && day == 31) || (m == Month::November && day <= 6),
            "{year}"
        );
        let eve = swedish_eves(year).unwrap()[0].date;
        assert_eq!(eve.weekday(), Weekday::Friday);
        assert!((19..=25).contains(&eve.day()));
        let has = |name: &str| days.iter().any(|h| h.name_sv == name);
        assert_eq!(days.len(), 13, "{year}");
        if year < 2005 {
            assert!(
                has("Annandag pingst") && !has("Sveriges nationaldag"),
                "{year}"
            );
            assert_eq!(get("Annandag pingst").weekday(), Weekday::Monday);
        } else {
            assert!(
                !has("Annandag pingst") && has("Sveriges nationaldag"),
                "{year}"
            );
        }
    }
}

#[test]
fn years_outside_the_law_in_force_are_refused() {
    for year in [1989, 1953, 1600, 0, -1, 10_000, i32::MIN, i32::MAX] {
        assert_eq!(
            swedish_public_holidays(year),
            Err(CalendarError::UnsupportedYear {
                what: "Swedish public holidays",
                year,
                first: 1990,
                last: 9999
            }),
            "{year}"
        );
    }
    assert!(swedish_public_holidays(1990).is_ok());
    assert!(swedish_public_holidays(9999).is_ok());
    assert!(is_working_day(date!(1989 - 12 - 29), Strict1182).is_err());
    assert!(is_working_day(date!(1990 - 01 - 02), Strict1182).unwrap());
}

#[test]
fn working_days_under_both_policies() {
    // (date, working under Strict1182, working under SwedishPractice)
    let table = [
        ("2025-06-19", true, true),   // Thu before midsummer
        ("2025-06-20", true, false),  // midsommarafton
        ("2025-06-21", false, false), // Midsommardagen
        ("2025-06-23", true, true),
        ("2025-12-24", true, false), // julafton
        ("2025-12-25", false, false),
        ("2025-12-26", false, false),
        ("2025-12-29", true, true),
        ("2025-12-31", true, false), // nyårsafton
        ("2026-01-01", false, false),
        ("2026-01-06", false, false), // Trettondedag jul on a Tuesday
        ("2025-04-18", false, false),
        ("2025-04-19", false, false), // påskafton: a Saturday anyway
        ("2025-04-21", false, false),
        ("2025-04-22", true, true),
        ("2025-05-01", false, false),
        ("2025-05-29", false, false),
        ("2025-06-06", false, false),
        ("2025-06-09", true, true), // annandag pingst: a working day since 2005
        ("2005-05-16", true, true), // annandag pingst in the first year of the new list
        ("2004-05-31", false, false), // annandag pingst under the 1989 wording
        ("1999-05-24", false, false),
        ("2003-06-06", true, true),  // 6 June before 2005: a plain Friday
        ("2004-12-24", true, false), // julafton, Friday
        ("1990-01-01", false, false),
        ("1990-01-02", true, true),
        ("2025-11-01", false, false),
        ("2025-11-03", true, true),
        ("2025-03-08", false, false), // plain Saturday
        ("2025-03-09", false, false), // plain Sunday
        ("2025-03-10", true, true),
    ];
    for (day, strict, practice) in table {
        assert_eq!(
            is_working_day(d(day), Strict1182).unwrap(),
            strict,
            "{day} strict"
        );
        assert_eq!(
            is_working_day(d(day), SwedishPractice).unwrap(),
            practice,
            "{day} practice"
        );
    }
    assert_eq!(HolidayPolicy::default(), Strict1182);
}

// ---------------------------------------------------------------- periods

/// Reference §3.4, every row: receipt → (nominal, Strict1182, SwedishPractice,
/// extended nominal).
#[test]
fn reference_worked_examples_one_month_and_extension() {
    let table = [
        (
            "2025-03-05",
            "2025-04-05",
            "2025-04-07",
            "2025-04-07",
            "2025-06-05",
        ),
        (
            "2025-01-31",
            "2025-02-28",
            "2025-02-28",
            "2025-02-28",
            "2025-04-28",
        ),
        (
            "2024-01-31",
            "2024-02-29",
            "2024-02-29",
            "2024-02-29",
            "2024-04-29",
        ),
        (
            "2026-01-31",
            "2026-02-28",
            "2026-03-02",
            "2026-03-02",
            "2026-04-28",
        ),
        (
            "2025-03-31",
            "2025-04-30",
            "2025-04-30",
            "2025-04-30",
            "2025-06-30",
        ),
        (
            "2024-02-29",
            "2024-03-29",
            "2024-04-02",
            "2024-04-02",
            "2024-05-29",
        ),
        (
            "2026-03-03",
            "2026-04-03",
            "2026-04-07",
            "2026-04-07",
            "2026-06-03",
        ),
        (
            "2025-04-29",
            "2025-05-29",
            "2025-05-30",
            "2025-05-30",
            "2025-07-29",
        ),
        (
            "2025-05-06",
            "2025-06-06",
            "2025-06-09",
            "2025-06-09",
            "2025-08-06",
        ),
        (
            "2025-05-20",
            "2025-06-20",
            "2025-06-20",
            "2025-06-23",
            "2025-08-20",
        ),
        (
            "2025-11-24",
            "2025-12-24",
            "2025-12-24",
            "2025-12-29",
            "2026-02-24",
        ),
        (
            "2025-12-31",
            "2026-01-31",
            "2026-02-02",
            "2026-02-02",
            "2026-03-31",
        ),
        (
            "2025-10-31",
            "2025-11-30",
            "2025-12-01",
            "2025-12-01",
            "2026-01-30",
        ),
    ];
    for (receipt, nominal, strict, practice, extended) in table {
        let from = d(receipt);
        let month = Period::Months(1);
        assert_eq!(
            period_end_nominal(from, month).unwrap(),
            d(nominal),
            "{receipt}"
        );
        assert_eq!(
            deadline(from, month, Strict1182).unwrap(),
            d(strict),
            "{receipt}"
        );
        assert_eq!(
            deadline(from, month, SwedishPractice).unwrap(),
            d(practice),
            "{receipt}"
        );
        let r = request_deadlines(from, Strict1182).unwrap();
        assert_eq!(r.nominal, d(nominal), "{receipt}");
        assert_eq!(r.latest, d(strict), "{receipt}");
        assert_eq!(r.extended_nominal, d(extended), "{receipt}");
        // None of these extended dates falls on a non-working day.
        assert_eq!(r.extended_latest, d(extended), "{receipt}");
    }
}

#[test]
fn extension_ending_on_a_holiday_rolls_forward() {
    // 6 Oct 2025 + 3 months = Tue 6 Jan 2026, Trettondedag jul.
    let r = request_deadlines(date!(2025 - 10 - 06), Strict1182).unwrap();
    assert_eq!(r.extended_nominal, date!(2026 - 01 - 06));
    assert_eq!(r.extended_latest, date!(2026 - 01 - 07));
}

/// Month ends and leap years: (from, months, nominal end).
#[test]
fn months_end_on_the_same_date_or_the_last_day_of_the_month() {
    let table = [
        ("2025-01-31", 1, "2025-02-28"), // common year
        ("2024-01-31", 1, "2024-02-29"), // leap year
        ("2028-01-31", 1, "2028-02-29"), // leap year
        ("2100-01-31", 1, "2100-02-28"), // divisible by 100: not leap
        ("2400-01-31", 1, "2400-02-29"), // divisible by 400: leap
        ("2000-01-31", 1, "2000-02-29"), // divisible by 400: leap
        ("2025-01-30", 1, "2025-02-28"),
        ("2024-01-29", 1, "2024-02-29"),
        ("2025-01-28", 1, "2025-02-28"),
        ("2025-03-31", 1, "2025-04-30"),
        ("2025-05-31", 1, "2025-06-30"),
        ("2025-08-31", 1, "2025-09-30"),
        ("2025-10-31", 1, "2025-11-30"),
        ("2025-12-31", 1, "2026-01-31"), // year boundary
        ("2025-02-28", 1, "2025-03-28"), // not "end of month to end of month"
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-02-29", 48, "2028-02-29"),
        ("2025-01-31", 3, "2025-04-30"),
        ("2025-11-30", 3, "2026-02-28"),
        ("2025-01-31", 13, "2026-02-28"),
        ("2025-06-15", 24, "2027-06-15"),
        ("2025-12-15", 1, "2026-01-15"),
    ];
    for (from, months, expected) in table {
        assert_eq!(
            period_end_nominal(d(from), Period::Months(months)).unwrap(),
            d(expected),
            "{from} + {months} months"
        );
    }
}

/// (from, period, Strict1182 deadline, SwedishPractice deadline)
#[test]
fn days_and_weeks_with_roll_forward() {
    use Period::{Days, Months, Weeks};
    let table = [
        ("2025-06-10", Days(1), "2025-06-11", "2025-06-11"),
        ("2025-06-13", Days(1), "2025-06-16", "2025-06-16"), // Fri + 1 = Sat
        ("2025-06-10", Days(10), "2025-06-20", "2025-06-23"), // midsommarafton
        ("2025-06-01", Days(20), "2025-06-23", "2025-06-23"), // Midsommardagen
        ("2025-05-27", Days(10), "2025-06-09", "2025-06-09"), // Nationaldagen, Fri
        ("2027-06-01", Days(5), "2027-06-07", "2027-06-07"), // Nationaldagen, Sun
        ("2025-04-15", Days(3), "2025-04-22", "2025-04-22"), // Långfredagen
        ("2025-04-16", Days(5), "2025-04-22", "2025-04-22"), // Annandag påsk
        ("2025-05-26", Days(3), "2025-05-30", "2025-05-30"), // Kristi himmelsfärd
        ("2025-12-21", Days(3), "2025-12-24", "2025-12-29"), // julafton
        ("2025-12-22", Days(3), "2025-12-29", "2025-12-29"), // Juldagen
        ("2025-12-21", Days(10), "2025-12-31", "2026-01-02"), // nyårsafton
        // Nyårsdagen; under SwedishPractice nyårsafton is not a working day
        // either, so Art. 3(5) extends the period (see the Art. 3(5) test)
        ("2025-12-30", Days(2), "2026-01-02", "2026-01-05"),
        ("2026-01-01", Days(5), "2026-01-07", "2026-01-07"), // Trettondedag jul
        ("2025-10-30", Days(2), "2025-11-03", "2025-11-03"), // Alla helgons dag
        ("2025-01-01", Days(365), "2026-01-02", "2026-01-02"),
        ("2025-06-10", Weeks(1), "2025-06-17", "2025-06-17"),
        ("2025-04-11", Weeks(1), "2025-04-22", "2025-04-22"), // Easter
        ("2025-12-18", Weeks(1), "2025-12-29", "2025-12-29"), // Christmas
        ("2025-12-17", Weeks(1), "2025-12-24", "2025-12-29"),
        ("2025-05-30", Weeks(1), "2025-06-09", "2025-06-09"), // Nationaldagen
        ("2025-06-13", Weeks(1), "2025-06-20", "2025-06-23"),
        ("2025-12-25", Weeks(1), "2026-01-02", "2026-01-02"), // Nyårsdagen
        ("2025-01-06", Weeks(52), "2026-01-05", "2026-01-05"),
        ("2026-05-20", Months(1), "2026-06-22", "2026-06-22"), // Midsommardagen Sat 20 Jun
        ("2025-11-26", Months(1), "2025-12-29", "2025-12-29"), // Annandag jul
        ("2025-12-01", Months(1), "2026-01-02", "2026-01-02"), // Nyårsdagen
    ];
    for (from, period, strict, practice) in table {
        assert_eq!(
            deadline(d(from), period, Strict1182).unwrap(),
            d(strict),
            "{from} + {period:?} strict"
        );
        assert_eq!(
            deadline(d(from), period, SwedishPractice).unwrap(),
            d(practice),
            "{from} + {period:?} practice"
        );
    }
}

/// Regulation 1182/71 Art. 3(5): a period of two days or more includes at
/// least two working days. Every row is worked out by hand from the calendar;
/// "wd" = working day, the period runs from the day after `from` to its end.
/// (from, period, Strict1182 deadline, SwedishPractice deadline)
#[test]
fn periods_of_two_days_or_more_include_two_working_days() {
    use Period::{Days, Weeks};
    let table = [
        // Wed 24 Dec 2025 + 2 days = Fri 26 (Annandag jul) → 3(4): Mon 29.
        // 25 hol, 26 hol, 27 Sat, 28 Sun, 29 wd: one wd → 3(5): Tue 30.
        ("2025-12-24", Days(2), "2025-12-30", "2025-12-30"),
        // + 5 days = Mon 29, a wd, no roll-forward; same single wd → Tue 30.
        ("2025-12-24", Days(5), "2025-12-30", "2025-12-30"),
        // + 6 days = Tue 30: 29 and 30 are wd → no extension.
        ("2025-12-24", Days(6), "2025-12-30", "2025-12-30"),
        // A period of one day is not concerned: Thu 25 → Mon 29.
        ("2025-12-24", Days(1), "2025-12-29", "2025-12-29"),
        // Tue 23 + 2 = Thu 25 → Mon 29. Strict: 24 (julafton) and 29 are wd.
        // Practice: julafton is not, one wd → Tue 30.
        ("2025-12-23", Days(2), "2025-12-29", "2025-12-30"),
        // Tue 30 + 2 = Thu 1 Jan → Fri 2. Strict: 31 Dec and 2 Jan are wd.
        // Practice: nyårsafton is not; next wd after Fri 2 is Mon 5.
        ("2025-12-30", Days(2), "2026-01-02", "2026-01-05"),
        // Skärtorsdag 17 Apr 2025 + 2 = Sat 19 → 3(4): Tue 22 (20 Sun, 21
        // Annandag påsk). 18 Långfredagen … 21 are not wd, 22 is: one wd →
        // Wed 23. The same for 3, 4 and 5 days; 6 days end on Wed 23 anyway.
        ("2025-04-17", Days(2), "2025-04-23", "2025-04-23"),
        ("2025-04-17", Days(3), "2025-04-23", "2025-04-23"),
        ("2025-04-17", Days(4), "2025-04-23", "2025-04-23"),
        ("2025-04-17", Days(5), "2025-04-23", "2025-04-23"),
        ("2025-04-17", Days(6), "2025-04-23", "2025-04-23"),
        ("2025-04-17", Days(7), "2025-04-24", "2025-04-24"),
        // Långfredagen + 4 = Tue 22, a wd, but the only one → Wed 23.
        ("2025-04-18", Days(4), "2025-04-23", "2025-04-23"),
        // Wed 16 Apr + 2 = Fri 18 → Tue 22; Thu 17 and Tue 22 are wd.
        ("2025-04-16", Days(2), "2025-04-22", "2025-04-22"),
        // Thu 19 Jun 2025 + 2 = Sat 21 (Midsommardagen) → Mon 23. Strict:
        // 20 (midsommarafton) and 23 are wd. Practice: only 23 → Tue 24.
        ("2025-06-19", Days(2), "2025-06-23", "2025-06-24"),
        // 1989 wording: Fri 28 May 2004 + 2 = Sun 30 → Tue 1 Jun (31 May is
        // annandag pingst). 29, 30, 31 not wd, 1 Jun is: one wd → Wed 2 Jun.
        ("2004-05-28", Days(2), "2004-06-02", "2004-06-02"),
        // Thu 27 May 2004 + 2 = Sat 29 → Tue 1 Jun; Fri 28 and 1 Jun are wd.
        ("2004-05-27", Days(2), "2004-06-01", "2004-06-01"),
        // A week always holds two wd here: Wed 17 Dec 2025 + 1 week = 24.
        ("2025-12-17", Weeks(1), "2025-12-24", "2025-12-29"),
    ];
    for (from, period, strict, practice) in table {
        assert_eq!(
            deadline(d(from), period, Strict1182).unwrap(),
            d(strict),
            "{from} + {period:?} strict"
        );
        assert_eq!(
            deadline(d(from), period, SwedishPractice).unwrap(),
            d(practice),
            "{from} + {period:?} practice"
        );
    }
    // Art. 3(5) is applied only where a working day is needed: Saturdays and
    // Sundays are not working days in any year, but a weekday before 1990
    // cannot be classified.
    assert!(matches!(
        deadline(date!(1989 - 12 - 28), Days(2), Strict1182),
        Err(CalendarError::UnsupportedYear { .. })
    ));
    assert_eq!(
        deadline(date!(9999 - 12 - 30), Days(2), Strict1182),
        Err(CalendarError::OutOfRange)
    );
}

#[test]
fn degenerate_periods_are_refused() {
    let from = date!(2025 - 06 - 10);
    for period in [Period::Days(0), Period::Weeks(0), Period::Months(0)] {
        assert_eq!(
            deadline(from, period, Strict1182),
            Err(CalendarError::ZeroPeriod)
        );
    }
    for (from, period) in [
        (date!(9999 - 12 - 15), Period::Months(1)),
        (date!(9999 - 12 - 31), Period::Days(1)),
        (from, Period::Days(u32::MAX)),
        (from, Period::Weeks(u32::MAX)),
        (from, Period::Months(u32::MAX)),
    ] {
        assert_eq!(
            deadline(from, period, Strict1182),
            Err(CalendarError::OutOfRange),
            "{from} {period:?}"
        );
    }
}

// ---------------------------------------------------------------- hours

#[test]
fn summer_time_starts_and_ends_on_the_last_sundays() {
    // From the IANA tz database (Python zoneinfo).
    let table = [
        (
            1996,
            "1996-03-31T01:00:00+00:00",
            "1996-10-27T01:00:00+00:00",
        ),
        (
            2024,
            "2024-03-31T01:00:00+00:00",
            "2024-10-27T01:00:00+00:00",
        ),
        (
            2025,
            "2025-03-30T01:00:00+00:00",
            "2025-10-26T01:00:00+00:00",
        ),
        (
            2026,
            "2026-03-29T01:00:00+00:00",
            "2026-10-25T01:00:00+00:00",
        ),
        (
            2027,
            "2027-03-28T01:00:00+00:00",
            "2027-10-31T01:00:00+00:00",
        ),
        (
            2100,
            "2100-03-28T01:00:00+00:00",
            "2100-10-31T01:00:00+00:00",
        ),
    ];
    for (year, start, end) in table {
        let (s, e) = summer_time(year).unwrap();
        assert_eq!(
            (rfc3339(s), rfc3339(e)),
            (start.into(), end.into()),
            "{year}"
        );
    }
    assert!(summer_time(1995).is_err());
}

/// (local start, hours, end as RFC 3339)
#[test]
fn hours_are_elapsed_time_across_both_dst_changes() {
    let table = [
        // reference §2.3
        (datetime!(2025-06-19 14:30), 72, "2025-06-22T14:30:00+02:00"),
        (datetime!(2025-03-28 10:00), 72, "2025-03-31T11:00:00+02:00"),
        (datetime!(2025-10-24 10:00), 72, "2025-10-27T09:00:00+01:00"),
        // the brief's cases
        (datetime!(2025-03-29 12:00), 72, "2025-04-01T13:00:00+02:00"),
        (datetime!(2025-10-24 12:00), 72, "2025-10-27T11:00:00+01:00"),
        // no change in between
        (datetime!(2025-01-15 08:00), 72, "2025-01-18T08:00:00+01:00"),
        (datetime!(2025-07-01 23:59), 72, "2025-07-04T23:59:00+02:00"),
        (datetime!(2025-12-31 23:30), 1, "2026-01-01T00:30:00+01:00"),
        // right at the spring change
        (datetime!(2025-03-30 01:00), 1, "2025-03-30T03:00:00+02:00"),
        (datetime!(2025-03-30 01:59), 1, "2025-03-30T03:59:00+02:00"),
        (datetime!(2025-03-30 03:00), 1, "2025-03-30T04:00:00+02:00"),
        // right at the autumn change; 02:30 is the first (summer-time) 02:30
        (datetime!(2025-10-26 01:30), 1, "2025-10-26T02:30:00+02:00"),
        (datetime!(2025-10-26 02:30), 1, "2025-10-26T02:30:00+01:00"),
        (datetime!(2025-10-26 02:30), 2, "2025-10-26T03:30:00+01:00"),
        (datetime!(2025-10-26 03:00), 1, "2025-10-26T04:00:00+01:00"),
        // a whole year: 8760 elapsed hours, both changes crossed
        (
            datetime!(2025-01-01 00:00),
            8760,
            "2026-01-01T00:00:00+01:00",
        ),
        (
            datetime!(2026-03-01 12:00),
            24 * 60,
            "2026-04-30T13:00:00+02:00",
        ),
    ];
    for (from, hours, expected) in table {
        assert_eq!(
            rfc3339(deadline_hours(from, hours).unwrap()),
            expected,
            "{from} + {hours} h"
        );
    }
}

#[test]
fn spring_gap_is_refused_and_autumn_overlap_takes_summer_time() {
    for local in [
        datetime!(2025-03-30 02:00),
        datetime!(2025-03-30 02:30),
        datetime!(2025-03-30 02:59:59),
        datetime!(2026-03-29 02:15),
    ] {
        assert_eq!(
            deadline_hours(local, 72),
            Err(CalendarError::NonexistentLocalTime(local))
        );
    }
    let msg = CalendarError::NonexistentLocalTime(datetime!(2025-03-30 02:30)).to_string();
    assert!(
        msg.starts_with("2025-03-30T02:30:00 does not exist"),
        "{msg}"
    );

    let table = [
        (datetime!(2025-10-26 01:59), "2025-10-26T01:59:00+02:00"),
        (datetime!(2025-10-26 02:00), "2025-10-26T02:00:00+02:00"),
        (datetime!(2025-10-26 02:59), "2025-10-26T02:59:00+02:00"),
        (datetime!(2025-10-26 03:00), "2025-10-26T03:00:00+01:00"),
        (datetime!(2025-03-30 01:59), "2025-03-30T01:59:00+01:00"),
        (datetime!(2025-03-30 03:00), "2025-03-30T03:00:00+02:00"),
    ];
    for (local, expected) in table {
        assert_eq!(
            rfc3339(resolve_stockholm(local).unwrap()),
            expected,
            "{local}"
        );
    }
}

#[test]
fn breach_deadline_is_seventy_two_elapsed_hours() {
    let table = [
        ("2025-03-28T09:00:00+00:00", "2025-03-31T11:00:00+02:00"),
        ("2025-10-24T08:00:00+00:00", "2025-10-27T09:00:00+01:00"),
        ("2025-06-19T14:30:00+02:00", "2025-06-22T14:30:00+02:00"),
        ("2025-12-23T17:00:00+01:00", "2025-12-26T17:00:00+01:00"), // no holiday extension
    ];
    for (aware, expected) in table {
        let aware_at = OffsetDateTime::parse(aware, RFC3339).unwrap();
        assert_eq!(
            rfc3339(breach_notification_due(aware_at).unwrap()),
            expected,
            "{aware}"
        );
    }
}

#[test]
fn hours_outside_the_supported_range_are_refused() {
    assert_eq!(
        deadline_hours(datetime!(2025-01-01 00:00), 0),
        Err(CalendarError::ZeroPeriod)
    );
    assert!(matches!(
        deadline_hours(datetime!(1995-06-01 12:00), 1),
        Err(CalendarError::UnsupportedYear { .. })
    ));
    assert_eq!(
        deadline_hours(datetime!(9999-12-31 22:00), u32::MAX),
        Err(CalendarError::OutOfRange)
    );
}
