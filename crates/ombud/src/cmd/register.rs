//! `ombud register export | import`: the register in force as a file, and a
//! file read back into the register.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use ombud_core::audit::Actor;
use ombud_core::register::export::{
    ExportField, RegisterDocument, activities_csv, activity_fields, organisation_fields,
    processor_fields, system_fields,
};
use ombud_core::register::import::parse_register;
use ombud_core::register::{Activity, Lang, Organisation, Processor, System};
use ombud_store::{Store, StoreError};
use time::OffsetDateTime;

use crate::store::{self, DbArgs};

/// Options of `ombud register`.
#[derive(Debug, clap::Args)]
pub struct RegisterArgs {
    #[command(subcommand)]
    command: RegisterCommand,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// One JSON document with every field; `ombud register import` reads it back.
    Json,
    /// One row per activity (RFC 4180, UTF-8), headers and values in --lang.
    Csv,
    /// An Excel workbook: activities, processors, systems, organisation.
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum LangArg {
    Sv,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Sv => Lang::Sv,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, clap::Subcommand)]
enum RegisterCommand {
    /// Export the register in force (approved activities) with the organisation,
    /// processors and systems.
    ///
    /// JSON and CSV go to standard output without --out. XLSX needs --out,
    /// unless standard output is redirected to a file or a pipe.
    /// Exit status: 0 when written; 2 when the database or the file cannot be used.
    Export {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long, value_enum)]
        format: Format,
        /// Language of headers and values in CSV and XLSX.
        #[arg(long, value_enum, default_value = "sv")]
        lang: LangArg,
        /// The file to write (replaced if it exists).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Import a register exported as JSON, all or nothing.
    ///
    /// The file is checked first; each problem is listed with its row and
    /// field. The organisation is replaced; processors, systems and
    /// activities are added (activities as approved, version 1). An activity
    /// whose name is already in the register refuses the whole import.
    /// Exit status: 0 when imported; 2 when the file is invalid or refused
    /// (nothing is changed) or the database cannot be used.
    Import {
        #[command(flatten)]
        db: DbArgs,
        /// The JSON file written by `ombud register export --format json`.
        file: PathBuf,
        /// Language of the rule messages.
        #[arg(long, value_enum, default_value = "sv")]
        lang: LangArg,
    },
}

pub fn run(args: RegisterArgs) -> ExitCode {
    crate::cmd::runtime().block_on(async move {
        match args.command {
            RegisterCommand::Export {
                db,
                format,
                lang,
                out,
            } => match export(&db.url, format, lang.into(), out).await {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("ombud register export: {e:#}");
                    ExitCode::from(2)
                }
            },
            RegisterCommand::Import { db, file, lang } => import(&db.url, &file, lang.into()).await,
        }
    })
}

/// What an export holds.
struct Register {
    organisation: Organisation,
    processors: Vec<Processor>,
    systems: Vec<System>,
    activities: Vec<Activity>,
}

async fn read_register(store: &dyn Store) -> anyhow::Result<Register> {
    Ok(Register {
        organisation: store.organisation().await?,
        processors: store.processors().await?,
        systems: store.systems().await?,
        activities: store.approved_activities().await?,
    })
}

async fn export(url: &str, format: Format, lang: Lang, out: Option<PathBuf>) -> anyhow::Result<()> {
    if format == Format::Xlsx && out.is_none() && std::io::stdout().is_terminal() {
        anyhow::bail!("binary output needs --out FILE (or redirect standard output)");
    }
    let store = store::open(url).await?;
    let r = read_register(store.as_ref())
        .await
        .context("cannot read the register")?;
    let bytes = match format {
        Format::Json => {
            let doc = RegisterDocument::new(
                OffsetDateTime::now_utc(),
                r.organisation,
                r.processors,
                r.systems,
                r.activities,
            );
            let mut v = serde_json::to_vec_pretty(&doc).context("cannot write JSON")?;
            v.push(b'\n');
            v
        }
        Format::Csv => {
            let mut v = Vec::new();
            activities_csv(&mut v, &r.activities, &r.processors, &r.systems, lang)?;
            v
        }
        Format::Xlsx => xlsx(&r, lang).context("cannot write the workbook")?,
    };
    match out {
        Some(path) => std::fs::write(&path, bytes)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&bytes)?;
            stdout.flush()?;
        }
    }
    Ok(())
}

