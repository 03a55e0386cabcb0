//! Detectors. One pass classifies each 64-byte block into bit masks (trigger bytes — a digit,
//! `@`, `+`, `:` — word bytes and letters); each trigger goes to the detector that owns that
//! byte, and the scan continues after whatever it consumed. Indicator words are looked up at
//! word starts of the same blocks ([`keywords`]).
//!
//! Invariant every detector keeps (the chunker relies on it): a match never contains, and no
//! decision ever looks across, a *cut byte* (`\n`, `"`, `\t`), and the start or end of the
//! input is treated exactly like a cut byte.

mod blocks;
pub mod card;
mod digits;
pub mod email;
pub mod iban;
pub mod ip;
pub mod keywords;
pub mod personnummer;
pub mod phone;

use crate::kind::{Kind, KindSet};
use keywords::Keywords;

/// A finding relative to the scanned window.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub confidence: f32,
    pub detector: &'static str,
}

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Today in UTC, from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date::from_days_since_epoch((secs / 86_400) as i64)
    }

    /// Converts days since 1970-01-01 to a civil date.
    pub fn from_days_since_epoch(days: i64) -> Date {
        // Count in 400-year eras starting 0000-03-01, so that the leap day ends a year.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

pub(crate) fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub(crate) fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Luhn check over ASCII digits, the last one being the check digit.
pub fn luhn_valid(digits: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, &b) in digits.iter().rev().enumerate() {
        let mut d = u32::from(b.wrapping_sub(b'0'));
        if d > 9 {
            return false;
        }
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    !digits.is_empty() && sum.is_multiple_of(10)
}

#[inline]
pub(crate) fn is_digit(b: u8) -> bool {
    b.is_ascii_digit()
}

/// A byte that glues to an identifier: ASCII letters and digits, `_`, and any non-ASCII byte
/// (letters such as å, ä, ö in UTF-8).
#[inline]
pub(crate) fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// Whether a number token may end at `e` (exclusive): the next byte does not glue to it.
pub(crate) fn right_boundary_ok(hay: &[u8], e: usize) -> bool {
    match hay.get(e) {
        None => true,
        Some(&c) if is_word(c) || c == b'@' => false,
        Some(&b'.') | Some(&b',') => !hay.get(e + 1).is_some_and(|&d| is_digit(d)),
        _ => true,
    }
}

/// Whether a number token may start at `s`: the previous byte does not glue to it.
pub(crate) fn left_boundary_ok(hay: &[u8], s: usize) -> bool {
    if s == 0 {
        return true;
    }
    let c = hay[s - 1];
    if is_word(c) {
        return false;
    }
    if c == b'.' || c == b',' {
        return !(s >= 2 && is_digit(hay[s - 2]));
    }
    true
}

/// Everything the detectors need; built once by the scanner builder.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    pub kinds: KindSet,
    pub today: Date,
    digits: bool,
    at: bool,
    plus: bool,
    colon: bool,
}

impl Config {
    pub fn new(kinds: KindSet, today: Date) -> Config {
        let digits = [
            Kind::Personnummer,
            Kind::Samordningsnummer,
            Kind::Organisationsnummer,
            Kind::Phone,
            Kind::IpAddress,
            Kind::Iban,
            Kind::PaymentCard,
        ]
        .iter()
        .any(|&k| kinds.contains(k));
        Config {
            kinds,
            today,
            digits,
            at: kinds.contains(Kind::Email),
            plus: kinds.contains(Kind::Phone),
            colon: kinds.contains(Kind::IpAddress),
        }
    }

    /// Trigger bytes of the 64-byte block at `at` as a bit mask.
    #[inline]
    fn trigger_mask(&self, hay: &[u8], at: usize) -> u64 {
        let (d, a, p, c) = (self.digits, self.at, self.plus, self.colon);
        blocks::mask(hay, at, |b| {
            (d & (b.wrapping_sub(b'0') < 10))
                | (a & (b == b'@'))
                | (p & (b == b'+'))
                | (c & (b == b':'))
        })
    }
}

