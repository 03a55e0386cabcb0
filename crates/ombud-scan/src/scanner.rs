//! The [`Scanner`]: immutable, cheap to share across threads, built by [`ScannerBuilder`].

use crate::detect::keywords::{DETECTOR as KEYWORDS_DETECTOR, Keywords};
use crate::detect::{self, Config, Date, Hit};
use crate::encoding;
use crate::kind::{Finding, Kind, KindSet, Sink};
use rayon::prelude::*;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// Bytes each side of a window that decisions may look at, bounding the longest finding.
const CONTEXT: usize = 512;
/// Default chunk size for streams.
pub const DEFAULT_CHUNK: usize = 1 << 20;
/// Smallest accepted chunk size.
pub const MIN_CHUNK: usize = 8 * CONTEXT;
/// Largest accepted chunk size.
pub const MAX_CHUNK: usize = 256 << 20;
/// Size of the block checked for NUL bytes to call a file binary.
pub const BINARY_PROBE: usize = 8192;

/// The bytes a stream is first read into (more only when it is longer); they hold the
/// binary probe.
const FIRST_READ: usize = 64 * 1024;
const _: () = assert!(FIRST_READ >= BINARY_PROBE);
/// Most chunks of one stream scanned at the same time.
pub const MAX_LANES: usize = 16;

/// Builds a [`Scanner`].
#[derive(Debug, Clone)]
pub struct ScannerBuilder {
    kinds: KindSet,
    today: Option<Date>,
    chunk: usize,
}

impl Default for ScannerBuilder {
    fn default() -> Self {
        ScannerBuilder {
            kinds: KindSet::all(),
            today: None,
            chunk: DEFAULT_CHUNK,
        }
    }
}

impl ScannerBuilder {
    /// Enables exactly these kinds (default: all).
    pub fn kinds(mut self, kinds: KindSet) -> Self {
        self.kinds = kinds;
        self
    }

    /// Date against which birth dates and centuries of identity numbers are judged
    /// (default: today, from the system clock).
    pub fn reference_date(mut self, year: i32, month: u32, day: u32) -> Self {
        self.today = Some(Date { year, month, day });
        self
    }

    /// Chunk size for streamed input (default 1 MiB, between [`MIN_CHUNK`] and
    /// [`MAX_CHUNK`]).
    pub fn chunk_size(mut self, bytes: usize) -> Self {
        self.chunk = bytes.clamp(MIN_CHUNK, MAX_CHUNK);
        self
    }

    /// Compiles the scanner.
    pub fn build(self) -> Scanner {
        let kinds = self.kinds;
        let keywords = if kinds.any_special() {
            Keywords::new(|c| kinds.contains(Kind::SpecialCategory(c)))
        } else {
            None
        };
        Scanner {
            cfg: Config::new(kinds, self.today.unwrap_or_else(Date::today)),
            keywords,
            chunk: self.chunk,
        }
    }
}

/// What happened to one file or stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StreamOutcome {
    /// Bytes scanned (decompressed bytes for `.gz`).
    pub bytes: u64,
    /// The first block held a NUL byte: the input was skipped as binary.
    pub binary: bool,
    /// Number of findings reported.
    pub findings: u64,
}

/// An immutable, reusable scanner. See the crate documentation.
#[derive(Debug, Clone)]
pub struct Scanner {
    cfg: Config,
    keywords: Option<Keywords>,
    chunk: usize,
}

impl Default for Scanner {
    fn default() -> Self {
        Scanner::builder().build()
    }
}

/// Chunks that streams hold beyond their first, counted over the whole process.
static EXTRA_LANES: AtomicUsize = AtomicUsize::new(0);

/// Chunks one stream holds beyond its first, given back when it ends.
struct Lanes(usize);

impl Lanes {
    /// A chunk for every other thread of the current rayon pool, while the process holds
    /// fewer than that many.
    fn per_thread() -> Lanes {
        let others = rayon::current_num_threads().clamp(1, MAX_LANES) - 1;
        Lanes::take(others, others)
    }

    /// Up to `want` chunks, while fewer than `budget` are held in the process.
    fn take(want: usize, budget: usize) -> Lanes {
        let mut held = EXTRA_LANES.load(Ordering::Relaxed);
        loop {
            let n = want.min(budget.saturating_sub(held));
            if n == 0 {
                return Lanes(0);
            }
            match EXTRA_LANES.compare_exchange_weak(
                held,
                held + n,
                Ordering::AcqRel,
                Ordering::Relaxed,
            ) {
                Ok(_) => return Lanes(n),
                Err(now) => held = now,
            }
        }
    }
}

impl Drop for Lanes {
    fn drop(&mut self) {
        EXTRA_LANES.fetch_sub(self.0, Ordering::AcqRel);
    }
}