/// Excel's limit on the text of one cell.
const MAX_CELL_CHARS: usize = 32_767;

/// The register as an XLSX workbook: one sheet each for activities,
/// processors, systems and the organisation, each with a bold, frozen header
/// row, an autofilter and column widths fitted to the content.
fn xlsx(r: &Register, lang: Lang) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let activities: Vec<Vec<ExportField>> = r
        .activities
        .iter()
        .map(|a| activity_fields(a, &r.processors, &r.systems, lang))
        .collect();
    let activity_header = ombud_core::register::export::activity_headers(lang);
    sheet(
        &mut wb,
        lang.pick("Behandlingar", "Activities"),
        &activity_header,
        &activities,
    )?;
    let processors: Vec<_> = r
        .processors
        .iter()
        .map(|p| processor_fields(p, lang))
        .collect();
    let header = processor_fields(&Processor::default(), lang);
    sheet(
        &mut wb,
        lang.pick("Biträden", "Processors"),
        &headers(&header, lang),
        &processors,
    )?;
    let systems: Vec<_> = r.systems.iter().map(|s| system_fields(s, lang)).collect();
    let header = system_fields(&System::default(), lang);
    sheet(
        &mut wb,
        lang.pick("System", "Systems"),
        &headers(&header, lang),
        &systems,
    )?;
    // The organisation: one row per setting.
    let org: Vec<Vec<ExportField>> = organisation_fields(&r.organisation, lang)
        .into_iter()
        .map(|f| {
            vec![
                ExportField {
                    value: f.header(lang).to_owned(),
                    ..f.clone()
                },
                f,
            ]
        })
        .collect();
    sheet(
        &mut wb,
        "Organisation",
        &[lang.pick("Uppgift", "Field"), lang.pick("Värde", "Value")],
        &org,
    )?;
    wb.save_to_buffer()
}

fn headers(fields: &[ExportField], lang: Lang) -> Vec<&'static str> {
    fields.iter().map(|f| f.header(lang)).collect()
}

fn sheet(
    wb: &mut rust_xlsxwriter::Workbook,
    name: &str,
    header: &[&str],
    rows: &[Vec<ExportField>],
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for (col, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, *h, &bold)?;
    }
    for (i, row) in rows.iter().enumerate() {
        for (col, f) in row.iter().enumerate() {
            let text: String = f.value.chars().take(MAX_CELL_CHARS).collect();
            widths[col] = widths[col].max(text.chars().count());
            ws.write_string(i as u32 + 1, col as u16, text)?;
        }
    }
    for (col, w) in widths.iter().enumerate() {
        ws.set_column_width(col as u16, (*w).clamp(8, 60) as f64 + 2.0)?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(
        0,
        0,
        rows.len() as u32,
        header.len().saturating_sub(1) as u16,
    )?;
    Ok(())
}

async fn import(url: &str, file: &std::path::Path, lang: Lang) -> ExitCode {
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("ombud register import: cannot read {}: {e}", file.display());
            return ExitCode::from(2);
        }
    };
    let import = match parse_register(&text, lang) {
        Ok(i) => i,
        Err(problems) => {
            eprintln!(
                "ombud register import: {} was not imported; nothing was changed. {} problem(s):",
                file.display(),
                problems.len()
            );
            for p in problems {
                eprintln!("  {p}");
            }
            return ExitCode::from(2);
        }
    };
    let store = match store::open(url).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("ombud register import: {e:#}");
            return ExitCode::from(2);
        }
    };
    match store
        .import_register(&Actor::system("import"), &import)
        .await
    {
        Ok(s) => {
            println!(
                "Imported {} activities, {} processors and {} systems from {}.",
                s.activity_ids.len(),
                s.processor_ids.len(),
                s.system_ids.len(),
                file.display()
            );
            ExitCode::SUCCESS
        }
        Err(StoreError::Conflict(m)) => {
            eprintln!(
                "ombud register import: {} was not imported; nothing was changed: {m}",
                file.display()
            );
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("ombud register import: nothing was imported: {e}");
            ExitCode::from(2)
        }
    }
}
