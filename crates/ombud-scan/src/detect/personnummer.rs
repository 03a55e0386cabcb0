//! Swedish identity numbers: personnummer, samordningsnummer and organisationsnummer.
//!
//! Accepted notations: `YYMMDD-NNNC`, `YYMMDD+NNNC`, `YYMMDDNNNC`, `YYYYMMDD-NNNC`,
//! `YYYYMMDDNNNC` (century 18, 19 or 20; `16` for organisationsnummer), and a space for the
//! hyphen (`YYMMDD NNNC`, `YYYYMMDD NNNC`; not for a date of the last year and a half,
//! which is a date and a time of day more often). The check digit is Luhn over the
//! ten-digit form. Classification of the ten digits: month position (digits 3–4)
//! ≥ 20 → organisationsnummer; month 01–12 with day 61–91 → samordningsnummer (day − 60 must
//! be a real day); month 01–12 with a real day → personnummer. The birth date must not lie
//! after the reference date. For ten-digit forms the century is inferred from the reference
//! year: `-` or no separator → 0–99 years old, `+` → 100–199 years old.

use super::{Date, days_in_month, luhn_valid};
use crate::kind::Kind;

/// Detector name reported with these findings.
pub const DETECTOR: &str = "se_identity_number";

/// Classifies an identity number given as its digits (10 or 12 ASCII digits) and the
/// separator found before the last four digits (`None`, `Some(b'-')` or `Some(b'+')`).
/// Returns the kind and confidence, or `None` if the number is not valid.
pub fn classify(digits: &[u8], sep: Option<u8>, today: Date) -> Option<(Kind, f32)> {
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let (century, ten) = match digits.len() {
        10 => (None, digits),
        12 => (Some(num2(&digits[0..2])), &digits[2..]),
        _ => return None,
    };
    match sep {
        None | Some(b'-') => {}
        Some(b'+') if century.is_none() => {}
        _ => return None,
    }
    if !luhn_valid(ten) {
        return None;
    }
    let yy = num2(&ten[0..2]) as i32;
    let mm = num2(&ten[2..4]);
    let dd = num2(&ten[4..6]);
    let confidence = if sep.is_some() || century.is_some() {
        0.99
    } else {
        0.9
    };
    if mm >= 20 {
        // Legal person. The first digit is the group number, never 0 or 4. Group 1 (estates)
        // is rare and, written as ten bare digits, is a Unix time in seconds (1–2 × 10⁹)
        // far more often: it needs the hyphen or the 16 prefix.
        let bare_estate = ten[0] == b'1' && sep.is_none() && century.is_none();
        let group_ok = !(matches!(ten[0], b'0' | b'4') || bare_estate);
        return match century {
            None | Some(16) if group_ok && sep != Some(b'+') => {
                Some((Kind::Organisationsnummer, confidence))
            }
            _ => None,
        };
    }
    if !(1..=12).contains(&mm) {
        return None;
    }
    // Day field 60 (day 0) is no date: whether Skatteverket issues such "unknown day"
    // numbers is unverified (shared/reference §9.2), and a scanner that reported them would
    // report every `YYMM60-NNNN` that passes Luhn, one in ten.
    let (kind, day) = match dd {
        61..=91 => (Kind::Samordningsnummer, dd - 60),
        _ => (Kind::Personnummer, dd),
    };
    let year = match century {
        Some(c @ 18..=20) => c as i32 * 100 + yy,
        Some(_) => return None,
        None => {
            // The latest year ending in `yy` that is not after this year, one century
            // earlier when the birthday is still to come this year (a person who is 99 on
            // 3 December 2026 was born 261231), and one more after `+`.
            let mut y = today.year - (today.year - yy).rem_euclid(100);
            if y == today.year && (mm, day) > (today.month, today.day) {
                y -= 100;
            }
            if sep == Some(b'+') {
                y -= 100;
            }
            y
        }
    };
    if day == 0 || day > days_in_month(year, mm) {
        return None;
    }
    let birth = Date {
        year,
        month: mm,
        day,
    };
    if birth > today {
        return None;
    }
    Some((kind, confidence))
}

/// Whether ten digits are an organisation number once written with its hyphen: the form
/// of an estate's number (group 1), which as ten bare digits counts only where a label says
/// so, since it is a Unix time far more often.
pub fn organisation_number_with_hyphen(ten: &[u8], today: Date) -> bool {
    ten.len() == 10
        && classify(ten, Some(b'-'), today).is_some_and(|(k, _)| k == Kind::Organisationsnummer)
}

