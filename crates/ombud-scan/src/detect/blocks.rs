//! Byte classes of 64-byte blocks as bit masks (bit `j` = byte `j`), computed 16 bytes at a
//! time with the portable vectors of the `wide` crate (SSE2 on x86-64, NEON on AArch64,
//! plain arrays elsewhere; no `unsafe` here). The scanner walks the set bits with
//! `trailing_zeros` instead of testing byte after byte, and decides most digit runs from the
//! masks alone.

/// The vector the classes are computed with. (wide's 32-byte type was tried with an AVX2
/// build, `-C target-cpu=x86-64-v3`: some of its operations compile to byte-by-byte
/// inserts, and a scan took 2.5 times as long.)
type Lane = wide::u8x16;

/// Bytes per lane, and lanes per block.
const LANE: usize = std::mem::size_of::<Lane>();
const LANES: usize = BLOCK / LANE;

/// Bytes per block.
pub(crate) const BLOCK: usize = 64;

/// The classes of one block. Past the end of the input a block is padded with NUL bytes,
/// which belong to no class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Classes {
    /// ASCII digits.
    pub digit: u64,
    /// Word bytes that are not digits: ASCII letters, `_`, and every non-ASCII byte.
    pub letter: u64,
    /// ASCII capital letters.
    pub upper: u64,
    /// The bytes that join digit groups into one token: ` `, `-`, `+`.
    pub join: u64,
    /// `.`.
    pub dot: u64,
    /// The trigger bytes other than digits that are switched on: `@` and `%` (e-mail); `+`
    /// and `(` (phone numbers); `:`.
    pub other: u64,
    /// `:`.
    pub colon: u64,
    /// Hexadecimal digits and `:`, the bytes of an IPv6 address; all ones in a block
    /// without a colon (it is only read to judge colons, and more is the safe side).
    pub v6: u64,
    /// Bytes above ASCII.
    pub high: u64,
    /// UTF-8 continuation bytes (`0x80`–`0xBF`).
    pub cont: u64,
}

impl Classes {
    /// Word bytes (see `is_word`).
    #[inline(always)]
    pub fn word(&self) -> u64 {
        self.letter | self.digit
    }
}

/// Which of the non-digit trigger bytes count (`@` and `%`; `+` and `(`; `:`), as all-ones or
/// all-zeros.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Triggers {
    at: Lane,
    plus: Lane,
    colon: Lane,
    /// All of them (the default), which spares the masking.
    all: bool,
}

impl Triggers {
    pub fn new(at: bool, plus: bool, colon: bool) -> Triggers {
        let on = |b: bool| Lane::splat(if b { 0xFF } else { 0 });
        Triggers {
            at: on(at),
            plus: on(plus),
            colon: on(colon),
            all: at && plus && colon,
        }
    }
}

/// The bit mask of a class given as 0x00/0xFF bytes (only the high bit counts) per lane.
#[inline(always)]
fn bits(v: [Lane; LANES]) -> u64 {
    let mut m = 0;
    for (k, v) in v.iter().enumerate() {
        m |= u64::from(v.to_bitmask()) << (LANE * k);
    }
    m
}

#[inline(always)]
fn classify_block(b: &[u8; BLOCK], t: &Triggers) -> Classes {
    let x: [Lane; LANES] = std::array::from_fn(|k| {
        Lane::new(b[LANE * k..LANE * (k + 1)].try_into().expect("one lane"))
    });
    let s = Lane::splat;
    // `x - c` as an unsigned byte is below `n` exactly when `c <= x < c + n`.
    let below = |v: Lane, n: u8| v.min(s(n - 1)).simd_eq(v);
    let is = |c: u8| x.map(|x| x.simd_eq(s(c)));
    let plus = is(b'+');
    let colon = is(b':');
    let (at, minus, space, open) = (is(b'@'), is(b'-'), is(b' '), is(b'('));
    let percent = is(b'%');
    let high = bits(x);
    let colons = bits(colon);
    Classes {
        digit: bits(x.map(|x| below(x - s(b'0'), 10))),
        // Non-ASCII bytes have the high bit, which is the bit `to_bitmask` reads.
        letter: bits(x.map(|x| below((x | s(0x20)) - s(b'a'), 26) | x.simd_eq(s(b'_')) | x)),
        upper: bits(x.map(|x| below(x - s(b'A'), 26))),
        join: bits(std::array::from_fn(|k| space[k] | minus[k] | plus[k])),
        dot: bits(is(b'.')),
        other: match t.all {
            true => bits(std::array::from_fn(|k| {
                at[k] | percent[k] | plus[k] | open[k] | colon[k]
            })),
            false => bits(std::array::from_fn(|k| {
                ((at[k] | percent[k]) & t.at)
                    | ((plus[k] | open[k]) & t.plus)
                    | (colon[k] & t.colon)
            })),
        },
        colon: colons,
        // Only read next to colons: a block without one claims every byte.
        v6: match colons {
            0 => !0,
            _ => bits(std::array::from_fn(|k| {
                let x = x[k];
                below(x - s(b'0'), 10) | below((x | s(0x20)) - s(b'a'), 6) | colon[k]
            })),
        },
        high,
        cont: match high {
            0 => 0,
            _ => bits(x.map(|x| below(x - s(0x80), 0x40))),
        },
    }
}

/// The classes of the block of `hay` at `at` (NUL-padded past the end).
#[inline(always)]
pub(crate) fn classify(hay: &[u8], at: usize, t: &Triggers) -> Classes {
    match hay.get(at..at + BLOCK) {
        Some(b) => classify_block(b.try_into().expect("64 bytes"), t),
        None => {
            let mut b = [0u8; BLOCK];
            let rest = hay.get(at..).unwrap_or(&[]);
            b[..rest.len()].copy_from_slice(rest);
            classify_block(&b, t)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_agree_with_scalar_code() {
        let all: Vec<u8> = (0..=255u8).chain(0..=255u8).collect();
        for (at_on, plus_on, colon_on) in [(true, true, true), (false, true, false)] {
            let t = Triggers::new(at_on, plus_on, colon_on);
            for at in [0, 1, 7, 64, 200, 450, 500] {
                let c = classify(&all, at, &t);
                for j in 0..BLOCK {
                    let x = all.get(at + j).copied().unwrap_or(0);
                    let bit = |m: u64| m >> j & 1 == 1;
                    assert_eq!(bit(c.word()), super::super::is_word(x), "word {x}");
                    assert_eq!(bit(c.digit), x.is_ascii_digit(), "digit {x}");
                    let letter = super::super::is_word(x) && !x.is_ascii_digit();
                    assert_eq!(bit(c.letter), letter, "letter {x}");
                    assert_eq!(bit(c.upper), x.is_ascii_uppercase(), "upper {x}");
                    assert_eq!(bit(c.join), matches!(x, b' ' | b'-' | b'+'), "join {x}");
                    assert_eq!(bit(c.dot), x == b'.', "dot {x}");
                    let other = (at_on && matches!(x, b'@' | b'%'))
                        || (plus_on && matches!(x, b'+' | b'('))
                        || (colon_on && x == b':');
                    assert_eq!(bit(c.other), other, "other {x}");
                    assert_eq!(bit(c.colon), x == b':', "colon {x}");
                    let v6 = c.colon == 0 || x.is_ascii_hexdigit() || x == b':';
                    assert_eq!(bit(c.v6), v6, "v6 {x}");
                    assert_eq!(bit(c.high), x >= 0x80, "high {x}");
                    assert_eq!(bit(c.cont), (0x80..0xC0).contains(&x), "cont {x}");
                }
            }
        }
    }
}
