//! `ombud scan` (to be written).

use std::process::ExitCode;

/// Options of `ombud scan`.
#[derive(Debug, clap::Args)]
pub struct ScanArgs {
    /// Files and directories to scan.
    pub paths: Vec<std::path::PathBuf>,
}

pub fn run(_args: ScanArgs) -> ExitCode {
    ExitCode::from(2)
}
