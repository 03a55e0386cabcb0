//! `ombud scan`: finds personal data in files and directories.
//!
//! Output contract (stable; other tools parse it, see `docs/scan.md`):
//! * `--format jsonl` (default): one JSON object per finding per line:
//!   `{"path","start","end","kind","confidence","detector","value"}`; `start`/`end` are byte
//!   offsets into the file (the decompressed stream for `.gz`), end exclusive.
//! * `--format json`: `{"findings":[…],"files_scanned":N,"binary_skipped":N,"errors":N,
//!   "bytes_scanned":N}`.
//! * `--format table`: one line per file and kind with the count, then totals.
//!
//! Exit status: 0 when the scan completed, 2 if a path could not be read (reported on
//! stderr; the rest is still scanned) or on a usage error.

use ombud_scan::walk::{self, Visitor, WalkOptions};
use ombud_scan::{Finding, Kind, KindSet, Scanner, Sink, StreamOutcome, mask};
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

/// Output formats of `ombud scan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per finding per line.
    Jsonl,
    /// One JSON document with all findings and the totals.
    Json,
    /// A summary per file and kind.
    Table,
}

/// Options of `ombud scan`.
#[derive(Debug, clap::Args)]
pub struct ScanArgs {
    /// Files and directories to scan (directories recursively; `.gz` decompressed); `-` is
    /// standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Comma-separated kinds to look for (default: all). `special_category` selects all nine
    /// `special_category:*` kinds.
    #[arg(long, value_parser = parse_kinds)]
    pub kinds: Option<KindSet>,
    /// Print found values in clear instead of masked.
    #[arg(long)]
    pub show_values: bool,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
}

fn parse_kinds(s: &str) -> Result<KindSet, String> {
    let set = KindSet::parse_list(s).map_err(|e| e.to_string())?;
    if set.is_empty() {
        return Err("no kind given".into());
    }
    Ok(set)
}

/// Writes one finding as a JSON object (the `jsonl` line and the `json` array element):
/// `head` is the file's constant start, `{"path":…,"start":`, escaped once per file rather
/// than once per finding. Kind names need no escaping (a test checks them all); the detector
/// and the value go through `serde_json`.
fn write_finding(buf: &mut Vec<u8>, head: &[u8], f: &Finding, value: &str) {
    // Writing into a Vec cannot fail.
    buf.extend_from_slice(head);
    let _ = write!(buf, "{},\"end\":{},\"kind\":\"", f.start, f.end);
    buf.extend_from_slice(f.kind.name().as_bytes());
    buf.extend_from_slice(b"\",\"confidence\":");
    let _ = serde_json::to_writer(&mut *buf, &f.confidence);
    buf.extend_from_slice(b",\"detector\":");
    let _ = serde_json::to_writer(&mut *buf, f.detector);
    buf.extend_from_slice(b",\"value\":");
    let _ = serde_json::to_writer(&mut *buf, value);
    buf.push(b'}');
}

/// The constant start of every finding of the file at `path`.
fn finding_head(path: &str) -> Vec<u8> {
    let mut head = b"{\"path\":".to_vec();
    let _ = serde_json::to_writer(&mut head, path);
    head.extend_from_slice(b",\"start\":");
    head
}

struct Out {
    writer: io::BufWriter<io::Stdout>,
    any_written: bool,
    broken: bool,
}

struct Cli {
    format: Format,
    show_values: bool,
    out: Mutex<Out>,
    table: Mutex<Vec<(String, [u64; Kind::ALL.len()])>>,
    files_scanned: AtomicU64,
    binary_skipped: AtomicU64,
    errors: AtomicU64,
    bytes: AtomicU64,
    files_done: AtomicU64,
}

struct FileSink<'a> {
    cli: &'a Cli,
    path: String,
    /// `{"path":…,"start":`, see [`write_finding`].
    head: Vec<u8>,
    buf: Vec<u8>,
    counts: [u64; Kind::ALL.len()],
}

const FLUSH_AT: usize = 64 * 1024;

impl Cli {
    fn write(&self, bytes: &[u8], separate: bool) {
        let mut out = self.out.lock().unwrap_or_else(|e| e.into_inner());
        if out.broken || bytes.is_empty() {
            return;
        }
        let mut r = Ok(());
        if separate && out.any_written {
            r = out.writer.write_all(b",\n");
        }
        r = r.and_then(|_| out.writer.write_all(bytes));
        out.any_written = true;
        if r.is_err() {
            // Reader went away (e.g. `| head`); stop writing.
            out.broken = true;
        }
    }
}

