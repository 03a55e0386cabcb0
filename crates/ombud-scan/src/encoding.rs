//! The encodings of text files besides UTF-8.
//!
//! * **Windows-1252**, the other encoding of Swedish text, needs no conversion: the detectors
//!   read bytes that are not UTF-8 as Windows-1252 ([`cp1252_char`] turns a found value into
//!   text).
//! * **UTF-16**, as Windows writes it (Excel's "Unicode text", PowerShell 5 redirections,
//!   `reg export`, `bcp -w`), is recognised from the first block of a file ([`sniff_utf16`])
//!   and narrowed to one byte per code unit ([`Narrow`]): ASCII stays ASCII, the rest becomes
//!   its Windows-1252 byte or a stand-in of the same class (letter or not). The detectors
//!   then read it like Windows-1252 text, and an offset `i` in the narrowed bytes is the
//!   offset `header + 2 i` in the file.

use std::io::{self, Read};
use std::sync::atomic::{AtomicU64, Ordering};

/// The characters of the Windows-1252 bytes `0x80`–`0x9F` (the five unassigned bytes read
/// as the C1 controls, like ISO 8859-1).
const CP1252_80: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The character of a Windows-1252 byte.
pub fn cp1252_char(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252_80[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// A found value as text: UTF-8 where the bytes are UTF-8, each other byte read as
/// Windows-1252 (the scanner's reading of such bytes).
pub fn value_text(value: &[u8]) -> String {
    let mut s = String::with_capacity(value.len());
    for chunk in value.utf8_chunks() {
        s.push_str(chunk.valid());
        s.extend(chunk.invalid().iter().map(|&b| cp1252_char(b)));
    }
    s
}

/// Stand-in for a letter or digit that Windows-1252 lacks: a Windows-1252 letter that never
/// starts a UTF-8 sequence.
const LETTER: u8 = 0xC0;
/// Stand-in for any other character: a control byte that belongs to no class.
const OTHER: u8 = 0x1A;

/// The byte a character becomes in narrowed UTF-16 text.
fn narrow_char(c: char) -> u8 {
    match u32::from(c) {
        0..=0x7F | 0xA0..=0xFF => u32::from(c) as u8,
        0x80..=0x9F => OTHER,
        // Spaces and hyphens that join digit groups keep their meaning.
        0x2007 | 0x2009 | 0x202F => 0xA0,
        0x2010 | 0x2011 => b'-',
        _ => match CP1252_80.iter().position(|&k| k == c) {
            Some(i) if !('\u{80}'..='\u{9f}').contains(&c) => 0x80 + i as u8,
            _ if crate::detect::alphanumeric(c) => LETTER,
            _ => OTHER,
        },
    }
}

/// `b`, written after `before`, unless the two would read as one UTF-8 character (`PÅ` and a
/// no-break space narrow to `C5 A0`, which is UTF-8 for `Š`): then a byte of the same class
/// that continues nothing (a space, `-`, a letter or another stand-in).
fn apart(before: u8, b: u8) -> u8 {
    if !(0x80..0xC0).contains(&b) || !(0xC2..=0xF4).contains(&before) {
        return b;
    }
    match b {
        0xA0 => b' ',
        0x96 => b'-',
        _ if crate::detect::alphanumeric(cp1252_char(b)) => LETTER,
        _ => OTHER,
    }
}

/// Byte order of UTF-16 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Order {
    Little,
    Big,
}

/// UTF-16 text recognised at the start of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Utf16 {
    pub order: Order,
    /// Bytes before the first character: 2 with a byte order mark, else 0.
    pub header: usize,
}

/// Whether `probe`, the first bytes of a file, is UTF-16 text: it starts with a byte order
/// mark, or (without one) in one byte order at least half the code units are printable
/// ASCII or Latin-1 (high byte 0: at odd offsets in little-endian, even ones in big-endian)
/// and none is NUL or another control character but tab, line feed, form feed and carriage
/// return. Binary files have NUL bytes too, but not in that pattern.
pub(crate) fn sniff_utf16(probe: &[u8]) -> Option<Utf16> {
    match probe {
        [0xFF, 0xFE, ..] => {
            return Some(Utf16 {
                order: Order::Little,
                header: 2,
            });
        }
        [0xFE, 0xFF, ..] => {
            return Some(Utf16 {
                order: Order::Big,
                header: 2,
            });
        }
        _ => {}
    }
    let units = probe.len() / 2;
    if units < 2 {
        return None;
    }
    let latin = |lo: u8, hi: u8| hi == 0 && ((0x20..0x7F).contains(&lo) || lo >= 0xA0);
    let control =
        |lo: u8, hi: u8| hi == 0 && lo < 0x20 && !matches!(lo, b'\t' | b'\n' | 0x0C | b'\r');
    let judge = |order: Order| {
        let (mut printable, mut controls) = (0, 0);
        for p in probe.chunks_exact(2) {
            let (lo, hi) = match order {
                Order::Little => (p[0], p[1]),
                Order::Big => (p[1], p[0]),
            };
            printable += usize::from(latin(lo, hi));
            controls += usize::from(control(lo, hi));
        }
        controls == 0 && printable * 2 >= units
    };
    let order = match (judge(Order::Little), judge(Order::Big)) {
        (true, false) => Order::Little,
        (false, true) => Order::Big,
        _ => return None,
    };
    Some(Utf16 { order, header: 0 })
}

