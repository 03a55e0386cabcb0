//! `ombud audit verify`: checks the hash chain of the audit trail.

use std::process::ExitCode;

use ombud_store::{AuditVerifyError, verify_audit_chain};

use crate::store::{self, DbArgs};

/// Options of `ombud audit`.
#[derive(Debug, clap::Args)]
pub struct AuditArgs {
    #[command(subcommand)]
    command: AuditCommand,
}

#[derive(Debug, clap::Subcommand)]
enum AuditCommand {
    /// Verify every entry of the audit trail.
    ///
    /// Exit status: 0 when the chain is intact; 1 when an entry was altered,
    /// removed or reordered (the first bad entry is named); 2 when the
    /// database could not be read.
    Verify {
        #[command(flatten)]
        db: DbArgs,
    },
}

pub fn run(args: AuditArgs) -> ExitCode {
    let AuditCommand::Verify { db } = args.command;
    crate::cmd::runtime().block_on(async move {
        let store = match store::open(&db.url).await {
            Ok(s) => s,
            Err(e) => {
                eprintln!("ombud audit verify: {e:#}");
                return ExitCode::from(2);
            }
        };
        match verify_audit_chain(store.as_ref()).await {
            Ok(n) => {
                println!("audit trail intact: {n} entries verified");
                ExitCode::SUCCESS
            }
            Err(AuditVerifyError::Chain(e)) => {
                eprintln!("audit trail broken (first bad entry: {}): {e}", e.seq());
                ExitCode::from(1)
            }
            Err(AuditVerifyError::Store(e)) => {
                eprintln!("ombud audit verify: cannot read the audit trail: {e}");
                ExitCode::from(2)
            }
        }
    })
}
