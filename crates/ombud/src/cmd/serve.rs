//! `ombud serve`: the web server.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use ombud_web::{AppState, WebConfig};

use crate::store::{self, DbArgs};

/// Log line format.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

/// Options of `ombud serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Address and port to listen on.
    #[arg(
        long,
        env = "OMBUD_LISTEN",
        default_value = "127.0.0.1:8080",
        value_name = "ADDR"
    )]
    listen: SocketAddr,
    /// Log format.
    #[arg(long, env = "OMBUD_LOG_FORMAT", value_enum, default_value = "text")]
    log_format: LogFormat,
    /// Mark cookies `Secure`: set this when users reach Ombud over HTTPS (e.g. behind a TLS proxy).
    #[arg(long, env = "OMBUD_SECURE_COOKIES")]
    secure_cookies: bool,
    /// A reverse proxy in front of Ombud whose `X-Forwarded-For` names the
    /// client, for the limits on sign-in attempts and public requests
    /// (repeat the flag, or separate with commas in the variable).
    #[arg(
        long = "trusted-proxy",
        env = "OMBUD_TRUSTED_PROXIES",
        value_delimiter = ',',
        value_name = "IP"
    )]
    trusted_proxies: Vec<std::net::IpAddr>,
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

pub fn run(args: ServeArgs) -> ExitCode {
    init_logging(args.log_format);
    match crate::cmd::runtime().block_on(serve(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ombud serve: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let store = store::open(&args.db.url).await?;
    tracing::info!(database = %store::redact(&args.db.url), backend = store.backend_name(), "database ready");
    let state = AppState::new(
        store.clone(),
        WebConfig {
            secure_cookies: args.secure_cookies,
            trusted_proxies: args.trusted_proxies.clone(),
        },
    );
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    let addr = listener.local_addr()?;
    let base = format!("http://{addr}");
    println!("Ombud is running at {base}/");
    if store.count_users().await? == 0 {
        let token = state.setup.issue();
        println!("No users yet. Create the first administrator at {base}/setup/{token}");
        println!("(or run: ombud admin create-user --email EMAIL --role admin)");
    }

    // Once an hour: expired sessions go, and old counted attempts.
    let sweeper = store.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(3600));
        loop {
            tick.tick().await;
            let now = time::OffsetDateTime::now_utc();
            if let Err(e) = sweeper.delete_expired_sessions(now).await {
                tracing::warn!(error = %e, "could not remove expired sessions");
            }
            // Counted sign-in failures and public requests hold client
            // addresses: kept a day, longer than any limit looks back.
            if let Err(e) = sweeper
                .forget_login_failures_before(now - time::Duration::days(1))
                .await
            {
                tracing::warn!(error = %e, "could not forget old counted attempts");
            }
        }
    });

    // Closed data-subject requests are purged after their retention period.
    ombud_web::retention::spawn(store.clone());

    let app = ombud_web::app(state);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on SIGTERM or Ctrl-C; the server then stops accepting and lets
/// requests in flight finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
