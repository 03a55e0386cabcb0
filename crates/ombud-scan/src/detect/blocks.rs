//! Byte classes of 64-byte blocks as bit masks (bit `j` = byte `j`). The scanner walks the
//! set bits with `trailing_zeros` instead of testing byte after byte, and decides most digit
//! runs from the masks alone.
//!
//! The masks are computed with the widest vectors the processor has, chosen once at run
//! time ([`Isa::detect`]): on x86-64 with AVX-512 one 64-byte vector per block, whose
//! compares give the bit masks directly; elsewhere four 16-byte vectors of the `wide` crate
//! (SSE2 on x86-64, NEON on AArch64, plain arrays on the rest). AVX-512 comes through
//! `pulp`, whose token proves that the features were detected, so that no `unsafe` is
//! needed here. [`Isa::run`] compiles the caller's whole loop for the set it picks, so the
//! classification is inlined into it.
//!
//! (An AVX2 set, two 32-byte vectors per block, was tried the same way and scanned 2.5
//! times slower than the 16-byte one: its registers were assembled byte by byte.)

/// The portable vector: 16 bytes. (wide's 32-byte type was tried with an AVX2 build,
/// `-C target-cpu=x86-64-v3`: some of its operations compile to byte-by-byte inserts.)
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
    /// `0`.
    pub zero: u64,
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
    /// `0xC3`, the lead byte of the UTF-8 Latin-1 letters (`À`–`ÿ`: `å ä ö é ü`).
    pub latin: u64,
    /// `0x97` and `0xB7`, the continuation bytes of `×` and `÷` after `0xC3` (no letters).
    pub sign: u64,
    /// `\` (a run of digits right after an escape such as `\u002B` is looked at).
    pub backslash: u64,
    /// `/` (an area code before a slash, `08/123 45 67`, is looked at).
    pub slash: u64,
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
    /// The same as bit masks, for the sets whose compares give bits.
    at_bits: u64,
    plus_bits: u64,
    colon_bits: u64,
    /// All of them (the default), which spares the masking.
    all: bool,
}

