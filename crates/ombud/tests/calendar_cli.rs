//! The `ombud calendar` command line as a contract: run the built binary and
//! check stdout, stderr and the exit status.

use std::process::{Command, Output};

fn ombud(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ombud"))
        .arg("calendar")
        .args(args)
        .output()
        .expect("run ombud")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 stdout")
}

/// Succeeds with exactly `expected` on a line of its own and nothing on stderr.
fn assert_prints(args: &[&str], expected: &str) {
    let out = ombud(args);
    assert!(
        out.status.success(),
        "{args:?}: {:?} {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout(&out), format!("{expected}\n"), "{args:?}");
    assert!(out.stderr.is_empty(), "{args:?}");
}

/// Fails with status 2, a message on stderr and nothing on stdout.
fn assert_rejected(args: &[&str]) -> String {
    let out = ombud(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?}: {}", stdout(&out));
    let err = String::from_utf8(out.stderr).expect("UTF-8 stderr");
    assert!(err.contains("error"), "{args:?}: {err}");
    err
}

#[test]
fn periods_in_days_weeks_and_months() {
    let table: &[(&[&str], &str)] = &[
        // reference §3.4
        (&["--from", "2025-03-05", "--months", "1"], "2025-04-07"),
        (&["--from", "2025-01-31", "--months", "1"], "2025-02-28"),
        (&["--from", "2024-01-31", "--months", "1"], "2024-02-29"),
        (&["--from", "2026-01-31", "--months", "1"], "2026-03-02"),
        (&["--from", "2024-02-29", "--months", "1"], "2024-04-02"),
        (&["--from", "2025-05-20", "--months", "1"], "2025-06-20"),
        (&["--from", "2025-11-24", "--months", "1"], "2025-12-24"),
        (&["--from", "2025-10-31", "--months", "1"], "2025-12-01"),
        (&["--from", "2025-10-06", "--months", "3"], "2026-01-07"),
        (&["--from", "2100-01-31", "--months", "1"], "2100-03-01"), // Sun 28 Feb 2100
        // eves under the optional policy
        (
            &[
                "--from",
                "2025-05-20",
                "--months",
                "1",
                "--policy",
                "swedish-practice",
            ],
            "2025-06-23",
        ),
        (
            &[
                "--from",
                "2025-11-24",
                "--months=1",
                "--policy=swedish-practice",
            ],
            "2025-12-29",
        ),
        (&["--from", "2025-06-10", "--days", "1"], "2025-06-11"),
        (&["--from", "2025-12-30", "--days", "2"], "2026-01-02"),
        (&["--from", "2025-05-30", "--weeks", "1"], "2025-06-09"),
        (&["--weeks", "1", "--from", "2025-04-11"], "2025-04-22"),
        // Art. 3(5): at least two working days (hand-computed in the core tests)
        (&["--from", "2025-12-24", "--days", "2"], "2025-12-30"),
        (&["--from", "2025-12-24", "--days", "1"], "2025-12-29"),
        (&["--from", "2025-04-17", "--days", "3"], "2025-04-23"),
        (
            &[
                "--from",
                "2025-12-30",
                "--days",
                "2",
                "--policy",
                "swedish-practice",
            ],
            "2026-01-05",
        ),
        // lag (1989:253) original wording: Mon 31 May 2004 is annandag pingst
        (&["--from", "2004-05-27", "--days", "4"], "2004-06-01"),
        (&["--from", "2004-05-28", "--days", "2"], "2004-06-02"),
    ];
    for (args, expected) in table {
        let mut full = vec!["deadline"];
        full.extend_from_slice(args);
        assert_prints(&full, expected);
    }
}

#[test]
fn periods_in_hours_print_rfc3339_with_the_stockholm_offset() {
    let table = [
        ("2025-03-29T12:00", "72", "2025-04-01T13:00:00+02:00"),
        ("2025-10-24T12:00", "72", "2025-10-27T11:00:00+01:00"),
        ("2025-03-28T10:00", "72", "2025-03-31T11:00:00+02:00"),
        ("2025-10-24T10:00", "72", "2025-10-27T09:00:00+01:00"),
        ("2025-06-19T14:30", "72", "2025-06-22T14:30:00+02:00"),
        ("2025-01-15T08:05", "1", "2025-01-15T09:05:00+01:00"),
        ("2025-10-26T02:30", "1", "2025-10-26T02:30:00+01:00"), // overlap: first 02:30
        ("2025-02-03T10:00:30", "3", "2025-02-03T13:00:30+01:00"),
    ];
    for (from, hours, expected) in table {
        assert_prints(&["deadline", "--from", from, "--hours", hours], expected);
    }
}

#[test]
fn holidays_of_a_year() {
    let out = ombud(&["holidays", "2026"]);
    assert!(out.status.success());
    let expected = "\
2026-01-01 Nyårsdagen
2026-01-06 Trettondedag jul
2026-04-03 Långfredagen
2026-04-05 Påskdagen
2026-04-06 Annandag påsk
2026-05-01 Första maj
2026-05-14 Kristi himmelsfärdsdag
2026-05-24 Pingstdagen
2026-06-06 Sveriges nationaldag
2026-06-20 Midsommardagen
2026-10-31 Alla helgons dag
2026-12-25 Juldagen
2026-12-26 Annandag jul
";
    assert_eq!(stdout(&out), expected);

    let out = ombud(&["holidays", "2038"]);
    assert!(stdout(&out).contains("2038-04-25 Påskdagen\n"));
}

/// Lag (1989:253) in its original wording, 1990–2004: annandag pingst, no
/// national day.
#[test]
fn holidays_before_2005() {
    let table = [
        (
            "2004",
            "\
2004-01-01 Nyårsdagen
2004-01-06 Trettondedag jul
2004-04-09 Långfredagen
2004-04-11 Påskdagen
2004-04-12 Annandag påsk
2004-05-01 Första maj
2004-05-20 Kristi himmelsfärdsdag
2004-05-30 Pingstdagen
2004-05-31 Annandag pingst
2004-06-26 Midsommardagen
2004-11-06 Alla helgons dag
2004-12-25 Juldagen
2004-12-26 Annandag jul
",
        ),
        (
            "1999",
            "\
1999-01-01 Nyårsdagen
1999-01-06 Trettondedag jul
1999-04-02 Långfredagen
1999-04-04 Påskdagen
1999-04-05 Annandag påsk
1999-05-01 Första maj
1999-05-13 Kristi himmelsfärdsdag
1999-05-23 Pingstdagen
1999-05-24 Annandag pingst
1999-06-26 Midsommardagen
1999-11-06 Alla helgons dag
1999-12-25 Juldagen
1999-12-26 Annandag jul
",
        ),
    ];
    for (year, expected) in table {
        let out = ombud(&["holidays", year]);
        assert!(out.status.success(), "{year}");
        assert_eq!(stdout(&out), expected, "{year}");
        assert!(out.stderr.is_empty(), "{year}");
    }
    let first = stdout(&ombud(&["holidays", "1990"]));
    assert!(first.starts_with("1990-01-01 Nyårsdagen\n"), "{first}");
    assert!(first.contains("1990-06-04 Annandag pingst\n"), "{first}");
    let switch = stdout(&ombud(&["holidays", "2005"]));
    assert!(
        switch.contains("2005-06-06 Sveriges nationaldag\n"),
        "{switch}"
    );
    assert!(!switch.contains("Annandag pingst"), "{switch}");
}

#[test]
fn years_out_of_range_exit_2_with_a_clear_message() {
    let table = [
        ("1989", "1990"),
        ("1600", "1990"),
        ("0", "1990–9999"),
        ("-1", "1990–9999"),
        ("-2025", "1990–9999"),
        ("10000", "1990–9999"),
        ("99999999999", "whole number from 1990 to 9999"),
        ("abc", "whole number from 1990 to 9999"),
        ("2025.5", "whole number from 1990 to 9999"),
        ("", "whole number from 1990 to 9999"),
    ];
    for (year, says) in table {
        let err = assert_rejected(&["holidays", year]);
        assert!(err.contains(says), "{year}: {err}");
    }
    let err = assert_rejected(&["holidays", "1989"]);
    assert!(err.contains("lag (1989:253)"), "{err}");
    // A deadline that needs a working day before 1990 is refused too.
    let err = assert_rejected(&["deadline", "--from", "1989-06-01", "--days", "1"]);
    assert!(err.contains("1989"), "{err}");
}

#[test]
fn invalid_input_exits_2_with_a_message() {
    let cases: &[&[&str]] = &[
        // invalid values
        &["deadline", "--from", "2025-02-30", "--months", "1"],
        &["deadline", "--from", "2025-13-01", "--days", "1"],
        &["deadline", "--from", "2025-1-5", "--days", "1"],
        &["deadline", "--from", "yesterday", "--days", "1"],
        &["deadline", "--from", "2025-02-03", "--months", "-1"],
        &["deadline", "--from", "2025-02-03", "--months=-1"],
        &["deadline", "--from", "2025-02-03", "--months", "0"],
        &["deadline", "--from", "2025-02-03", "--days", "1.5"],
        &["deadline", "--from", "2025-02-03", "--weeks", "x"],
        &["deadline", "--from", "2025-02-03T10:00", "--hours", "0"],
        &["deadline", "--from", "2025-02-03T25:00", "--hours", "1"],
        &["deadline", "--from", "2025-02-03", "--days", "4294967295"],
        // the wrong kind of --from
        &["deadline", "--from", "2025-02-03", "--hours", "72"],
        &["deadline", "--from", "2025-02-03T10:00", "--days", "3"],
        &[
            "deadline",
            "--from",
            "2025-02-03T10:00+01:00",
            "--hours",
            "3",
        ],
        // spring gap
        &["deadline", "--from", "2025-03-30T02:30", "--hours", "72"],
        // not exactly one period
        &["deadline", "--from", "2025-02-03"],
        &[
            "deadline",
            "--from",
            "2025-02-03",
            "--days",
            "1",
            "--months",
            "1",
        ],
        &[
            "deadline",
            "--from",
            "2025-02-03T10:00",
            "--hours",
            "1",
            "--days",
            "1",
        ],
        &["deadline", "--months", "1"],
        &[
            "deadline",
            "--from",
            "2025-02-03",
            "--months",
            "1",
            "--policy",
            "lenient",
        ],
        // years outside the implemented law
        &["holidays", "1989"],
        &["holidays", "abc"],
        &["holidays"],
        &["frobnicate"],
    ];
    for args in cases {
        assert_rejected(args);
    }
}

#[test]
fn error_messages_say_what_is_wrong() {
    let err = assert_rejected(&["deadline", "--from", "2025-02-03", "--hours", "72"]);
    assert!(err.contains("YYYY-MM-DDTHH:MM"), "{err}");
    let err = assert_rejected(&["deadline", "--from", "2025-03-30T02:30", "--hours", "1"]);
    assert!(err.contains("does not exist"), "{err}");
    let err = assert_rejected(&["deadline", "--from", "2025-02-30", "--months", "1"]);
    assert!(err.contains("2025-02-30"), "{err}");
}
