//! `ombud calendar`: legal deadlines and Swedish public holidays.
//!
//! Output goes to stdout, one answer per line; errors go to stderr with exit
//! status 2 (clap's usage errors already exit 2). See `docs/calendar.md`.

use clap::{ArgGroup, ValueEnum};
use ombud_core::calendar::{
    CalendarError, FIRST_HOLIDAY_YEAR, HolidayPolicy, LAST_YEAR, Period, deadline, deadline_hours,
    swedish_public_holidays,
};
use std::process::ExitCode;
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{Date, OffsetDateTime, PrimitiveDateTime};

/// Options of `ombud calendar`.
#[derive(Debug, clap::Args)]
pub struct CalendarArgs {
    #[command(subcommand)]
    command: CalendarCommand,
}

#[derive(Debug, clap::Subcommand)]
enum CalendarCommand {
    /// Print the end of a period counted from an event (Regulation 1182/71).
    ///
    /// With --days, --weeks or --months, --from is the date of the event
    /// (YYYY-MM-DD), which is not counted; prints the last day of the period
    /// (YYYY-MM-DD), moved on to the next working day when it is a Saturday,
    /// Sunday or public holiday. With --hours, --from is a Europe/Stockholm
    /// wall-clock time (YYYY-MM-DDTHH:MM); prints the end instant after that
    /// many elapsed hours as RFC 3339 with its offset.
    #[command(group(
        ArgGroup::new("period")
            .required(true)
            .multiple(false)
            .args(["days", "weeks", "months", "hours"])
    ))]
    Deadline(DeadlineArgs),
    /// Print the Swedish public holidays (allmänna helgdagar) of a year: date and Swedish name.
    Holidays(HolidaysArgs),
}

#[derive(Debug, clap::Args)]
struct DeadlineArgs {
    /// The event: YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS] (Stockholm local time) with --hours.
    #[arg(long, value_name = "DATE|DATETIME")]
    from: String,
    /// A period of N days.
    #[arg(long, value_name = "N", value_parser = count, allow_negative_numbers = true)]
    days: Option<u32>,
    /// A period of N weeks.
    #[arg(long, value_name = "N", value_parser = count, allow_negative_numbers = true)]
    weeks: Option<u32>,
    /// A period of N months.
    #[arg(long, value_name = "N", value_parser = count, allow_negative_numbers = true)]
    months: Option<u32>,
    /// A period of N elapsed hours (no roll-forward).
    #[arg(long, value_name = "N", value_parser = count, allow_negative_numbers = true)]
    hours: Option<u32>,
    /// Which days end a period: `strict` = Saturdays, Sundays and allmänna
    /// helgdagar; `swedish-practice` also midsommarafton, julafton and
    /// nyårsafton (an interpretation, see docs/calendar.md).
    #[arg(long, value_enum, default_value_t = PolicyArg::Strict, conflicts_with = "hours")]
    policy: PolicyArg,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum PolicyArg {
    Strict,
    SwedishPractice,
}

#[derive(Debug, clap::Args)]
struct HolidaysArgs {
    /// The year, e.g. 2025 (1990–9999: lag (1989:253) om allmänna helgdagar).
    #[arg(value_name = "YYYY", value_parser = year, allow_negative_numbers = true)]
    year: i32,
}

const DATE: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");
const DATETIME_MINUTES: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]");
const DATETIME_SECONDS: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
const RFC3339: &[BorrowedFormatItem<'static>] = format_description!(
    "[year]-[month]-[day]T[hour]:[minute]:[second][offset_hour sign:mandatory]:[offset_minute]"
);