fn num2(d: &[u8]) -> u32 {
    u32::from(d[0] - b'0') * 10 + u32::from(d[1] - b'0')
}

/// Whether the date part `YYMMDD` or `YYYYMMDD` of an identity number is within `days`
/// days before `today`, counted by calendar fields as 31 days a month and 372 a year (a
/// coordination number's day counts from 61).
fn recent_date(date: &[u8], today: Date, days: i64) -> bool {
    let (yy, mm, dd) = match date.len() {
        6 => (
            num2(&date[0..2]) as i32,
            num2(&date[2..4]),
            num2(&date[4..6]),
        ),
        _ => (
            num2(&date[2..4]) as i32,
            num2(&date[4..6]),
            num2(&date[6..8]),
        ),
    };
    let century = match date.len() {
        6 => today.year - today.year.rem_euclid(100),
        _ => num2(&date[0..2]) as i32 * 100,
    };
    let dd = if dd > 60 { dd - 60 } else { dd };
    let day_no = |y: i32, m: u32, d: u32| i64::from(y) * 372 + i64::from(m) * 31 + i64::from(d);
    let then = day_no(century + yy, mm, dd);
    let now = day_no(today.year, today.month, today.day);
    (0..=days).contains(&(now - then))
}

/// Whether `YYYYMMDD-NNNN` at `s` names a moment in a path or a file name: it follows `/`
/// or `_`, its date lies within five years before `today` and its last four digits are a
/// time of day (`backups/db/20240917-1655.sql.gz`, `s3://backups/20241217-0306`). A
/// number of someone under five in a path, with a time of day's digits, is far rarer than
/// the stamp of a backup or an export.
fn stamp_in_a_name(hay: &[u8], s: usize, digits: &[u8; 12], today: Date) -> bool {
    s > 0
        && matches!(hay[s - 1], b'/' | b'_')
        && num2(&digits[8..10]) <= 23
        && num2(&digits[10..12]) <= 59
        && recent_date(&digits[..8], today, 5 * 372)
}

/// Words that label an identity number.
pub(crate) const ID_LABELS: &[&str] = &[
    "personnummer",
    "personnr",
    "pnr",
    "pn",
    "ssn",
    "personal",
    "identity",
    "id",
    "samordningsnummer",
    "födelsenummer",
    "birth",
    "born",
];

