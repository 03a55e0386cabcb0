//! The `ombud` command: a thin shell over the library crates.

mod cmd;
mod store;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Ombud: the data protection officer's tool for the GDPR register of processing,
/// rule checks, breaches, data-subject requests and personal-data discovery.
///
/// Without --db, Ombud keeps its data in `ombud.db` (SQLite) in the working
/// directory, created on first use. Give a `postgres://…` URL to use PostgreSQL.
#[derive(Debug, Parser)]
#[command(name = "ombud", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the web server (HTML pages and the JSON API under /api/v1).
    Serve(cmd::serve::ServeArgs),
    /// Manage user accounts and API tokens from the command line.
    Admin(cmd::admin::AdminArgs),
    /// Check the tamper-evident audit trail.
    Audit(cmd::audit::AuditArgs),
    /// Find personal data (personnummer, e-mail, phone, IBAN, …) in files and directories.
    Scan(cmd::scan::ScanArgs),
    /// Legal deadlines and Swedish public holidays.
    Calendar(cmd::calendar::CalendarArgs),
    /// Export the register of processing activities, or import one.
    Register(cmd::register::RegisterArgs),
    /// Load the demo register (a fictional Swedish university) into an empty database.
    Demo(cmd::demo::DemoArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve(args) => cmd::serve::run(args),
        Command::Admin(args) => cmd::admin::run(args),
        Command::Audit(args) => cmd::audit::run(args),
        Command::Scan(args) => cmd::scan::run(args),
        Command::Calendar(args) => cmd::calendar::run(args),
        Command::Demo(args) => cmd::demo::run(args),
        Command::Register(args) => cmd::register::run(args),
    }
}