/// Reads UTF-16 text as one byte per code unit (see the module documentation); a surrogate
/// pair becomes two stand-ins. The byte order mark, if any, is skipped; an odd last byte
/// is dropped.
pub(crate) struct Narrow<'p, R> {
    inner: R,
    order: Order,
    buf: Box<[u8]>,
    pos: usize,
    len: usize,
    eof: bool,
    /// The second stand-in of a surrogate pair that did not fit the last read.
    pending: Option<u8>,
    /// The last byte written.
    last: u8,
    /// Header bytes still to drop.
    skip: usize,
    /// Bytes of the underlying reader taken so far, header included.
    consumed: u64,
    /// Counts the bytes of the underlying reader as they are read.
    progress: Option<&'p AtomicU64>,
}

impl<'p, R: Read> Narrow<'p, R> {
    /// `inner` positioned at the start of the file.
    pub fn new(inner: R, text: Utf16, progress: Option<&'p AtomicU64>) -> Narrow<'p, R> {
        Narrow {
            inner,
            order: text.order,
            buf: vec![0; 64 * 1024].into_boxed_slice(),
            pos: 0,
            len: 0,
            eof: false,
            pending: None,
            last: 0,
            skip: text.header,
            consumed: 0,
            progress,
        }
    }

    /// Bytes of the underlying reader read so far.
    pub fn consumed(&self) -> u64 {
        self.consumed
    }

    fn unit(&self, at: usize) -> u16 {
        let b = [self.buf[at], self.buf[at + 1]];
        match self.order {
            Order::Little => u16::from_le_bytes(b),
            Order::Big => u16::from_be_bytes(b),
        }
    }

    /// Copies the ASCII code units at the read position into `out`, eight at a time (most text
    /// is ASCII); returns how many.
    fn ascii_run(&mut self, out: &mut [u8]) -> usize {
        // The bits that must be 0 in four code units read as a little-endian u64: the whole
        // high byte and the top bit of the low byte of each.
        let (mask, low) = match self.order {
            Order::Little => (0xFF80_FF80_FF80_FF80u64, 0),
            Order::Big => (0x80FF_80FF_80FF_80FFu64, 1),
        };
        let mut n = 0;
        while n + 8 <= out.len() && self.len - self.pos >= 16 {
            let units = &self.buf[self.pos..self.pos + 16];
            let word = |k: usize| u64::from_le_bytes(units[k..k + 8].try_into().expect("8 bytes"));
            if (word(0) | word(8)) & mask != 0 {
                break;
            }
            for (o, pair) in out[n..n + 8].iter_mut().zip(units.chunks_exact(2)) {
                *o = pair[low];
            }
            n += 8;
            self.pos += 16;
        }
        n
    }

    /// Narrows the code units in the buffer into `out`; returns the bytes written.
    fn narrow_into(&mut self, out: &mut [u8]) -> usize {
        let dropped = self.skip.min(self.len - self.pos);
        self.pos += dropped;
        self.skip -= dropped;
        let mut n = 0;
        while n < out.len() && self.len - self.pos >= 2 {
            n += self.ascii_run(&mut out[n..]);
            if n == out.len() || self.len - self.pos < 2 {
                break;
            }
            let u = self.unit(self.pos);
            if (0xD800..0xDC00).contains(&u) {
                if self.len - self.pos < 4 && !self.eof {
                    break;
                }
                let low = (self.len - self.pos >= 4)
                    .then(|| self.unit(self.pos + 2))
                    .filter(|l| (0xDC00..0xE000).contains(l));
                if let Some(low) = low {
                    let c = char::decode_utf16([u, low])
                        .next()
                        .and_then(Result::ok)
                        .map_or(OTHER, |c| match crate::detect::alphanumeric(c) {
                            true => LETTER,
                            false => OTHER,
                        });
                    out[n] = c;
                    n += 1;
                    self.pos += 4;
                    match out.get_mut(n) {
                        Some(slot) => {
                            *slot = c;
                            n += 1;
                        }
                        None => self.pending = Some(c),
                    }
                    continue;
                }
            }
            let before = match n {
                0 => self.last,
                _ => out[n - 1],
            };
            out[n] = apart(
                before,
                char::from_u32(u32::from(u)).map_or(OTHER, narrow_char),
            );
            n += 1;
            self.pos += 2;
        }
        if n > 0 {
            self.last = out[n - 1];
        }
        n
    }
}

impl<R: Read> Read for Narrow<'_, R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        if let Some(b) = self.pending.take() {
            out[0] = b;
            return Ok(1);
        }
        loop {
            let n = self.narrow_into(out);
            if n > 0 || self.eof {
                return Ok(n);
            }
            // Keep the unread bytes (at most a surrogate pair and an odd byte), then read on.
            self.buf.copy_within(self.pos..self.len, 0);
            self.len -= self.pos;
            self.pos = 0;
            match self.inner.read(&mut self.buf[self.len..]) {
                Ok(0) => self.eof = true,
                Ok(k) => {
                    self.len += k;
                    self.consumed += k as u64;
                    if let Some(p) = self.progress {
                        p.fetch_add(k as u64, Ordering::Relaxed);
                    }
                }
                Err(e) => return Err(e),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, order: Order, bom: bool) -> Vec<u8> {
        let mut v = Vec::new();
        let units = bom.then_some(0xFEFF).into_iter().chain(s.encode_utf16());
        for u in units {
            v.extend_from_slice(&match order {
                Order::Little => u.to_le_bytes(),
                Order::Big => u.to_be_bytes(),
            });
        }
        v
    }

    /// Reads everything through `Narrow`, in reads of `step` bytes at most; a `step` below 8
    /// also shrinks its buffer to 5 bytes (code units split across refills), a larger one
    /// keeps the buffer (the eight-unit ASCII path).
    fn narrowed(bytes: &[u8], step: usize) -> (Vec<u8>, Utf16) {
        let text = sniff_utf16(bytes).expect("UTF-16");
        let mut r = Narrow::new(bytes, text, None);
        if step < 8 {
            r.buf = vec![0; 5].into_boxed_slice();
        }
        let mut out = Vec::new();
        let mut piece = vec![0; step];
        loop {
            let n = r.read(&mut piece).unwrap();
            if n == 0 {
                break;
            }
            out.extend_from_slice(&piece[..n]);
        }
        assert_eq!(r.consumed(), bytes.len() as u64);
        (out, text)
    }

    #[test]
    fn recognises_utf16_and_nothing_else() {
        let s = "Namn;Personnummer\r\nÅsa Öberg;811218-9876\r\n";
        for order in [Order::Little, Order::Big] {
            let with = sniff_utf16(&utf16(s, order, true)).unwrap();
            assert_eq!((with.order, with.header), (order, 2));
            let without = sniff_utf16(&utf16(s, order, false)).unwrap();
            assert_eq!((without.order, without.header), (order, 0));
        }
        assert_eq!(sniff_utf16(s.as_bytes()), None);
        // Binary data with NUL bytes here and there, and words of zeros.
        let binary: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert_eq!(sniff_utf16(&binary), None);
        assert_eq!(sniff_utf16(&[0u8; 512]), None);
        let mut elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec();
        elf.extend((0..300u32).flat_map(|i| [(i % 7) as u8, 0, 0, 0]));
        assert_eq!(sniff_utf16(&elf), None);
    }

    #[test]
    fn one_byte_per_code_unit() {
        let s = "Åsa\u{a0}Öberg 811218–9876 Жанна 😀 €5 070\u{202f}123 ∑ a\u{2011}b\n\
                 Lång rad med bara ASCII: anna@example.se, 070-123 45 67 och 8112189876.\n";
        for order in [Order::Little, Order::Big] {
            for bom in [false, true] {
                for step in [1, 2, 3, 64, 4096] {
                    let (out, text) = narrowed(&utf16(s, order, bom), step);
                    let want: Vec<u8> = "Åsa\u{a0}Öberg 811218".chars().map(narrow_char).collect();
                    assert_eq!(&out[..want.len()], &want[..]);
                    // One byte per code unit: offsets map back by header + 2 i.
                    assert_eq!(out.len(), s.encode_utf16().count());
                    assert_eq!(text.header, if bom { 2 } else { 0 });
                    assert_eq!(
                        value_text(&out),
                        "Åsa\u{a0}Öberg 811218–9876 ÀÀÀÀÀ \u{1a}\u{1a} €5 070\u{a0}123 \u{1a} a-b\n\
                         Lång rad med bara ASCII: anna@example.se, 070-123 45 67 och 8112189876.\n"
                    );
                }
            }
        }
        // Narrowed bytes never read as UTF-8 across two characters.
        let (out, _) = narrowed(&utf16("PÅ\u{a0}070 PÖ–8 É€", Order::Little, true), 64);
        assert_eq!(value_text(&out), "PÅ 070 PÖ-8 É\u{1a}");
        assert!(out.utf8_chunks().all(|c| c.valid().is_ascii()));
        // A lone surrogate and an odd last byte.
        let mut odd = utf16("a", Order::Little, true);
        odd.extend_from_slice(&0xD800u16.to_le_bytes());
        odd.extend_from_slice(&utf16("b", Order::Little, false));
        odd.push(b'c');
        assert_eq!(narrowed(&odd, 8).0, b"a\x1ab");
    }

    #[test]
    fn values_read_as_windows_1252_where_not_utf8() {
        assert_eq!(value_text("hälsa".as_bytes()), "hälsa");
        assert_eq!(value_text(b"h\xe4lsa \x96 \x80"), "hälsa – €");
    }
}
