//! `ombud admin`: accounts and API tokens from the command line.

use std::io::BufRead;
use std::process::ExitCode;

use anyhow::{Context, bail};
use ombud_core::Role;
use ombud_core::audit::Actor;
use ombud_core::user::{Email, check_password_policy};
use ombud_store::NewUser;
use ombud_web::auth;

use crate::store::{self, DbArgs};

/// Options of `ombud admin`.
#[derive(Debug, clap::Args)]
pub struct AdminArgs {
    #[command(subcommand)]
    command: AdminCommand,
}

#[derive(Debug, clap::Subcommand)]
enum AdminCommand {
    /// Create a user. The password is read from standard input (its first line).
    ///
    /// Example: `printf '%s\n' "$PASSWORD" | ombud admin create-user --email dpo@example.se --role dpo`
    CreateUser {
        #[command(flatten)]
        db: DbArgs,
        /// The e-mail address the user signs in with.
        #[arg(long)]
        email: String,
        /// One of admin, dpo, registrant, auditor.
        #[arg(long)]
        role: Role,
        /// The name shown in Ombud (default: the part of the address before @).
        #[arg(long)]
        name: Option<String>,
        /// The organisational unit (for registrants).
        #[arg(long)]
        unit: Option<String>,
    },
    /// Set a user's password, read from standard input; ends the user's sessions.
    SetPassword {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        email: String,
    },
    /// Create an API token for a user and print it (once: only its hash is stored).
    ///
    /// Use it as `Authorization: Bearer TOKEN` on /api/v1.
    CreateToken {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        email: String,
        /// What the token is for, e.g. the script that uses it.
        #[arg(long, default_value = "cli")]
        label: String,
    },
}

pub fn run(args: AdminArgs) -> ExitCode {
    match crate::cmd::runtime().block_on(admin(args.command)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ombud admin: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn read_password() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("cannot read the password from standard input")?;
    let password = line.trim_end_matches(['\n', '\r']).to_owned();
    check_password_policy(&password)?;
    Ok(password)
}

async fn admin(cmd: AdminCommand) -> anyhow::Result<()> {
    let actor = Actor::system("cli");
    match cmd {
        AdminCommand::CreateUser {
            db,
            email,
            role,
            name,
            unit,
        } => {
            let email = Email::parse(&email)?;
            let password = read_password()?;
            let store = store::open(&db.url).await?;
            let display_name = name.filter(|n| !n.trim().is_empty()).unwrap_or_else(|| {
                email
                    .as_str()
                    .split('@')
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            });
            let new = NewUser {
                email,
                display_name,
                role,
                unit,
                password_hash: auth::hash_password(&password),
            };
            let user = match store.create_user(&actor, new).await {
                Err(ombud_store::StoreError::Conflict(_)) => {
                    bail!("a user with this e-mail address already exists")
                }
                other => other?,
            };
            println!(
                "created user {} <{}> with role {}",
                user.id, user.email, user.role
            );
        }
        AdminCommand::SetPassword { db, email } => {
            let email = Email::parse(&email)?;
            let password = read_password()?;
            let store = store::open(&db.url).await?;
            let user = store
                .user_by_email(&email)
                .await?
                .with_context(|| format!("no user {email}"))?;
            store
                .set_password(&actor, user.id, &auth::hash_password(&password))
                .await?;
            println!("password set for {email}");
        }
        AdminCommand::CreateToken { db, email, label } => {
            let email = Email::parse(&email)?;
            let store = store::open(&db.url).await?;
            let user = store
                .user_by_email(&email)
                .await?
                .with_context(|| format!("no user {email}"))?;
            if !user.active {
                bail!("{email} is deactivated");
            }
            let token = auth::new_api_token();
            store
                .create_token(&actor, user.id, &auth::token_hash(&token), &label)
                .await?;
            println!("{token}");
        }
    }
    Ok(())
}
