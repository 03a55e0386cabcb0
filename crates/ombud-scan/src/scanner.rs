//! The [`Scanner`]: immutable, cheap to share across threads, built by [`ScannerBuilder`].

use crate::detect::keywords::Keywords;
use crate::detect::{self, Config, Date, Hit};
use crate::kind::{Finding, Kind, KindSet, Sink};
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

/// Bytes each side of a window that decisions may look at, bounding the longest finding.
const CONTEXT: usize = 512;
/// Default chunk size for streams.
pub const DEFAULT_CHUNK: usize = 1 << 20;
/// Smallest accepted chunk size.
pub const MIN_CHUNK: usize = 8 * CONTEXT;
/// Size of the block checked for NUL bytes to call a file binary.
pub const BINARY_PROBE: usize = 8192;

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

    /// Chunk size for streamed input (default 1 MiB, at least [`MIN_CHUNK`]).
    pub fn chunk_size(mut self, bytes: usize) -> Self {
        self.chunk = bytes.max(MIN_CHUNK);
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

/// Where to cut a window: after a byte no finding can contain or look across.
fn safe_cut(window: &[u8]) -> Option<usize> {
    let from = window.len() - window.len() / 4;
    memchr::memrchr3(b'\n', b'"', b'\t', &window[from..]).map(|i| from + i + 1)
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

    /// Runs every detector over `hay` as one window, hits sorted by position.
    fn hits(&self, hay: &[u8], out: &mut Vec<Hit>) {
        out.clear();
        detect::scan_all(hay, &self.cfg, self.keywords.as_ref(), out);
    }

    /// Scans one window and reports hits starting in `from..until`, offset by `base`.
    fn window<S: Sink + ?Sized>(
        &self,
        hay: &[u8],
        from: usize,
        until: usize,
        base: u64,
        buf: &mut Vec<Hit>,
        sink: &mut S,
    ) -> u64 {
        self.hits(hay, buf);
        let mut n = 0;
        for h in buf.iter().filter(|h| h.start >= from && h.start < until) {
            let f = Finding {
                start: base + h.start as u64,
                end: base + h.end as u64,
                kind: h.kind,
                confidence: h.confidence,
                detector: h.detector,
            };
            sink.finding(&f, &hay[h.start..h.end]);
            n += 1;
        }
        n
    }

    /// Scans a byte slice. Offsets are into `hay`. Large slices are processed in windows
    /// exactly like streams, so memory for intermediate results stays bounded.
    pub fn scan_bytes<S: Sink + ?Sized>(&self, hay: &[u8], sink: &mut S) -> u64 {
        let mut buf = Vec::new();
        let mut start = 0usize;
        let mut from = 0usize;
        let mut found = 0;
        loop {
            let end = (start + self.chunk).min(hay.len());
            let w = &hay[start..end];
            if end == hay.len() {
                found += self.window(w, from, w.len(), start as u64, &mut buf, sink);
                return found;
            }
            match safe_cut(w) {
                Some(cut) => {
                    found += self.window(&w[..cut], from, cut, start as u64, &mut buf, sink);
                    start += cut;
                    from = 0;
                }
                None => {
                    let until = w.len() - CONTEXT;
                    found += self.window(w, from, until, start as u64, &mut buf, sink);
                    start += w.len() - 2 * CONTEXT;
                    from = CONTEXT;
                }
            }
        }
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
        let mut buf = Vec::new();
        self.window(
            hay,
            0,
            hay.len(),
            0,
            &mut buf,
            &mut |f: &Finding, _: &[u8]| v.push(*f),
        );
        v
    }

    /// Whether `value` on its own is found as a whole by this scanner as `kind`: the check a
    /// finding's value passes by construction.
    pub fn revalidate(&self, kind: Kind, value: &[u8]) -> bool {
        self.find_all_unchunked(value)
            .iter()
            .any(|f| f.kind == kind && f.start == 0 && f.end == value.len() as u64)
    }

    /// Scans a stream in chunks with bounded memory (about twice the chunk size).
    pub fn scan_reader<R: Read, S: Sink + ?Sized>(
        &self,
        reader: R,
        sink: &mut S,
    ) -> io::Result<StreamOutcome> {
        self.scan_stream(reader, sink, false, None)
    }

    /// Scans a stream; with `skip_binary`, a NUL byte in the first block skips it.
    /// `progress` (if any) is increased by the bytes scanned, chunk by chunk.
    pub fn scan_stream<R: Read, S: Sink + ?Sized>(
        &self,
        mut reader: R,
        sink: &mut S,
        skip_binary: bool,
        progress: Option<&AtomicU64>,
    ) -> io::Result<StreamOutcome> {
        let mut out = StreamOutcome::default();
        let mut data = vec![0u8; self.chunk];
        let mut hits = Vec::new();
        let mut filled = 0usize;
        let mut base = 0u64;
        let mut from = 0usize;
        let mut first = true;
        loop {
            let mut eof = false;
            while filled < data.len() {
                match reader.read(&mut data[filled..]) {
                    Ok(0) => {
                        eof = true;
                        break;
                    }
                    Ok(n) => {
                        filled += n;
                        if let Some(p) = progress {
                            p.fetch_add(n as u64, Ordering::Relaxed);
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            }
            if first {
                first = false;
                if skip_binary && memchr::memchr(0, &data[..filled.min(BINARY_PROBE)]).is_some() {
                    out.binary = true;
                    return Ok(out);
                }
            }
            let w = &data[..filled];
            let (keep_from, next_from) = if eof {
                out.findings += self.window(w, from, w.len(), base, &mut hits, sink);
                out.bytes = base + filled as u64;
                return Ok(out);
            } else if let Some(cut) = safe_cut(w) {
                out.findings += self.window(&w[..cut], from, cut, base, &mut hits, sink);
                (cut, 0)
            } else {
                let until = w.len() - CONTEXT;
                out.findings += self.window(w, from, until, base, &mut hits, sink);
                (w.len() - 2 * CONTEXT, CONTEXT)
            };
            data.copy_within(keep_from..filled, 0);
            filled -= keep_from;
            base += keep_from as u64;
            from = next_from;
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
            self.scan_stream(
                flate2::read::MultiGzDecoder::new(file),
                sink,
                true,
                progress,
            )
        } else {
            self.scan_stream(file, sink, true, progress)
        }
    }
}