/// Runs every detector over `hay` in one pass over its blocks: each 64-byte block is
/// classified once (trigger bytes, word bytes, letters) and both the structured detectors
/// and the keyword search work from those masks. Hits come out sorted by (start, end).
pub(crate) fn scan_all(hay: &[u8], cfg: &Config, kw: Option<&Keywords>, out: &mut Vec<Hit>) {
    use blocks::BLOCK;
    let Some(kw) = kw else {
        return scan_structured(hay, cfg, out);
    };
    if !(cfg.digits || cfg.at || cfg.plus || cfg.colon) {
        return kw.scan(hay, out);
    }
    let (d, a, p, c) = (cfg.digits, cfg.at, cfg.plus, cfg.colon);
    let mut words = keywords::WordState::default();
    // Structured detectors: no trigger before `next`.
    let mut next = 0;
    let (mut structured, mut indicators) = (false, false);
    let mut base = 0;
    while base < hay.len() {
        let (trig, w, letters) = blocks::three_masks(hay, base, |b| {
            let trigger = (d & (b.wrapping_sub(b'0') < 10))
                | (a & (b == b'@'))
                | (p & (b == b'+'))
                | (c & (b == b':'));
            let letter = ((b | 0x20).wrapping_sub(b'a') < 26) | (b == b'_') | (b >= 0x80);
            let word = letter | (b.wrapping_sub(b'0') < 10);
            (u8::from(trigger) << 7) | (u8::from(word) << 6) | (u8::from(letter) << 5)
        });
        if next < base + BLOCK {
            let mut m = trig & (!0u64 << next.saturating_sub(base));
            let before = out.len();
            while m != 0 {
                let p = base + m.trailing_zeros() as usize;
                next = dispatch(hay, p, cfg, out);
                if next - base >= BLOCK {
                    break;
                }
                m &= !0u64 << (next - base);
            }
            structured |= out.len() > before;
        }
        let before = out.len();
        kw.block(hay, base, w, letters, &mut words, out);
        indicators |= out.len() > before;
        base += BLOCK;
    }
    if structured && indicators {
        out.sort_by_key(|h| (h.start, h.end));
    }
}

/// Hands the trigger byte at `p` to its detector; returns where to go on.
#[inline(always)]
fn dispatch(hay: &[u8], p: usize, cfg: &Config, out: &mut Vec<Hit>) -> usize {
    let i = match hay[p] {
        b'@' => email::at(hay, p, out),
        b'+' => phone::at_plus(hay, p, out),
        b':' => ip::at_colon(hay, p, out),
        _ => digits::at(hay, p, cfg, out),
    };
    debug_assert!(i > p);
    i
}

/// Runs the structured detectors (numbers, e-mail, IP) over `hay`, pushing hits in order.
pub(crate) fn scan_structured(hay: &[u8], cfg: &Config, out: &mut Vec<Hit>) {
    use blocks::BLOCK;
    // `base` is the start of the current block, `m` its trigger bytes not yet handled.
    let mut base = 0;
    while base < hay.len() {
        let mut m = cfg.trigger_mask(hay, base);
        while m != 0 {
            let p = base + m.trailing_zeros() as usize;
            let i = dispatch(hay, p, cfg, out);
            if i - base >= BLOCK {
                // The detector consumed past this block: continue in the block where it
                // stopped (blocks stay aligned, so each one is classified once).
                base = i - i % BLOCK;
                if base >= hay.len() {
                    return;
                }
                m = cfg.trigger_mask(hay, base);
            }
            m &= !0u64 << (i - base);
        }
        base += BLOCK;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(
            Date::from_days_since_epoch(0),
            Date {
                year: 1970,
                month: 1,
                day: 1
            }
        );
        assert_eq!(
            Date::from_days_since_epoch(11_016),
            Date {
                year: 2000,
                month: 2,
                day: 29
            }
        );
        assert_eq!(
            Date::from_days_since_epoch(20_454),
            Date {
                year: 2026,
                month: 1,
                day: 1
            }
        );
    }

    #[test]
    fn luhn() {
        assert!(luhn_valid(b"8112189876"));
        assert!(!luhn_valid(b"8112189875"));
        assert!(luhn_valid(b"4111111111111111"));
        assert!(!luhn_valid(b""));
    }
}
