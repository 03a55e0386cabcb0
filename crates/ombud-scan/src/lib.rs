//! # ombud-scan: finds personal data in bytes, files and directory trees
//!
//! Discovery for a data protection officer: where do personnummer, e-mail addresses, phone
//! numbers, IBANs, card numbers, IP addresses and indicators of special categories live?
//! The scanner is built to be **exact** (every number is validated, not just pattern-matched)
//! and **fast** (a prefilter finds candidate bytes; detectors validate locally).
//!
//! ## Design
//!
//! * [`Scanner`] is immutable and reusable (share it across threads by reference); it is
//!   built by [`ScannerBuilder`] with the [`KindSet`] to look for and, for reproducible
//!   results, a reference date for the age rules of identity numbers.
//! * **Prefilter.** One pass over each window classifies 64-byte blocks into bit masks
//!   (digits, letters, capitals, joiners, dots, `@ % + ( :`), 16 bytes at a time with portable
//!   vectors. Digit runs whose shape fits no number kind (shorter than ten digits and not
//!   joined to a further group, not a dotted quad, not after two capitals) are dropped from
//!   the masks; at each remaining trigger the owning detector reads a small token around it
//!   and validates it, then the scan continues after the token. Indicator words
//!   are looked up only at letter-led word starts: a hash set of the entries' first four
//!   bytes rejects almost all of them and an anchored Aho-Corasick automaton confirms the rest.
//! * **Detectors** ([`detect`]): `personnummer` / `samordningsnummer` / `organisationsnummer`
//!   (every notation, Luhn, calendar date, century rule), `email`, `phone` (Swedish national
//!   and `+`/`00` international), `ip_address` (IPv4 and IPv6), `iban` (country length and
//!   mod 97), `payment_card` (length, issuer prefix, Luhn) and nine
//!   `special_category:*` word lists in Swedish and English. Numbers inside longer digit runs
//!   or glued to letters are not reported.
//! * **Streaming.** Readers are consumed in chunks (1 MiB by default). Each window's own
//!   part ends right after a *cut byte* (`\n`, `"` or tab) found in its last quarter, or
//!   after a whole chunk on a very long line, and the window reaches 512 bytes further on
//!   either side; it reports only the findings that start in its own part. No finding
//!   contains a cut byte and no decision looks further than 512 bytes, so findings are
//!   exactly those of an unchunked scan and each is reported once. A stream longer than a
//!   chunk is read up to one chunk per thread of the current rayon pool at a time (the
//!   chunks beyond a stream's first come from one budget for the process), and those
//!   windows are scanned in parallel. Memory stays a few chunks per file whatever its size.
//! * **Files** ([`Scanner::scan_file`]): `.gz` is decompressed on the fly (offsets are into the
//!   decompressed stream). UTF-16 text is recognised from the first 8 KiB and read one byte
//!   per code unit (offsets map back to the file's bytes); otherwise a NUL byte in the first
//!   8 KiB marks a file binary and skips it. A plain file longer than a chunk, while other
//!   threads are free to help, is read by position (on Unix): each task reads one own part with its context and the zone (a
//!   sixteenth of a chunk) before it, where the part begins right after the zone's last cut
//!   byte, and scans it on the core that read it; up to one part per thread at a time, from
//!   the same budget, reported in order while the next round is read and scanned.
//! * **Directories** ([`walk::scan_paths`]): files are listed, then scanned in parallel with
//!   rayon, one file per task; results go to a [`walk::Visitor`].
//! * Findings reach a [`Sink`] (any `FnMut(&Finding, &[u8])`) in ascending start order per
//!   input, with the matched bytes; [`mask`] masks them for display.
//!
//! ## Example
//!
//! ```
//! use ombud_scan::{Kind, KindSet, Scanner};
//!
//! let scanner = Scanner::builder()
//!     .kinds(KindSet::parse_list("personnummer,email,phone").unwrap())
//!     .reference_date(2026, 1, 1)
//!     .build();
//! let text = b"Kund 811218-9876, anna@example.se, tel 070-123 45 67; order 811218-9877.";
//! let mut found = Vec::new();
//! scanner.scan_bytes(text, &mut |f: &ombud_scan::Finding, value: &[u8]| {
//!     found.push((f.kind, ombud_scan::mask(f.kind, value)));
//! });
//! assert_eq!(
//!     found,
//!     vec![
//!         (Kind::Personnummer, "811218-****".to_string()),
//!         (Kind::Email, "a***@example.se".to_string()),
//!         (Kind::Phone, "070-*** ** **".to_string()),
//!     ]
//! );
//! ```
//!
//! ## The `ombud scan` command-line contract
//!
//! `ombud scan [--format jsonl|json|table] [--kinds k1,k2,…] [--show-values] [--threads N] PATH…`
//!
//! * `jsonl` (default): one JSON object per finding per line with `path`, `start`, `end`
//!   (byte offsets into the file, of the decompressed stream for `.gz`, end exclusive),
//!   `kind`, `confidence` (0–1), `detector` and `value` (masked unless `--show-values`).
//! * `json`: one document `{"findings":[…],"files_scanned":N,"binary_skipped":N,"errors":N,
//!   "bytes_scanned":N}`.
//! * `table`: a summary line per file and kind.
//! * Exit status 0 when the scan completed (found or not); 2 when some path could not be
//!   read (reported on stderr, the rest is still scanned) or on a usage error.
//!
//! See `docs/scan.md` in the repository for the full contract.

pub mod detect;
mod encoding;
mod kind;
mod mask;
mod scanner;
pub mod walk;

pub use detect::{COLUMN_DETECTOR, Date, KEYED_DETECTOR};
pub use encoding::value_text;
pub use kind::{Category, Finding, Kind, KindSet, Sink, UnknownKind};
pub use mask::mask;
pub use scanner::{
    BINARY_PROBE, DEFAULT_CHUNK, MAX_CHUNK, MAX_LANES, MIN_CHUNK, Scanner, ScannerBuilder,
    StreamOutcome,
};
