//! Byte classes of 64-byte blocks as bit masks (bit `j` = byte `j`). Written without
//! `unsafe` or target-specific code: the per-byte classification is a plain loop into a byte
//! array (the compiler vectorises it), and the array is packed into bits eight bytes at a
//! time with a multiplication (the compiler does not vectorise the packing on its own).
//! The scanner walks the set bits with `trailing_zeros` instead of testing byte after byte.

/// Bytes per block.
pub(crate) const BLOCK: usize = 64;

/// Gathers the high bit of each of the eight bytes into the low eight bits.
#[inline(always)]
fn gather(h: u64) -> u64 {
    ((h >> 7) & 0x0101_0101_0101_0101).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

#[inline(always)]
fn pack(b: &[u8; BLOCK], f: impl Fn(u8) -> bool) -> u64 {
    let mut t = [0u8; BLOCK];
    for (t, &x) in t.iter_mut().zip(b) {
        *t = u8::from(f(x)).wrapping_neg() & 0x80;
    }
    let mut m = 0u64;
    for (k, w) in t.chunks_exact(8).enumerate() {
        m |= gather(u64::from_le_bytes(w.try_into().expect("8 bytes"))) << (8 * k);
    }
    m
}

/// Like [`pack`] for two classes at once: `f` returns the byte classes as bits 7 and 6.
#[inline(always)]
fn pack2(b: &[u8; BLOCK], f: impl Fn(u8) -> u8) -> (u64, u64) {
    let mut t = [0u8; BLOCK];
    for (t, &x) in t.iter_mut().zip(b) {
        *t = f(x);
    }
    let (mut m7, mut m6) = (0u64, 0u64);
    for (k, w) in t.chunks_exact(8).enumerate() {
        let w = u64::from_le_bytes(w.try_into().expect("8 bytes"));
        m7 |= gather(w) << (8 * k);
        m6 |= gather(w << 1) << (8 * k);
    }
    (m7, m6)
}

/// Masks of the word bytes (see `is_word`) and of the word bytes that are not ASCII digits,
/// of the block at `at` (NUL-padded past the end).
#[inline(always)]
pub(crate) fn word_and_letter_masks(hay: &[u8], at: usize) -> (u64, u64) {
    let f = |x: u8| {
        let letter = ((x | 0x20).wrapping_sub(b'a') < 26) | (x == b'_') | (x >= 0x80);
        let digit = x.wrapping_sub(b'0') < 10;
        (u8::from(letter | digit) << 7) | (u8::from(letter) << 6)
    };
    match hay.get(at..at + BLOCK) {
        Some(b) => pack2(b.try_into().expect("64 bytes"), f),
        None => {
            let mut b = [0u8; BLOCK];
            let rest = hay.get(at..).unwrap_or(&[]);
            b[..rest.len()].copy_from_slice(rest);
            pack2(&b, f)
        }
    }
}

/// Three classes at once: `f` returns them as bits 7, 6 and 5 of each byte.
#[inline(always)]
pub(crate) fn three_masks(hay: &[u8], at: usize, f: impl Fn(u8) -> u8) -> (u64, u64, u64) {
    #[inline(always)]
    fn pack3(b: &[u8; BLOCK], f: impl Fn(u8) -> u8) -> (u64, u64, u64) {
        let mut t = [0u8; BLOCK];
        for (t, &x) in t.iter_mut().zip(b) {
            *t = f(x);
        }
        let (mut m7, mut m6, mut m5) = (0u64, 0u64, 0u64);
        for (k, w) in t.chunks_exact(8).enumerate() {
            let w = u64::from_le_bytes(w.try_into().expect("8 bytes"));
            m7 |= gather(w) << (8 * k);
            m6 |= gather(w << 1) << (8 * k);
            m5 |= gather(w << 2) << (8 * k);
        }
        (m7, m6, m5)
    }
    match hay.get(at..at + BLOCK) {
        Some(b) => pack3(b.try_into().expect("64 bytes"), f),
        None => {
            let mut b = [0u8; BLOCK];
            let rest = hay.get(at..).unwrap_or(&[]);
            b[..rest.len()].copy_from_slice(rest);
            pack3(&b, f)
        }
    }
}

/// Mask over the 64 bytes of `hay` at `at` of the bytes for which `f` holds; past the end of
/// `hay` the block is padded with NUL bytes (neither a trigger nor a word byte).
#[inline(always)]
pub(crate) fn mask(hay: &[u8], at: usize, f: impl Fn(u8) -> bool) -> u64 {
    match hay.get(at..at + BLOCK) {
        Some(b) => pack(b.try_into().expect("64 bytes"), f),
        None => {
            let mut b = [0u8; BLOCK];
            let rest = hay.get(at..).unwrap_or(&[]);
            b[..rest.len()].copy_from_slice(rest);
            pack(&b, f)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_agree_with_scalar_code() {
        let all: Vec<u8> = (0..=255u8).chain(0..=255u8).collect();
        for at in [0, 1, 7, 64, 200, 450, 500] {
            let c = mask(&all, at, |x| x == b':');
            let (w, l2) = word_and_letter_masks(&all, at);
            for j in 0..BLOCK {
                let x = all.get(at + j).copied().unwrap_or(0);
                assert_eq!(w >> j & 1 == 1, super::super::is_word(x), "word {x}");
                assert_eq!(c >> j & 1 == 1, x == b':', "colon {x}");
                let letter = super::super::is_word(x) && !x.is_ascii_digit();
                assert_eq!(l2 >> j & 1 == 1, letter, "letter {x}");
            }
        }
    }
}