/// Reads into `data[*filled..]` until it is full or the input ends; returns whether it
/// ended.
fn fill<R: Read>(
    reader: &mut R,
    data: &mut [u8],
    filled: &mut usize,
    progress: Option<&AtomicU64>,
) -> io::Result<bool> {
    while *filled < data.len() {
        match reader.read(&mut data[*filled..]) {
            Ok(0) => return Ok(true),
            Ok(n) => {
                *filled += n;
                if let Some(p) = progress {
                    p.fetch_add(n as u64, Ordering::Relaxed);
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(false)
}

/// Where to cut a window: after a byte no finding can contain or look across.
fn safe_cut(window: &[u8]) -> Option<usize> {
    let from = window.len() - window.len() / 4;
    memchr::memrchr3(b'\n', b'"', b'\t', &window[from..]).map(|i| from + i + 1)
}

/// One window of a buffer: its bytes are `start..end`, and it reports the findings that
/// start in `start + from..start + until` (the rest belong to its neighbours).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Window {
    start: usize,
    end: usize,
    from: usize,
    until: usize,
}

/// How a buffer is cut into windows.
#[derive(Debug, Default, PartialEq, Eq)]
struct Plan {
    windows: Vec<Window>,
    /// Bytes at the front of the buffer that later windows no longer need.
    consumed: usize,
    /// Where the next own part starts, counted from `consumed`.
    next_from: usize,
}

/// Cuts `buf` into windows. Own parts follow each other from `from` on: each ends right
/// after the last cut byte in the final quarter of the `chunk` bytes from its start (so no
/// finding crosses it), or after `chunk` bytes when there is none. A window is its own
/// part with up to [`CONTEXT`] bytes on either side, so that every decision sees the same
/// bytes as in one scan of the whole input. With `eof` the last own part takes all that is
/// left; otherwise a rest too short for a further own part and its context waits for input.
fn plan(buf: &[u8], chunk: usize, from: usize, eof: bool) -> Plan {
    let mut windows = Vec::new();
    let mut own = from;
    loop {
        let left = buf.len() - own;
        let end = if eof && left <= chunk {
            buf.len()
        } else if left < chunk + CONTEXT && !eof {
            let consumed = own - own.min(CONTEXT);
            return Plan {
                windows,
                consumed,
                next_from: own - consumed,
            };
        } else {
            own + safe_cut(&buf[own..own + chunk]).unwrap_or(chunk)
        };
        let start = own - own.min(CONTEXT);
        windows.push(Window {
            start,
            end: (end + CONTEXT).min(buf.len()),
            from: own - start,
            until: end - start,
        });
        if end == buf.len() {
            return Plan {
                windows,
                consumed: buf.len(),
                next_from: 0,
            };
        }
        own = end;
    }
}

/// One own part of a file read by position, with what its scan found.
#[cfg(unix)]
#[derive(Debug)]
struct Part {
    /// The bytes read: the zone before the own part, context, the own part, context.
    buf: Vec<u8>,
    /// File offset of `buf[0]`.
    offset: u64,
    /// The window to scan, relative to `buf`.
    window: Window,
    hits: Vec<Hit>,
    /// How reading it went.
    result: io::Result<()>,
}

#[cfg(unix)]
impl Default for Part {
    fn default() -> Part {
        Part {
            buf: Vec::new(),
            offset: 0,
            window: Window::default(),
            hits: Vec::new(),
            result: Ok(()),
        }
    }
}

#[cfg(unix)]
impl Part {
    /// Reads own part `k` of a file of `len` bytes cut into parts of about `chunk` bytes.
    /// Own part `k` runs from boundary `k` to boundary `k + 1`; boundary `k` lies right after
    /// the last cut byte of the zone (a sixteenth of a chunk) before `k * chunk`, or at
    /// `k * chunk` when the zone holds none. Both tasks next to a boundary read its zone and
    /// so agree on it without waiting for each other.
    fn load(&mut self, file: &File, k: u64, chunk: u64, len: u64) -> io::Result<()> {
        use std::os::unix::fs::FileExt;
        let zone = chunk / 16;
        let lo = k * chunk;
        let hi = len.min(lo + chunk);
        self.offset = lo - lo.min(zone + CONTEXT as u64);
        let end = len.min(hi + CONTEXT as u64);
        self.buf.resize((end - self.offset) as usize, 0);
        file.read_exact_at(&mut self.buf, self.offset)
            .map_err(|e| match e.kind() {
                io::ErrorKind::UnexpectedEof => {
                    io::Error::new(e.kind(), "the file shrank while it was scanned")
                }
                _ => e,
            })?;
        let boundary = |at: u64| -> usize {
            let at = (at - self.offset) as usize;
            let from = at - zone as usize;
            memchr::memrchr3(b'\n', b'"', b'\t', &self.buf[from..at]).map_or(at, |i| from + i + 1)
        };
        let own_start = if k == 0 { 0 } else { boundary(lo) };
        let own_end = if hi == len {
            self.buf.len()
        } else {
            boundary(hi)
        };
        let start = own_start - own_start.min(CONTEXT);
        self.window = Window {
            start,
            end: self.buf.len().min(own_end + CONTEXT),
            from: own_start - start,
            until: own_end - start,
        };
        Ok(())
    }
}

/// A reader of the statements of the file that starts with `head`, if it is an SQL dump
/// and column names can matter (only the number detectors ask for them).
fn sql_tracker(cfg: &Config, head: &[u8]) -> Option<detect::sql::Tracker> {
    (cfg.digits() && detect::sql::sniff(head)).then(|| detect::sql::Tracker::new(head))
}

/// The tables of `hay` as a whole, if it is an SQL dump.
fn sql_sections(cfg: &Config, hay: &[u8]) -> Option<detect::sql::Sections> {
    sql_tracker(cfg, hay).map(|mut t| t.feed(hay, 0, true))
}

impl Scanner {
    /// A builder with every kind enabled.
    pub fn builder() -> ScannerBuilder {
        ScannerBuilder::default()
    }

    /// The enabled kinds.
    pub fn kinds(&self) -> KindSet {
        self.cfg.kinds
    }

    /// Runs every detector over `hay` as one window of a file configured by `cfg`, hits
    /// sorted by position.
    fn hits(&self, cfg: &Config, hay: &[u8], out: &mut Vec<Hit>) {
        out.clear();
        detect::scan_all(hay, cfg, self.keywords.as_ref(), out);
    }

    /// Reports the hits of window `w` of `buf` that start in its own part, offset by `base`.
    /// Indicator words in the header line of a delimited file name columns, not anyone's
    /// data, and are left out (`cfg` knows the header).
    fn report<S: Sink + ?Sized>(
        &self,
        cfg: &Config,
        buf: &[u8],
        w: &Window,
        hits: &[Hit],
        base: u64,
        sink: &mut S,
    ) -> u64 {
        let hay = &buf[w.start..w.end];
        let offset = base + w.start as u64;
        let header = cfg.columns.as_ref().map_or(0..0, |c| {
            let h = c.header();
            h.start as u64..h.end as u64
        });
        let mut n = 0;
        for h in hits.iter().filter(|h| {
            h.start >= w.from
                && h.start < w.until
                && !(h.detector == KEYWORDS_DETECTOR && header.contains(&(offset + h.start as u64)))
        }) {
            let f = Finding {
                start: offset + h.start as u64,
                end: offset + h.end as u64,
                kind: h.kind,
                confidence: h.confidence,
                detector: h.detector,
            };
            sink.finding(&f, &hay[h.start..h.end]);
            n += 1;
        }
        n
    }

    /// Scans a byte slice on the calling thread. Offsets are into `hay`. Large slices are
    /// processed in windows exactly like streams, so memory for intermediate results stays
    /// bounded.
    pub fn scan_bytes<S: Sink + ?Sized>(&self, hay: &[u8], sink: &mut S) -> u64 {
        let mut hits = Vec::new();
        let mut found = 0;
        let cfg = self.cfg.for_file(hay);
        let sql = sql_sections(&cfg, hay);
        for w in &plan(hay, self.chunk, 0, true).windows {
            let cfg = cfg.for_window(sql.as_ref(), w.start as u64);
            self.hits(&cfg, &hay[w.start..w.end], &mut hits);
            found += self.report(&cfg, hay, w, &hits, 0, sink);
        }
        found
    }

    /// Convenience: all findings of a slice with their values.
    pub fn find_all(&self, hay: &[u8]) -> Vec<Finding> {
        let mut v = Vec::new();
        self.scan_bytes(hay, &mut |f: &Finding, _: &[u8]| v.push(*f));
        v
    }

    /// Scans `hay` as a single window without chunking (reference behaviour for tests).
    #[doc(hidden)]
    pub fn find_all_unchunked(&self, hay: &[u8]) -> Vec<Finding> {
        let mut v = Vec::new();
        let mut hits = Vec::new();
        let cfg = self
            .cfg
            .for_file(hay)
            .for_window(sql_sections(&self.cfg, hay).as_ref(), 0);
        self.hits(&cfg, hay, &mut hits);
        let whole = Window {
            start: 0,
            end: hay.len(),
            from: 0,
            until: hay.len(),
        };
        self.report(&cfg, hay, &whole, &hits, 0, &mut |f: &Finding, _: &[u8]| {
            v.push(*f)
        });
        v
    }

    /// Whether `value` on its own is found as a whole as `kind` by this scanner with only
    /// that kind enabled: the check a finding's value passes by construction. (Only that
    /// kind, because where one value is valid as two kinds the words before it may decide:
    /// `tel 0701130403` is a phone number, `0701130403` alone an identity number.) A national
    /// number without separators (`08357171`) is reported only where a label calls it a
    /// phone number, and ten bare digits of an estate (`1695902377`, organisation group 1)
    /// only where a label calls them an organisation number, and a compact card number in a
    /// length its brand does not issue (`368002019813106`) only after a card label, and a
    /// number dialled without separators (`0046…`, `46…`) only in a call record or a SIP
    /// URI; alone, each passes the validator of its form.
    pub fn revalidate(&self, kind: Kind, value: &[u8]) -> bool {
        let digits = value.iter().all(u8::is_ascii_digit);
        let labelled_form = match kind {
            Kind::Phone => digits && detect::phone::dialled(value),
            // Compact in a length its brand does not issue: a card after a card label.
            Kind::PaymentCard => digits && detect::card::valid(value),
            Kind::Organisationsnummer => {
                digits
                    && detect::personnummer::organisation_number_with_hyphen(value, self.cfg.today)
            }
            _ => false,
        };
        if labelled_form {
            return true;
        }
        let mut hits = Vec::new();
        match kind {
            // The keyword matcher is dear to build; words never compete with other kinds.
            Kind::SpecialCategory(_) => self.hits(&self.cfg, value, &mut hits),
            _ => {
                let mut only = KindSet::empty();
                only.insert(kind);
                let cfg = Config::new(only, self.cfg.today);
                detect::scan_all(value, &cfg, None, &mut hits);
            }
        }
        hits.iter()
            .any(|h| h.kind == kind && h.start == 0 && h.end == value.len())
    }

    /// Scans a stream in chunks with bounded memory (about twice the chunk size).
    pub fn scan_reader<R: Read + Send, S: Sink + ?Sized>(
        &self,
        reader: R,
        sink: &mut S,
    ) -> io::Result<StreamOutcome> {
        self.scan_stream(reader, sink, false, None)
    }

    /// Scans a stream; with `skip_binary`, a NUL byte in the first block skips it.
    /// `progress` (if any) is increased by the bytes scanned, chunk by chunk.
    ///
    /// Input longer than one chunk is read into a buffer of up to one chunk per thread of
    /// the current rayon pool (at most [`MAX_LANES`]), whose windows are scanned in parallel
    /// and reported in order: a single large file uses every core. The chunks beyond the
    /// first come from one budget for the whole process (a chunk per thread), so files
    /// scanned side by side hold about one chunk each. Then the next buffer is read while
    /// the current one is scanned.
    pub fn scan_stream<R: Read + Send, S: Sink + ?Sized>(
        &self,
        mut reader: R,
        sink: &mut S,
        skip_binary: bool,
        progress: Option<&AtomicU64>,
    ) -> io::Result<StreamOutcome> {
        let mut out = StreamOutcome::default();
        // One own part and its context either side, and at least the binary probe; read
        // first into a small buffer, which holds most files whole: zeroing a full one per
        // file cost a tenth of the time over a tree of small files.
        let full = (self.chunk + 2 * CONTEXT).max(BINARY_PROBE);
        let mut data = vec![0u8; full.min(FIRST_READ)];
        let mut filled = 0usize;
        let mut eof = fill(&mut reader, &mut data, &mut filled, progress)?;
        if skip_binary && memchr::memchr(0, &data[..filled.min(BINARY_PROBE)]).is_some() {
            out.binary = true;
            return Ok(out);
        }
        if !eof && data.len() < full {
            data.resize(full, 0);
            eof = fill(&mut reader, &mut data, &mut filled, progress)?;
        }
        let cfg = self.cfg.for_file(&data[..filled]);
        let mut sql = sql_tracker(&cfg, &data[..filled]);
        let extra = match eof {
            true => Lanes(0),
            false => Lanes::per_thread(),
        };
        if extra.0 > 0 {
            data.resize(self.chunk * (1 + extra.0) + 2 * CONTEXT, 0);
            eof = fill(&mut reader, &mut data, &mut filled, progress)?;
        }
        // With several chunks at a time, the next buffer is read while this one is scanned.
        let mut spare = match extra.0 {
            0 => Vec::new(),
            _ => vec![0u8; data.len()],
        };
        let mut hits: Vec<Vec<Hit>> = Vec::new();
        let mut base = 0u64;
        let mut from = 0usize;
        loop {
            let p = plan(&data[..filled], self.chunk, from, eof);
            hits.resize_with(p.windows.len(), Vec::new);
            // The statements of a dump are read in order, before its windows are scanned.
            let tables = sql.as_mut().map(|t| t.feed(&data[..filled], base, eof));
            let scan = |hits: &mut Vec<Vec<Hit>>| {
                let one = |(w, out): (&Window, &mut Vec<Hit>)| {
                    let cfg = cfg.for_window(tables.as_ref(), base + w.start as u64);
                    self.hits(&cfg, &data[w.start..w.end], out)
                };
                match p.windows.len() {
                    0 | 1 => p.windows.iter().zip(hits.iter_mut()).for_each(one),
                    _ => p.windows.par_iter().zip(hits.par_iter_mut()).for_each(one),
                }
            };
            let rest = filled - p.consumed;
            let mut next = None;
            if !eof && !spare.is_empty() {
                spare[..rest].copy_from_slice(&data[p.consumed..filled]);
                let mut spare_filled = rest;
                let ((), read) = rayon::join(
                    || scan(&mut hits),
                    || fill(&mut reader, &mut spare, &mut spare_filled, progress),
                );
                next = Some((read, spare_filled));
            } else {
                scan(&mut hits);
            }
            for (w, h) in p.windows.iter().zip(&hits) {
                out.findings += self.report(&cfg, &data, w, h, base, sink);
            }
            if eof {
                out.bytes = base + filled as u64;
                return Ok(out);
            }
            base += p.consumed as u64;
            from = p.next_from;
            match next {
                Some((read, next_filled)) => {
                    // A read error counts once this buffer's findings are reported.
                    eof = read?;
                    std::mem::swap(&mut data, &mut spare);
                    filled = next_filled;
                }
                None => {
                    data.copy_within(p.consumed..filled, 0);
                    filled = rest;
                    eof = fill(&mut reader, &mut data, &mut filled, progress)?;
                }
            }
        }
    }

    /// Scans a file; `.gz` files are decompressed on the fly and offsets refer to the
    /// decompressed bytes. Files whose first block holds a NUL byte are skipped as binary.
    pub fn scan_file<S: Sink + ?Sized>(
        &self,
        path: &Path,
        sink: &mut S,
    ) -> io::Result<StreamOutcome> {
        self.scan_file_with_progress(path, sink, None)
    }

    /// Scans a stream without a name (standard input) as [`Scanner::scan_file`] scans a file:
    /// gzip, which a name would announce, is recognised by its magic bytes; UTF-16 and
    /// binary input as in a file. Offsets count the decompressed bytes.
    pub fn scan_unnamed<R: Read + Send, S: Sink + ?Sized>(
        &self,
        mut reader: R,
        sink: &mut S,
    ) -> io::Result<StreamOutcome> {
        let mut magic = [0u8; 2];
        let mut filled = 0;
        fill(&mut reader, &mut magic, &mut filled, None)?;
        let input = io::Cursor::new(magic[..filled].to_vec()).chain(reader);
        if magic[..filled] == [0x1f, 0x8b] {
            return self.scan_text(flate2::read::MultiGzDecoder::new(input), sink, None);
        }
        self.scan_text(input, sink, None)
    }

    /// [`Scanner::scan_file`] that also adds scanned bytes to a progress counter.
    pub fn scan_file_with_progress<S: Sink + ?Sized>(
        &self,
        path: &Path,
        sink: &mut S,
        progress: Option<&AtomicU64>,
    ) -> io::Result<StreamOutcome> {
        let file = File::open(path)?;
        let gz = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
        if gz {
            return self.scan_text(flate2::read::MultiGzDecoder::new(file), sink, progress);
        }
        #[cfg(unix)]
        {
            // With other threads free to take parts (one thread, or a directory whose
            // files keep every thread busy, reads and scans faster as a stream).
            let len = file.metadata()?.len();
            if len > self.chunk as u64 {
                let extra = Lanes::per_thread();
                if extra.0 > 0 {
                    return self.scan_positional(&file, len, extra, sink, progress);
                }
            }
        }
        self.scan_text(file, sink, progress)
    }

    /// Scans a plain file of `len` bytes with positional reads: every own part is read and
    /// scanned by one task, `1 + extra` parts at a time (the extra ones from the same
    /// process-wide budget as [`Scanner::scan_stream`]'s), and reported in order. Each task
    /// reads its own part with its context and the zone before it, so that the bytes land
    /// in the cache of the core that scans them and no thread waits for another's reads. UTF-16 and binary files are sniffed from the first
    /// block as in a stream; a file that shrinks during the scan is an error.
    #[cfg(unix)]
    fn scan_positional<S: Sink + ?Sized>(
        &self,
        file: &File,
        len: u64,
        extra: Lanes,
        sink: &mut S,
        progress: Option<&AtomicU64>,
    ) -> io::Result<StreamOutcome> {
        use std::os::unix::fs::FileExt;
        let mut probe = vec![0u8; BINARY_PROBE.min(len as usize)];
        file.read_exact_at(&mut probe, 0)?;
        if encoding::sniff_utf16(&probe).is_some() {
            // Positional reads leave the file's cursor at the start.
            return self.scan_text(file, sink, progress);
        }
        let mut out = StreamOutcome::default();
        if memchr::memchr(0, &probe).is_some() {
            out.binary = true;
            return Ok(out);
        }
        if sql_tracker(&self.cfg, &probe).is_some() {
            // A dump's statements are read in order (`scan_stream`).
            return self.scan_text(file, sink, progress);
        }
        let cfg = &self.cfg.for_file(&probe);
        let chunk = self.chunk as u64;
        let parts = len.div_ceil(chunk);
        let size = 1 + extra.0;
        // While one round of parts is read and scanned, the thread that called reports the
        // round before it.
        let mut cur: Vec<Part> = (0..size).map(|_| Part::default()).collect();
        let mut prev: Vec<Part> = (0..size).map(|_| Part::default()).collect();
        let mut prev_n = 0;
        let mut k = 0;
        loop {
            let n = size.min((parts - k) as usize);
            rayon::in_place_scope(|s| {
                for (i, p) in cur[..n].iter_mut().enumerate() {
                    s.spawn(move |_| {
                        p.result = p.load(file, k + i as u64, chunk, len);
                        if p.result.is_ok() {
                            self.hits(cfg, &p.buf[p.window.start..p.window.end], &mut p.hits);
                        }
                    });
                }
                for p in &prev[..prev_n] {
                    out.findings += self.report(cfg, &p.buf, &p.window, &p.hits, p.offset, sink);
                    if let Some(progress) = progress {
                        let own = p.window.until - p.window.from;
                        progress.fetch_add(own as u64, Ordering::Relaxed);
                    }
                }
            });
            if let Some(i) = cur[..n].iter().position(|p| p.result.is_err()) {
                // What the parts before the failed one found still counts.
                for p in &cur[..i] {
                    self.report(cfg, &p.buf, &p.window, &p.hits, p.offset, sink);
                }
                return Err(
                    std::mem::replace(&mut cur[i].result, Ok(())).expect_err("a failed part")
                );
            }
            std::mem::swap(&mut cur, &mut prev);
            prev_n = n;
            k += n as u64;
            if n == 0 {
                break;
            }
        }
        out.bytes = len;
        Ok(out)
    }

    /// Scans the text of a file: UTF-16 narrowed to one byte per code unit (offsets mapped
    /// back to the file's bytes), anything else as it is, skipped when binary.
    fn scan_text<R: Read + Send, S: Sink + ?Sized>(
        &self,
        mut reader: R,
        sink: &mut S,
        progress: Option<&AtomicU64>,
    ) -> io::Result<StreamOutcome> {
        let mut probe = vec![0u8; BINARY_PROBE];
        let mut filled = 0;
        fill(&mut reader, &mut probe, &mut filled, None)?;
        probe.truncate(filled);
        let Some(text) = encoding::sniff_utf16(&probe) else {
            // The probe's bytes count towards `progress` as `scan_stream` reads them again.
            return self.scan_stream(io::Cursor::new(probe).chain(reader), sink, true, progress);
        };
        let mut narrow =
            encoding::Narrow::new(io::Cursor::new(probe).chain(reader), text, progress);
        let header = text.header as u64;
        let mut wide = |f: &Finding, value: &[u8]| {
            let f = Finding {
                start: header + 2 * f.start,
                end: header + 2 * f.end,
                ..*f
            };
            sink.finding(&f, value);
        };
        let mut out = self.scan_stream(&mut narrow, &mut wide, false, None)?;
        out.bytes = narrow.consumed();
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kinds `s` finds in `text`, in order.
    fn kinds_found(s: &Scanner, text: &str) -> Vec<&'static str> {
        s.find_all(text.as_bytes())
            .iter()
            .map(|f| f.kind.name())
            .collect()
    }

    /// A compact card number in a length its brand does not issue is a card only after a
    /// card label, and re-validates alone by its form (a sensor's id or a barcode passes
    /// Luhn one time in ten).
    #[test]
    fn unusual_compact_cards_need_a_label() {
        let s = Scanner::builder().reference_date(2026, 6, 15).build();
        let kinds = |text: &str| kinds_found(&s, text);
        assert_eq!(kinds("kort: 368002019813106"), ["payment_card"]);
        assert_eq!(kinds("sensor 368002019813106"), Vec::<&str>::new());
        assert_eq!(kinds("ean 5012345678900 7318765432109"), Vec::<&str>::new());
        assert!(s.revalidate(Kind::PaymentCard, b"368002019813106"));
        assert_eq!(kinds("id 4111111111111111"), ["payment_card"]);
    }

    /// The header of a delimited file names the column of a value whose kind the value
    /// alone leaves open.
    #[test]
    fn column_names_decide_between_readings() {
        let s = Scanner::builder().reference_date(2026, 6, 15).build();
        let kinds = |text: &str| kinds_found(&s, text);
        let csv = "namn;telefon;ocr;skapad_ts\nAnna;0701130403;4111111111111111;1311069148\n";
        assert_eq!(kinds(csv), ["phone"]);
        let csv = "namn;pnr;kort\nAnna;0701130403;4111111111111111\n";
        assert_eq!(kinds(csv), ["personnummer", "payment_card"]);
        // Cells under a column whose name says a special category: a union under `fack`
        // reveals trade-union membership, a faith under `religion` religious beliefs (both
        // Art. 9(1)).
        let csv = "namn,fack,religion\r\nAnna,Kommunal,\"Svenska kyrkan\"\r\nBo,Akavia,-\r\nCia,,ingen\r\nDan,Vision,Islam\r\n";
        let found: Vec<(&str, &str, &str)> = s
            .find_all(csv.as_bytes())
            .iter()
            .map(|f| {
                (
                    f.kind.name(),
                    f.detector,
                    &csv[f.start as usize..f.end as usize],
                )
            })
            .collect();
        assert_eq!(
            found,
            // (The header's own words name columns: `religion` there is no finding.)
            [
                ("special_category:trade_union", "csv_column", "Kommunal"),
                (
                    "special_category:religion",
                    "keywords_sv_en",
                    "Svenska kyrkan"
                ),
                ("special_category:trade_union", "keywords_sv_en", "Akavia"),
                ("special_category:trade_union", "csv_column", "Vision"),
                ("special_category:religion", "keywords_sv_en", "Islam"),
            ]
        );
        // A header in Windows-1252 (`Fackförbund`: union membership, Art. 9(1)), and answers
        // that reveal no category and so are no Art. 9(1) data (`Vill ej
        // uppge`, `Ej svar`) under sensitive columns.
        let csv =
            b"Namn;Fackf\xf6rbund;Diagnos\nAnna;Byggnads;Ej svar\nBo;Vill ej uppge;Tinnitus\nCia;Avst\xe5r;-\n";
        let found: Vec<(&str, &[u8])> = s
            .find_all(csv)
            .iter()
            .map(|f| (f.kind.name(), &csv[f.start as usize..f.end as usize]))
            .collect();
        assert_eq!(
            found,
            [
                ("special_category:trade_union", &b"Byggnads"[..]),
                ("special_category:health", &b"Tinnitus"[..]),
            ]
        );
        // A care unit in a column of departments is where someone works, and a diet by
        // choice under `Allergier/kost` is no health data; an allergy there is (Art. 9(1)).
        let csv = "Namn;Avdelning;Allergier/kost;Anteckning\nAnna;V\u{e5}rdcentralen Centrum;Vegetarisk;\
                   sjukskriven\nBo;Ekonomi;N\u{f6}tallergi;\n";
        let found: Vec<(&str, &str)> = s
            .find_all(csv.as_bytes())
            .iter()
            .map(|f| (f.kind.name(), &csv[f.start as usize..f.end as usize]))
            .collect();
        assert_eq!(
            found,
            [
                ("special_category:health", "sjukskriven"),
                ("special_category:health", "N\u{f6}tallergi"),
            ]
        );
        // Without a header line the values stand on their own.
        let csv = "Anna;0701130403;4111111111111111;1311069148\n";
        assert_eq!(kinds(csv), ["personnummer", "payment_card", "personnummer"]);
    }

    /// Column names written in camel case say their category as spaced ones do: a union's
    /// fee and a church's tax tell membership (Art. 9(1)). A profession in a column of
    /// roles, in a delimited file or a dump, is the writer's or the practitioner's.
    #[test]
    fn camel_case_columns_and_columns_of_roles() {
        let s = Scanner::builder().reference_date(2026, 6, 15).build();
        let found = |text: &str| -> Vec<(&'static str, String)> {
            s.find_all(text.as_bytes())
                .iter()
                .map(|f| {
                    (
                        f.kind.name(),
                        text[f.start as usize..f.end as usize].to_string(),
                    )
                })
                .collect()
        };
        let csv = "EmployeeNo;UnionDeduction;ChurchTax;CostCentre\nNH1;Tekna;Den norske kirke;409\n\
                   NH2;;;410\nNH3;HK Danmark;Folkekirken (kirkeskat);411\n";
        assert_eq!(
            found(csv),
            [
                ("special_category:trade_union", "Tekna".to_string()),
                ("special_category:religion", "Den norske kirke".to_string()),
                ("special_category:trade_union", "HK Danmark".to_string()),
                // (An indicator word in a cell is the finding.)
                ("special_category:religion", "Folkekirken".to_string()),
            ]
        );
        let dump = "COPY ehj.journalanteckning (id, elev_id, yrkesroll, anteckning) FROM stdin;\n\
                    1\t721\tpsykolog\tSamtal om sömnsvårigheter.\n\
                    2\t722\tskolsköterska\tInget anmärkningsvärt.\n\\.\n";
        assert_eq!(
            found(dump),
            [("special_category:health", "sömnsvårigheter".to_string())]
        );
        let dump = "CREATE TABLE bokning (id INTEGER, behandlare TEXT, atgard TEXT);\n\
                    INSERT INTO bokning VALUES(1,'Tandläkare Alm','Extraktion');\n";
        assert_eq!(found(dump), []);
        // A subject of study in a column of courses is no one's membership or faith; the
        // same words in a note about the student are.
        let csv = "Personnummer;Kursnamn;Anteckning\n811218-9876;Arbetsrätt och fackligt arbete;\
                   fackligt ombud\n811218-9876;MA Religion in Peace and Conflict;-\n";
        assert_eq!(
            found(csv),
            [
                ("personnummer", "811218-9876".to_string()),
                ("special_category:trade_union", "fackligt ombud".to_string()),
                ("personnummer", "811218-9876".to_string()),
            ]
        );
        // A table of counts without a column that names a person holds figures about
        // groups; with one, each row is someone's.
        let csv = "län;brottstyp;år;antal;förändring_%\nÖrebro;misshandel;2019;2768;-11.3\n";
        assert_eq!(found(csv), []);
        let csv = "namn;brottstyp;antal\nAnna Berg;misshandel;2\n";
        assert_eq!(
            found(csv),
            [("special_category:criminal", "misshandel".to_string())]
        );
        // Not even under a column whose name says the category; a column of counts names
        // no person (`Antal patienter`); `Country` and `Summary` count nothing.
        let csv = "län;brott;antal\nÖrebro;Rån;12\n";
        assert_eq!(found(csv), []);
        let csv = "Diagnos;Antal patienter;Andel\nAstma;120;4 %\n";
        assert_eq!(found(csv), []);
        let csv = "Id;Summary;Country\n7;Sjukskriven hela veckan;SE\n";
        assert_eq!(
            found(csv),
            [("special_category:health", "Sjukskriven".to_string())]
        );
        // A parish directory's `Church` column names no one's faith; a church's fee does.
        let csv = "Church;Address;church_fee\nDomkyrkan;Storgatan 1;Alby\n";
        assert_eq!(
            found(csv),
            [("special_category:religion", "Alby".to_string())]
        );
        // Whole words of a column's name: a note (`tjänsteanteckning`) is no role
        // (`tjänst`).
        let csv = "Namn;Tjänsteanteckning\nAnna;sjukskriven\n";
        assert_eq!(
            found(csv),
            [("special_category:health", "sjukskriven".to_string())]
        );
        // A blood group is a health record (Art. 9(1) data concerning health), written with
        // a letter or not; a genetic result is genetic data (Art. 4(13)); a result not yet
        // known says nothing.
        let csv = "givar_id;blodgrupp;genetic_screening\nBD1;0+;pending\nBD2;AB RhD-;-\n\
                   BD3;B pos;carrier: SMN1 deletion (SMA)\nBD4;7;\n";
        assert_eq!(
            found(csv),
            [
                ("special_category:health", "0+".to_string()),
                ("special_category:health", "AB RhD-".to_string()),
                ("special_category:health", "B pos".to_string()),
                ("special_category:genetic", "SMN1 deletion".to_string()),
            ]
        );
        // Not a member, in a column of unions (Art. 9(1) trade-union membership); a
        // language in a column of languages is no ethnic origin (Art. 9(1)).
        let csv = "namn;fackforbund;onskat_sprak;minoritet\nAnna;Ej medlem;samiska;\n\
                   Lars;Kommunal;finska;samisk\n";
        assert_eq!(
            found(csv),
            [
                ("special_category:trade_union", "Kommunal".to_string()),
                ("special_category:ethnicity", "samisk".to_string()),
            ]
        );
    }

    /// The own parts of a plan tile the buffer without gaps, each window holds its own part
    /// with at most `CONTEXT` bytes either side, and own parts end after cut bytes.
    #[test]
    fn plans_tile_the_buffer() {
        let chunk = MIN_CHUNK;
        let mut text = Vec::new();
        for i in 0..5_000 {
            text.extend_from_slice(format!("rad {i} ").as_bytes());
            if i % 700 == 0 {
                text.push(b'\n');
            }
        }
        for eof in [false, true] {
            let p = plan(&text, chunk, 0, eof);
            let mut covered = 0;
            for w in &p.windows {
                assert_eq!(w.start + w.from, covered, "own parts follow each other");
                assert!(w.from <= CONTEXT && w.end - (w.start + w.until) <= CONTEXT);
                assert!(w.until - w.from <= chunk);
                covered = w.start + w.until;
                assert!(
                    covered == text.len()
                        || b"\n\"\t".contains(&text[covered - 1])
                        || w.until - w.from == chunk
                );
            }
            if eof {
                assert_eq!((covered, p.consumed), (text.len(), text.len()));
            } else {
                assert_eq!(p.consumed + p.next_from, covered);
                assert!(text.len() - covered < chunk + CONTEXT);
            }
        }
    }
}