/// Tries the identity-number notations on digit groups `groups[g..]` (spans into `hay`,
/// `seps[i]` separating group `i` and `i + 1`). Returns the number of groups consumed.
pub(crate) fn try_groups(
    hay: &[u8],
    groups: &[(usize, usize)],
    seps: &[u8],
    g: usize,
    today: Date,
) -> Option<(usize, Kind, f32)> {
    let (s, e) = groups[g];
    let len = e - s;
    if (len == 6 || len == 8) && g + 1 < groups.len() {
        let (s2, e2) = groups[g + 1];
        let sep = seps[g];
        if e2 - s2 == 4 && matches!(sep, b'-' | b'+' | b' ') {
            let mut buf = [0u8; 12];
            buf[..len].copy_from_slice(&hay[s..e]);
            buf[len..len + 4].copy_from_slice(&hay[s2..e2]);
            // A space stands for the hyphen (`850312 1234`, as people type it), but not
            // when the date is of the last year and a half: a date and a time of day
            // (`250312 1432`) in a log line, since hardly anyone's number is written
            // that young with a space.
            let hyphen = match sep {
                b' ' => b'-',
                c => c,
            };
            if let Some((k, c)) = classify(&buf[..len + 4], Some(hyphen), today)
                && !(sep == b' ' && recent_date(&buf[..len], today, 550))
                && !(sep == b'-' && len == 8 && stamp_in_a_name(hay, s, &buf, today))
            {
                let c = if sep == b' ' { c.min(0.9) } else { c };
                return Some((2, k, c));
            }
        }
    }
    if (len == 10 || len == 12)
        && let Some((k, c)) = classify(&hay[s..e], None, today)
    {
        return Some((1, k, c));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: Date = Date {
        year: 2026,
        month: 6,
        day: 15,
    };

    fn k(s: &str, sep: Option<u8>) -> Option<Kind> {
        classify(s.as_bytes(), sep, TODAY).map(|x| x.0)
    }

    #[test]
    fn reference_examples() {
        assert_eq!(k("8112189876", Some(b'-')), Some(Kind::Personnummer));
        assert_eq!(k("198112189876", None), Some(Kind::Personnummer));
        assert_eq!(k("8112189877", Some(b'-')), None);
        assert_eq!(k("2120000142", Some(b'-')), Some(Kind::Organisationsnummer));
        assert_eq!(k("5560360793", None), Some(Kind::Organisationsnummer));
        assert_eq!(k("165560360793", None), Some(Kind::Organisationsnummer));
        assert_eq!(k("195560360793", None), None);
        // Group 4 is not used; group 1 (estates) as ten bare digits reads as a Unix time.
        assert_eq!(k("4560360796", Some(b'-')), None);
        assert_eq!(k("1628942953", None), None);
        assert_eq!(k("1628942953", Some(b'-')), Some(Kind::Organisationsnummer));
        assert_eq!(k("161628942953", None), Some(Kind::Organisationsnummer));
        assert_eq!(k("202503082386", None), Some(Kind::Personnummer));
        assert_eq!(k("189506299818", None), Some(Kind::Personnummer));
    }

    #[test]
    fn plus_separator_means_a_century_earlier() {
        // 1895-06-29 as a ten-digit number needs '+'; with '-' it would be 1995 (also valid).
        assert_eq!(k("9506299818", Some(b'+')), Some(Kind::Personnummer));
        assert_eq!(k("189506299818", Some(b'+')), None);
    }

    /// FOL 18 §: the ten-digit form leaves the century out; `-` is written until the year
    /// a person turns 100, so the birth date is the latest one not after today.
    #[test]
    fn a_birthday_later_this_year_is_a_century_ago() {
        // On 15 June 2026, 261231-5503 is someone born on 31 December 1926 (99 years old),
        // and 260615-… someone born today.
        assert_eq!(k("2612315503", Some(b'-')), Some(Kind::Personnummer));
        assert_eq!(k("2612315503", None), Some(Kind::Personnummer));
        assert_eq!(k("192612315503", None), Some(Kind::Personnummer));
        assert_eq!(k("202612315503", None), None, "not born yet");
        let today = luhn_completed(b"260615123");
        assert_eq!(k(&today, Some(b'-')), Some(Kind::Personnummer));
        let tomorrow = luhn_completed(b"260616123");
        assert_eq!(k(&tomorrow, Some(b'-')), Some(Kind::Personnummer));
        // Samordningsnummer: the real day (day − 60) counts.
        let later = luhn_completed(b"261291123");
        assert_eq!(k(&later, Some(b'-')), Some(Kind::Samordningsnummer));
    }

    /// `first` with the Luhn check digit appended.
    fn luhn_completed(first: &[u8; 9]) -> String {
        (b'0'..=b'9')
            .map(|c| {
                let mut v = first.to_vec();
                v.push(c);
                v
            })
            .find(|v| luhn_valid(v))
            .map(|v| String::from_utf8(v).unwrap())
            .unwrap()
    }

    #[test]
    fn dates_are_checked() {
        // Luhn-valid but 31 February.
        let mut d = *b"850231000";
        let mut found = None;
        for c in b'0'..=b'9' {
            let mut v = d.to_vec();
            v.push(c);
            if luhn_valid(&v) {
                found = Some(v);
            }
        }
        assert_eq!(classify(&found.unwrap(), Some(b'-'), TODAY), None);
        // A future birth date in the 12-digit form.
        d = *b"261231000";
        for c in b'0'..=b'9' {
            let mut v = b"20".to_vec();
            v.extend_from_slice(&d);
            v.push(c);
            if luhn_valid(&v[2..]) {
                assert_eq!(classify(&v, None, TODAY), None);
            }
        }
    }

    /// FOL 18 a § (shared/reference §9.2): day − 60 must be a real day of the month.
    #[test]
    fn samordningsnummer_day_60_is_no_date() {
        for c in b'0'..=b'9' {
            let v = [b"960660719".as_slice(), &[c]].concat();
            assert_eq!(classify(&v, Some(b'-'), TODAY), None, "{v:?}");
        }
    }

    #[test]
    fn samordningsnummer_day_plus_60() {
        // 701063-2391: 1970-10-03 + 60.
        let base = b"701063239";
        for c in b'0'..=b'9' {
            let mut v = base.to_vec();
            v.push(c);
            if luhn_valid(&v) {
                assert_eq!(
                    classify(&v, Some(b'-'), TODAY).map(|x| x.0),
                    Some(Kind::Samordningsnummer)
                );
            }
        }
    }
}
