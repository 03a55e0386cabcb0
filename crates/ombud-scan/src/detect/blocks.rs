//! Byte classes of 64-byte blocks as bit masks (bit `j` = byte `j`), computed eight bytes
//! at a time with exact SWAR arithmetic on `u64` (no `unsafe`, no target-specific code; the
//! compiler does not vectorise a per-byte loop into a mask well). The scanner walks the set
//! bits with `trailing_zeros` instead of testing byte after byte.

/// Bytes per block.
pub(crate) const BLOCK: usize = 64;

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;
const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;

/// The eight little-endian bytes of `b` at `at`, zero-padded past the end (a NUL byte is
/// neither a trigger nor a word byte).
#[inline(always)]
fn word_at(hay: &[u8], at: usize) -> u64 {
    match hay.get(at..at + 8) {
        Some(b) => u64::from_le_bytes(b.try_into().expect("8 bytes")),
        None => {
            let mut b = [0u8; 8];
            let rest = hay.get(at..).unwrap_or(&[]);
            b[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(b)
        }
    }
}

/// High bit of each byte equal to `c`.
#[inline(always)]
fn eq(x: u64, c: u8) -> u64 {
    let y = x ^ (ONES * u64::from(c));
    !(((y & LOW7) + LOW7) | y) & HIGH
}

/// High bit of each byte in `lo..=hi` (both below 0x80).
#[inline(always)]
fn between(x: u64, lo: u8, hi: u8) -> u64 {
    let l = x & LOW7;
    let ge_lo = l + ONES * u64::from(0x80 - lo);
    let gt_hi = l + ONES * u64::from(0x7F - hi);
    ge_lo & !gt_hi & !x & HIGH
}

/// Gathers the high bit of each byte into the low eight bits.
#[inline(always)]
fn gather(h: u64) -> u64 {
    ((h >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// ASCII digits.
#[inline(always)]
pub(crate) fn digits8(x: u64) -> u64 {
    between(x, b'0', b'9')
}

/// Word bytes: ASCII letters and digits, `_` and every non-ASCII byte (see `is_word`).
#[inline(always)]
pub(crate) fn words8(x: u64) -> u64 {
    let letter = between(x | (ONES * 0x20), b'a', b'z') | (x & HIGH);
    (letter | digits8(x) | eq(x, b'_')) & HIGH
}

/// Mask over the 64 bytes of `hay` at `at` of the bytes `f` marks (`f` maps eight bytes as a
/// `u64` to the high bits of the marked ones).
#[inline(always)]
pub(crate) fn mask(hay: &[u8], at: usize, f: impl Fn(u64) -> u64) -> u64 {
    let mut m = 0u64;
    for k in 0..BLOCK / 8 {
        m |= gather(f(word_at(hay, at + 8 * k))) << (8 * k);
    }
    m
}

/// Mask of word bytes of the block at `at`.
#[inline(always)]
pub(crate) fn word_mask(hay: &[u8], at: usize) -> u64 {
    mask(hay, at, words8)
}

/// `eq` for the trigger bytes.
#[inline(always)]
pub(crate) fn eq8(x: u64, c: u8) -> u64 {
    eq(x, c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_agree_with_scalar_code() {
        let all: Vec<u8> = (0..=255u8).chain(0..=255u8).collect();
        for at in [0, 1, 7, 64, 200, 450, 500] {
            let w = word_mask(&all, at);
            let d = mask(&all, at, digits8);
            let c = mask(&all, at, |x| eq8(x, b':'));
            for j in 0..BLOCK {
                let x = all.get(at + j).copied().unwrap_or(0);
                assert_eq!(w >> j & 1 == 1, super::super::is_word(x), "word {x}");
                assert_eq!(d >> j & 1 == 1, x.is_ascii_digit(), "digit {x}");
                assert_eq!(c >> j & 1 == 1, x == b':', "colon {x}");
            }
        }
    }
}