pub fn run(args: CalendarArgs) -> ExitCode {
    let result = match args.command {
        CalendarCommand::Deadline(args) => run_deadline(args),
        CalendarCommand::Holidays(args) => run_holidays(args),
    };
    match result {
        Ok(lines) => {
            for line in lines {
                println!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run_deadline(args: DeadlineArgs) -> Result<Vec<String>, String> {
    let period = match (args.days, args.weeks, args.months, args.hours) {
        (Some(n), None, None, None) => Period::Days(n),
        (None, Some(n), None, None) => Period::Weeks(n),
        (None, None, Some(n), None) => Period::Months(n),
        (None, None, None, Some(hours)) => {
            let from = parse_local_datetime(&args.from)?;
            let end = deadline_hours(from, hours).map_err(explain)?;
            return Ok(vec![format_rfc3339(end)?]);
        }
        // clap's ArgGroup guarantees exactly one.
        _ => return Err("give exactly one of --days, --weeks, --months, --hours".into()),
    };
    let from = parse_date(&args.from)?;
    let policy = match args.policy {
        PolicyArg::Strict => HolidayPolicy::Strict1182,
        PolicyArg::SwedishPractice => HolidayPolicy::SwedishPractice,
    };
    let last_day = deadline(from, period, policy).map_err(explain)?;
    Ok(vec![last_day.format(DATE).map_err(|e| e.to_string())?])
}

fn run_holidays(args: HolidaysArgs) -> Result<Vec<String>, String> {
    let holidays = swedish_public_holidays(args.year).map_err(|e| {
        if args.year < FIRST_HOLIDAY_YEAR && args.year > 0 {
            format!(
                "{e}: lag (1989:253) om allmänna helgdagar applies from 1 January 1990, and the older rules are not implemented"
            )
        } else {
            explain(e)
        }
    })?;
    holidays
        .iter()
        .map(|h| {
            let date = h.date.format(DATE).map_err(|e| e.to_string())?;
            Ok(format!("{date} {}", h.name_sv))
        })
        .collect()
}

/// A period length: a whole number, at least 1.
fn count(s: &str) -> Result<u32, String> {
    match s.parse::<u32>() {
        Ok(0) => Err("the period must be at least 1".into()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("expected a whole number from 1 to {}", u32::MAX)),
    }
}

/// A year: a whole number. The supported range is checked by the calendar,
/// which explains it; this only turns "abc" or 99999999999 into a clear
/// message instead of a bare integer-parsing error.
fn year(s: &str) -> Result<i32, String> {
    s.parse::<i32>().map_err(|_| {
        format!(
            "expected a year as a whole number from {FIRST_HOLIDAY_YEAR} to {LAST_YEAR}, e.g. 2025"
        )
    })
}

fn parse_date(s: &str) -> Result<Date, String> {
    if s.contains('T') {
        return Err(format!(
            "--from '{s}' has a time of day; --days, --weeks and --months count whole days from a date: use --from YYYY-MM-DD"
        ));
    }
    Date::parse(s, DATE)
        .map_err(|e| format!("invalid --from '{s}': expected a date YYYY-MM-DD ({e})"))
}

/// Date-only input is refused with --hours: the breach clock starts at the
/// moment of awareness, and silently assuming midnight would hide a missing
/// time. Write `T00:00` to mean midnight.
fn parse_local_datetime(s: &str) -> Result<PrimitiveDateTime, String> {
    if !s.contains('T') {
        return Err(format!(
            "--hours needs a date and time: use --from YYYY-MM-DDTHH:MM (Europe/Stockholm local time), e.g. --from {s}T00:00 for midnight"
        ));
    }
    PrimitiveDateTime::parse(s, DATETIME_MINUTES)
        .or_else(|_| PrimitiveDateTime::parse(s, DATETIME_SECONDS))
        .map_err(|e| {
            format!(
                "invalid --from '{s}': expected a Europe/Stockholm local time YYYY-MM-DDTHH:MM, without offset ({e})"
            )
        })
}

fn format_rfc3339(t: OffsetDateTime) -> Result<String, String> {
    t.format(RFC3339).map_err(|e| e.to_string())
}

fn explain(e: CalendarError) -> String {
    match e {
        CalendarError::NonexistentLocalTime(_) => {
            format!("{e}; give a time before 02:00 or from 03:00")
        }
        _ => e.to_string(),
    }
}
