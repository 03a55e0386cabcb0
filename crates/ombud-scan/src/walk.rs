//! Parallel scanning of files and directory trees.

use crate::kind::{Finding, Sink};
use crate::scanner::{Scanner, StreamOutcome};
use rayon::prelude::*;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU64;

/// Receives the results of [`scan_paths`]; called from worker threads.
pub trait Visitor: Sync {
    /// The per-file sink.
    type FileSink: Sink;
    /// A file is about to be scanned.
    fn start_file(&self, path: &Path) -> Self::FileSink;
    /// A file is done (its sink is handed back), or could not be read.
    fn end_file(&self, path: &Path, sink: Self::FileSink, outcome: io::Result<StreamOutcome>);
    /// A path or directory entry could not be read while walking.
    fn walk_error(&self, path: &Path, error: io::Error);
}

/// Options of [`scan_paths`].
#[derive(Debug, Clone, Default)]
pub struct WalkOptions {
    /// Worker threads; `None` = one per core.
    pub threads: Option<usize>,
}

/// Lists the regular files under `paths` (recursively, sorted per directory). Symbolic links
/// to files are followed, links to directories are not (no cycles).
pub fn collect_files(
    paths: &[PathBuf],
    on_error: &mut dyn FnMut(&Path, io::Error),
) -> Vec<(PathBuf, u64)> {
    let mut files = Vec::new();
    let mut stack: Vec<PathBuf> = paths.iter().rev().cloned().collect();
    let mut top_level = paths.len();
    while let Some(p) = stack.pop() {
        let explicit = top_level > 0;
        top_level = top_level.saturating_sub(1);
        let meta = match if explicit {
            std::fs::metadata(&p)
        } else {
            std::fs::symlink_metadata(&p)
        } {
            Ok(m) => m,
            Err(e) => {
                on_error(&p, e);
                continue;
            }
        };
        let meta = if meta.file_type().is_symlink() {
            match std::fs::metadata(&p) {
                Ok(m) if m.is_file() => m,
                Ok(_) => continue,
                Err(e) => {
                    on_error(&p, e);
                    continue;
                }
            }
        } else {
            meta
        };
        if meta.is_file() {
            files.push((p, meta.len()));
        } else if meta.is_dir() {
            match std::fs::read_dir(&p) {
                Ok(rd) => {
                    let mut children = Vec::new();
                    for entry in rd {
                        match entry {
                            Ok(e) => children.push(e.path()),
                            Err(e) => on_error(&p, e),
                        }
                    }
                    children.sort();
                    stack.extend(children.into_iter().rev());
                }
                Err(e) => on_error(&p, e),
            }
        }
    }
    files
}

/// Scans files in parallel (one file per task, streamed in chunks).
pub fn scan_files<V: Visitor>(
    scanner: &Scanner,
    files: &[PathBuf],
    opts: &WalkOptions,
    progress: Option<&AtomicU64>,
    visitor: &V,
) -> io::Result<()> {
    let work = || {
        files.par_iter().with_max_len(1).for_each(|path| {
            let mut sink = visitor.start_file(path);
            let outcome = scanner.scan_file_with_progress(path, &mut sink, progress);
            visitor.end_file(path, sink, outcome);
        })
    };
    match opts.threads {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()
            .map_err(io::Error::other)?
            .install(work),
        None => work(),
    }
    Ok(())
}

/// Walks `paths` and scans every file found, in parallel.
pub fn scan_paths<V: Visitor>(
    scanner: &Scanner,
    paths: &[PathBuf],
    opts: &WalkOptions,
    visitor: &V,
) -> io::Result<()> {
    let files: Vec<PathBuf> = collect_files(paths, &mut |p, e| visitor.walk_error(p, e))
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    scan_files(scanner, &files, opts, None, visitor)
}

/// Per file: its findings with values, or the error message.
pub type FileResult = (PathBuf, Result<Vec<(Finding, Vec<u8>)>, String>);

/// A visitor that collects everything in memory (small inputs, tests).
#[derive(Debug, Default)]
pub struct Collect {
    /// Per file: findings with values, or the error.
    pub files: std::sync::Mutex<Vec<FileResult>>,
}

impl Visitor for Collect {
    type FileSink = Collected;
    fn start_file(&self, _: &Path) -> Self::FileSink {
        Collected::default()
    }
    fn end_file(&self, path: &Path, sink: Self::FileSink, outcome: io::Result<StreamOutcome>) {
        let r = outcome.map(|_| sink.0).map_err(|e| e.to_string());
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((path.to_path_buf(), r));
    }
    fn walk_error(&self, path: &Path, error: io::Error) {
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((path.to_path_buf(), Err(error.to_string())));
    }
}

/// Findings of one file with their values.
#[derive(Debug, Default)]
pub struct Collected(pub Vec<(Finding, Vec<u8>)>);

impl Sink for Collected {
    fn finding(&mut self, finding: &Finding, value: &[u8]) {
        self.0.push((*finding, value.to_vec()));
    }
}
