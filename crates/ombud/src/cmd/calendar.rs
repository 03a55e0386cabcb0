//! `ombud calendar` (to be written).

use std::process::ExitCode;

/// Options of `ombud calendar`.
#[derive(Debug, clap::Args)]
pub struct CalendarArgs {}

pub fn run(_args: CalendarArgs) -> ExitCode {
    ExitCode::from(2)
}