impl Triggers {
    pub fn new(at: bool, plus: bool, colon: bool) -> Triggers {
        let on = |b: bool| Lane::splat(if b { 0xFF } else { 0 });
        let bits = |b: bool| if b { !0 } else { 0 };
        Triggers {
            at: on(at),
            plus: on(plus),
            colon: on(colon),
            at_bits: bits(at),
            plus_bits: bits(plus),
            colon_bits: bits(colon),
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

/// The instruction set blocks are classified with.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Isa {
    /// 16-byte vectors of the `wide` crate.
    Portable,
    /// One 64-byte vector with bit-mask compares (x86-64-v4: AVX-512 F, BW, CD, DQ, VL).
    #[cfg(target_arch = "x86_64")]
    Avx512(pulp::x86::V4),
}

/// Work to run with one instruction set (a generic closure, which Rust lacks).
pub(crate) trait WithIsa {
    type Output;
    fn run<C: Classify>(self, c: C) -> Self::Output;
}

impl Isa {
    /// The widest set this processor has, unless the environment variable `OMBUD_SCAN_ISA`
    /// asks for a narrower one (`portable`, for comparing them in benchmarks).
    /// Detected once per process: every `Config` (one per scanner, and one per
    /// `Scanner::revalidate` call) asks.
    pub fn detect() -> Isa {
        static DETECTED: std::sync::OnceLock<Isa> = std::sync::OnceLock::new();
        *DETECTED.get_or_init(|| {
            let wish = std::env::var("OMBUD_SCAN_ISA").unwrap_or_default();
            let all = Isa::available();
            all.iter()
                .copied()
                .find(|isa| isa.name() == wish)
                .unwrap_or(all[0])
        })
    }

    /// Every set this processor can run, the widest first.
    pub fn available() -> Vec<Isa> {
        let mut all = Vec::new();
        #[cfg(target_arch = "x86_64")]
        {
            all.extend(pulp::x86::V4::try_new().map(Isa::Avx512));
        }
        all.push(Isa::Portable);
        all
    }

    /// The set's name (`avx512`, `portable`).
    pub fn name(self) -> &'static str {
        match self {
            Isa::Portable => "portable",
            #[cfg(target_arch = "x86_64")]
            Isa::Avx512(_) => "avx512",
        }
    }

    /// Runs `work` compiled for this set: inside, everything `work` inlines (the scan loop,
    /// the classification) may use the set's instructions.
    #[inline(always)]
    pub fn run<W: WithIsa>(self, work: W) -> W::Output {
        match self {
            Isa::Portable => work.run(Portable),
            #[cfg(target_arch = "x86_64")]
            Isa::Avx512(simd) => simd.vectorize(
                #[inline(always)]
                move || work.run(simd),
            ),
        }
    }
}

/// Classifies one block.
pub(crate) trait Classify: Copy {
    fn block(self, b: &[u8; BLOCK], t: &Triggers) -> Classes;
}

/// The 16-byte vectors of `wide`, combined lane by lane before a class becomes bits.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Portable;

impl Classify for Portable {
    #[inline(always)]
    fn block(self, b: &[u8; BLOCK], t: &Triggers) -> Classes {
        portable_block(b, t)
    }
}

#[inline(always)]
fn portable_block(b: &[u8; BLOCK], t: &Triggers) -> Classes {
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
    let backslash = is(b'\\');
    let high = bits(x);
    let colons = bits(colon);
    Classes {
        digit: bits(x.map(|x| below(x - s(b'0'), 10))),
        zero: bits(is(b'0')),
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
        latin: match high {
            0 => 0,
            _ => bits(x.map(|x| x.simd_eq(s(0xC3)))),
        },
        sign: match high {
            0 => 0,
            _ => bits(x.map(|x| x.simd_eq(s(0x97)) | x.simd_eq(s(0xB7)))),
        },
        backslash: bits(backslash),
        slash: bits(is(b'/')),
    }
}

/// The tests of one block that a set whose compares give bit masks answers.
trait BitTests: Copy {
    /// The bytes equal to `c`.
    fn eq(self, c: u8) -> u64;
    /// The bytes in `lo..lo + n`.
    fn within(self, lo: u8, n: u8) -> u64;
    /// The bytes whose lower case (ASCII) is in `lo..lo + n`.
    fn within_lower(self, lo: u8, n: u8) -> u64;
    /// The bytes above ASCII.
    fn high(self) -> u64;
}

/// The classes from per-byte bit masks (the same classes as [`portable_block`]).
#[inline(always)]
fn from_bits<T: BitTests>(x: T, t: &Triggers) -> Classes {
    let (colon, plus, high) = (x.eq(b':'), x.eq(b'+'), x.high());
    let digit = x.within(b'0', 10);
    let (mail, phone) = (x.eq(b'@') | x.eq(b'%'), plus | x.eq(b'('));
    Classes {
        digit,
        zero: x.eq(b'0'),
        letter: x.within_lower(b'a', 26) | x.eq(b'_') | high,
        upper: x.within(b'A', 26),
        join: x.eq(b' ') | x.eq(b'-') | plus,
        dot: x.eq(b'.'),
        other: match t.all {
            true => mail | phone | colon,
            false => (mail & t.at_bits) | (phone & t.plus_bits) | (colon & t.colon_bits),
        },
        colon,
        v6: match colon {
            0 => !0,
            _ => digit | x.within_lower(b'a', 6) | colon,
        },
        high,
        cont: match high {
            0 => 0,
            _ => x.within(0x80, 0x40),
        },
        latin: match high {
            0 => 0,
            _ => x.eq(0xC3),
        },
        sign: match high {
            0 => 0,
            _ => x.eq(0x97) | x.eq(0xB7),
        },
        backslash: x.eq(b'\\'),
        slash: x.eq(b'/'),
    }
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use super::{BLOCK, BitTests, Classes, Classify, Triggers, from_bits};
    use pulp::u8x64;
    use pulp::x86::V4;

    /// A block in one AVX-512 register, and its bytes with `0x20` set (ASCII lower case).
    #[derive(Clone, Copy)]
    struct Zmm {
        simd: V4,
        x: u8x64,
        lower: u8x64,
    }

    impl BitTests for Zmm {
        #[inline(always)]
        fn eq(self, c: u8) -> u64 {
            self.simd.cmp_eq_u8x64(self.x, self.simd.splat_u8x64(c)).0
        }
        #[inline(always)]
        fn within(self, lo: u8, n: u8) -> u64 {
            let s = |c| self.simd.splat_u8x64(c);
            self.simd
                .cmp_lt_u8x64(self.simd.wrapping_sub_u8x64(self.x, s(lo)), s(n))
                .0
        }
        #[inline(always)]
        fn within_lower(self, lo: u8, n: u8) -> u64 {
            let s = |c| self.simd.splat_u8x64(c);
            self.simd
                .cmp_lt_u8x64(self.simd.wrapping_sub_u8x64(self.lower, s(lo)), s(n))
                .0
        }
        #[inline(always)]
        fn high(self) -> u64 {
            self.simd.avx512bw._mm512_movepi8_mask(pulp::cast(self.x))
        }
    }

    impl Classify for V4 {
        #[inline(always)]
        fn block(self, b: &[u8; BLOCK], t: &Triggers) -> Classes {
            let x: u8x64 = pulp::cast(*b);
            let lower = self.or_u8x64(x, self.splat_u8x64(0x20));
            from_bits(
                Zmm {
                    simd: self,
                    x,
                    lower,
                },
                t,
            )
        }
    }
}

/// The classes of the block of `hay` at `at` (NUL-padded past the end).
#[inline(always)]
pub(crate) fn classify<C: Classify>(c: C, hay: &[u8], at: usize, t: &Triggers) -> Classes {
    match hay.get(at..at + BLOCK) {
        Some(b) => c.block(b.try_into().expect("64 bytes"), t),
        None => {
            let mut b = [0u8; BLOCK];
            let rest = hay.get(at..).unwrap_or(&[]);
            b[..rest.len()].copy_from_slice(rest);
            c.block(&b, t)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks every class of every block of `hay` against the byte tests.
    struct AgreeWithScalarCode<'a>(&'a [u8]);

    impl WithIsa for AgreeWithScalarCode<'_> {
        type Output = ();

        fn run<C: Classify>(self, isa: C) {
            let all = self.0;
            for (at_on, plus_on, colon_on) in [(true, true, true), (false, true, false)] {
                let t = Triggers::new(at_on, plus_on, colon_on);
                for at in (0..all.len() + 2 * BLOCK).step_by(BLOCK / 2 - 3) {
                    let c = classify(isa, all, at, &t);
                    for j in 0..BLOCK {
                        let x = all.get(at + j).copied().unwrap_or(0);
                        let bit = |m: u64| m >> j & 1 == 1;
                        assert_eq!(bit(c.word()), super::super::is_word(x), "word {x}");
                        assert_eq!(bit(c.digit), x.is_ascii_digit(), "digit {x}");
                        assert_eq!(bit(c.zero), x == b'0', "zero {x}");
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
                        assert_eq!(bit(c.latin), x == 0xC3, "latin {x}");
                        assert_eq!(bit(c.sign), x == 0x97 || x == 0xB7, "sign {x}");
                        assert_eq!(bit(c.backslash), x == b'\\', "backslash {x}");
                        assert_eq!(bit(c.slash), x == b'/', "slash {x}");
                    }
                }
            }
        }
    }

    #[test]
    fn classes_agree_with_scalar_code() {
        // Every byte value in order, twice, then bytes in a scrambled order (a linear
        // congruential sequence), so that a lane or half put in the wrong place shows.
        let mut all: Vec<u8> = (0..=255u8).chain(0..=255u8).collect();
        let mut r: u32 = 1;
        all.extend((0..1024).map(|_| {
            r = r.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (r >> 16).to_le_bytes()[0]
        }));
        let sets = Isa::available();
        eprintln!(
            "instruction sets here: {:?}",
            sets.iter().map(|s| s.name()).collect::<Vec<_>>()
        );
        for isa in sets {
            isa.run(AgreeWithScalarCode(&all));
        }
    }
}
