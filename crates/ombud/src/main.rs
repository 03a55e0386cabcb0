//! The `ombud` command: a thin shell over the library crates.

mod cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Ombud: the data protection officer's tool for the GDPR register of processing,
/// rule checks, breaches, data-subject requests and personal-data discovery.
#[derive(Debug, Parser)]
#[command(name = "ombud", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Find personal data (personnummer, e-mail, phone, IBAN, …) in files and directories.
    Scan(cmd::scan::ScanArgs),
    /// Legal deadlines and Swedish public holidays.
    Calendar(cmd::calendar::CalendarArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Scan(args) => cmd::scan::run(args),
        Command::Calendar(args) => cmd::calendar::run(args),
    }
}