impl FileSink<'_> {
    fn flush(&mut self) {
        if !self.buf.is_empty() {
            self.cli.write(&self.buf, self.cli.format == Format::Json);
            self.buf.clear();
        }
    }
}

impl Sink for FileSink<'_> {
    fn finding(&mut self, f: &Finding, value: &[u8]) {
        self.counts[f.kind.index()] += 1;
        if self.cli.format == Format::Table {
            return;
        }
        let shown = if self.cli.show_values {
            ombud_scan::value_text(value)
        } else {
            mask(f.kind, value)
        };
        if self.cli.format == Format::Json && !self.buf.is_empty() {
            self.buf.extend_from_slice(b",\n");
        }
        write_finding(&mut self.buf, &self.head, f, &shown);
        if self.cli.format == Format::Jsonl {
            self.buf.push(b'\n');
        }
        if self.buf.len() >= FLUSH_AT {
            self.flush();
        }
    }
}

impl<'a> Visitor for &'a Cli {
    type FileSink = FileSink<'a>;

    fn start_file(&self, path: &Path) -> FileSink<'a> {
        let path = path.display().to_string();
        FileSink {
            cli: self,
            head: finding_head(&path),
            path,
            buf: Vec::new(),
            counts: [0; Kind::ALL.len()],
        }
    }

    fn end_file(&self, path: &Path, mut sink: FileSink<'a>, outcome: io::Result<StreamOutcome>) {
        sink.flush();
        self.files_done.fetch_add(1, Ordering::Relaxed);
        match outcome {
            Ok(o) if o.binary => {
                self.binary_skipped.fetch_add(1, Ordering::Relaxed);
            }
            Ok(o) => {
                self.files_scanned.fetch_add(1, Ordering::Relaxed);
                self.bytes.fetch_add(o.bytes, Ordering::Relaxed);
                if self.format == Format::Table {
                    self.table
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push((sink.path, sink.counts));
                }
            }
            Err(e) => self.walk_error(path, e),
        }
    }

    fn walk_error(&self, path: &Path, error: io::Error) {
        self.errors.fetch_add(1, Ordering::Relaxed);
        eprintln!("ombud scan: {}: {error}", path.display());
    }
}

/// Runs `ombud scan`.
pub fn run(args: ScanArgs) -> ExitCode {
    let scanner = Scanner::builder()
        .kinds(args.kinds.unwrap_or_else(KindSet::all))
        .build();
    let cli = Cli {
        format: args.format,
        show_values: args.show_values,
        out: Mutex::new(Out {
            writer: io::BufWriter::with_capacity(256 * 1024, io::stdout()),
            any_written: false,
            broken: false,
        }),
        table: Mutex::new(Vec::new()),
        files_scanned: AtomicU64::new(0),
        binary_skipped: AtomicU64::new(0),
        errors: AtomicU64::new(0),
        bytes: AtomicU64::new(0),
        files_done: AtomicU64::new(0),
    };
    let visitor = &cli;
    // `-` is standard input, scanned first (once, however often it is named).
    let stdin = Path::new("-");
    let (named, unnamed): (Vec<PathBuf>, Vec<PathBuf>) =
        args.paths.into_iter().partition(|p| p != stdin);
    let files = walk::collect_files(&named, &mut |p, e| visitor.walk_error(p, e));
    let total_size: u64 = files.iter().map(|(_, n)| n).sum();
    let paths: Vec<PathBuf> = files.into_iter().map(|(p, _)| p).collect();

    if cli.format == Format::Json {
        let mut out = cli.out.lock().unwrap_or_else(|e| e.into_inner());
        let _ = out.writer.write_all(b"{\"findings\":[\n");
    }
    if !unnamed.is_empty() {
        let mut sink = visitor.start_file(stdin);
        let outcome = scanner.scan_unnamed(io::stdin(), &mut sink);
        visitor.end_file(stdin, sink, outcome);
    }

    let progress = AtomicU64::new(0);
    let done = AtomicBool::new(false);
    let show_bar = io::stderr().is_terminal() && total_size > 0;
    let result = std::thread::scope(|s| {
        if show_bar {
            let bar = indicatif::ProgressBar::new(paths.len() as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} files {msg}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            let (bar_ref, progress, done, cli) = (bar.clone(), &progress, &done, &cli);
            s.spawn(move || {
                while !done.load(Ordering::Relaxed) {
                    bar_ref.set_position(cli.files_done.load(Ordering::Relaxed));
                    let mb = progress.load(Ordering::Relaxed) as f64 / 1e6;
                    bar_ref.set_message(format!("{mb:.0} MB"));
                    std::thread::sleep(Duration::from_millis(150));
                }
                bar_ref.finish_and_clear();
            });
            let r = walk::scan_files(
                &scanner,
                &paths,
                &WalkOptions {
                    threads: args.threads,
                },
                Some(progress),
                &visitor,
            );
            done.store(true, Ordering::Relaxed);
            r
        } else {
            walk::scan_files(
                &scanner,
                &paths,
                &WalkOptions {
                    threads: args.threads,
                },
                None,
                &visitor,
            )
        }
    });
    if let Err(e) = result {
        eprintln!("ombud scan: {e}");
        return ExitCode::from(2);
    }

    let files_scanned = cli.files_scanned.load(Ordering::Relaxed);
    let binary_skipped = cli.binary_skipped.load(Ordering::Relaxed);
    let errors = cli.errors.load(Ordering::Relaxed);
    let bytes = cli.bytes.load(Ordering::Relaxed);
    {
        let mut out = cli.out.lock().unwrap_or_else(|e| e.into_inner());
        let w = &mut out.writer;
        let r = match cli.format {
            Format::Jsonl => Ok(()),
            Format::Json => writeln!(
                w,
                "\n],\"files_scanned\":{files_scanned},\"binary_skipped\":{binary_skipped},\
                 \"errors\":{errors},\"bytes_scanned\":{bytes}}}"
            ),
            Format::Table => write_table(w, &cli, files_scanned, binary_skipped, errors, bytes),
        };
        let _ = r.and_then(|_| w.flush());
    }
    if errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn write_table(
    w: &mut impl Write,
    cli: &Cli,
    files_scanned: u64,
    binary_skipped: u64,
    errors: u64,
    bytes: u64,
) -> io::Result<()> {
    let mut rows = std::mem::take(&mut *cli.table.lock().unwrap_or_else(|e| e.into_inner()));
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    let mut totals: BTreeMap<&'static str, u64> = BTreeMap::new();
    let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(4).max(4);
    writeln!(w, "{:<width$}  {:<30}  {:>8}", "PATH", "KIND", "COUNT")?;
    for (path, counts) in &rows {
        for k in Kind::ALL {
            let n = counts[k.index()];
            if n > 0 {
                writeln!(w, "{path:<width$}  {:<30}  {n:>8}", k.name())?;
                *totals.entry(k.name()).or_default() += n;
            }
        }
    }
    writeln!(w)?;
    for (k, n) in &totals {
        writeln!(w, "{:<width$}  {k:<30}  {n:>8}", "TOTAL")?;
    }
    writeln!(
        w,
        "files scanned: {files_scanned}, binary skipped: {binary_skipped}, errors: {errors}, bytes: {bytes}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line as a derived serialisation writes it (the form of the contract).
    #[derive(serde::Serialize)]
    struct Line<'a> {
        path: &'a str,
        start: u64,
        end: u64,
        kind: &'static str,
        confidence: f32,
        detector: &'static str,
        value: &'a str,
    }

    #[test]
    fn finding_lines_are_the_derived_json() {
        let paths = [
            "a.txt",
            "dir/\"quoted\"\\back\tslash\u{1}.csv",
            "Malmö/åäö ✓.log",
            "",
        ];
        let values = ["850312-****", "a\"b\\c\nd\u{7f}\u{0}", "Läkarintyg", ""];
        for path in paths {
            let head = finding_head(path);
            for (i, kind) in Kind::ALL.into_iter().enumerate() {
                let value = values[i % values.len()];
                let f = Finding {
                    start: [0, 1, 42, u64::MAX][i % 4],
                    end: [1, 99, 1 << 40, u64::MAX][i % 4],
                    kind,
                    confidence: [0.99, 0.5, 1.0, 0.1, 0.85][i % 5],
                    detector: ["luhn", "keyword", "phone_nanp"][i % 3],
                };
                let mut ours = Vec::new();
                write_finding(&mut ours, &head, &f, value);
                let derived = serde_json::to_vec(&Line {
                    path,
                    start: f.start,
                    end: f.end,
                    kind: kind.name(),
                    confidence: f.confidence,
                    detector: f.detector,
                    value,
                })
                .unwrap();
                assert_eq!(
                    String::from_utf8_lossy(&ours),
                    String::from_utf8_lossy(&derived)
                );
            }
        }
    }
}
