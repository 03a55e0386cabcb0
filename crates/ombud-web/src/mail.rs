//! Outgoing e-mail through the organisation's SMTP server (lettre), set in
//! the settings page and kept in the store under [`SMTP_KEY`].
//!
//! Alerts are sent from a background task so that a slow or broken mail
//! server never holds up or fails the request that caused them; failures are
//! logged. Mails carry as little personal data as they can: a reference,
//! times and a link, never the description of a breach.

use std::time::Duration;

use lettre::message::{Mailbox, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};

use ombud_core::Role;
use ombud_core::incident::Incident;
use ombud_core::incident::document::local_time;
use ombud_store::Store;

use crate::AppState;

/// The settings key of [`SmtpSettings`].
pub const SMTP_KEY: &str = "smtp";

/// How the connection to the mail server is protected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Security {
    /// Plain connection upgraded with STARTTLS (port 587); refused if the server cannot.
    #[default]
    Starttls,
    /// TLS from the start (port 465).
    Tls,
    /// No encryption: only for a relay on the same host or network.
    None,
}

impl Security {
    pub const ALL: &[Security] = &[Security::Starttls, Security::Tls, Security::None];

    pub fn as_str(self) -> &'static str {
        match self {
            Security::Starttls => "starttls",
            Security::Tls => "tls",
            Security::None => "none",
        }
    }
}

/// The outgoing mail server and who gets alerts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SmtpSettings {
    pub host: String,
    /// 0 means the usual port for `security`.
    pub port: u16,
    pub security: Security,
    pub username: String,
    /// Kept in the store; masked in the audit trail and never shown again.
    pub password: String,
    /// The sender, e.g. `Ombud <ombud@exempel.se>`.
    pub from: String,
    /// Recipients of breach alerts, one per line; empty means every active DPO account.
    pub alert_to: Vec<String>,
    /// Ombud's address as users reach it, for links, e.g. `https://ombud.exempel.se`.
    pub site_url: String,
}

impl SmtpSettings {
    /// Whether mail can be sent at all.
    pub fn configured(&self) -> bool {
        !self.host.trim().is_empty() && !self.from.trim().is_empty()
    }

    fn port(&self) -> u16 {
        match (self.port, self.security) {
            (0, Security::Tls) => 465,
            (0, Security::Starttls) => 587,
            (0, Security::None) => 25,
            (p, _) => p,
        }
    }

    /// A link to `path` on Ombud.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.site_url.trim().trim_end_matches('/'))
    }
}

/// Why a mail was not sent.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("e-mail is not configured")]
    NotConfigured,
    #[error("no recipients")]
    NoRecipients,
    #[error("invalid address {0:?}: {1}")]
    Address(String, lettre::address::AddressError),
    #[error("could not build the message: {0}")]
    Build(#[from] lettre::error::Error),
    #[error("SMTP: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
}

/// One plain-text message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub to: Vec<String>,
    pub subject: String,
    pub body: String,
}

fn mailbox(s: &str) -> Result<Mailbox, MailError> {
    s.trim()
        .parse()
        .map_err(|e| MailError::Address(s.to_owned(), e))
}

/// Sends `mail` through the server in `settings`.
pub async fn send(settings: &SmtpSettings, mail: &Mail) -> Result<(), MailError> {
    if !settings.configured() {
        return Err(MailError::NotConfigured);
    }
    if mail.to.is_empty() {
        return Err(MailError::NoRecipients);
    }
    let mut builder = Message::builder()
        .from(mailbox(&settings.from)?)
        .subject(mail.subject.clone());
    for to in &mail.to {
        builder = builder.to(mailbox(to)?);
    }
    let message = builder
        .header(ContentType::TEXT_PLAIN)
        .body(mail.body.clone())?;
    let host = settings.host.trim();
    let tls = match settings.security {
        Security::None => Tls::None,
        Security::Starttls => Tls::Required(TlsParameters::new(host.to_owned())?),
        Security::Tls => Tls::Wrapper(TlsParameters::new(host.to_owned())?),
    };
    let mut transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
        .port(settings.port())
        .tls(tls)
        .timeout(Some(Duration::from_secs(20)));
    if !settings.username.is_empty() {
        transport = transport.credentials(Credentials::new(
            settings.username.clone(),
            settings.password.clone(),
        ));
    }
    transport.build().send(message).await?;
    Ok(())
}

/// The stored settings, or the defaults (not configured).
pub async fn settings(store: &dyn Store) -> SmtpSettings {
    match store.setting(SMTP_KEY).await {
        Ok(Some(v)) => serde_json::from_value(v).unwrap_or_default(),
        Ok(None) => SmtpSettings::default(),
        Err(e) => {
            tracing::warn!(error = %e, "could not read the mail settings");
            SmtpSettings::default()
        }
    }
}

/// Who gets breach alerts: the configured list, else every active DPO.
pub async fn alert_recipients(store: &dyn Store, settings: &SmtpSettings) -> Vec<String> {
    let listed: Vec<String> = settings
        .alert_to
        .iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    if !listed.is_empty() {
        return listed;
    }
    match store.list_users().await {
        Ok(users) => users
            .into_iter()
            .filter(|u| u.active && u.role == Role::Dpo)
            .map(|u| u.email.to_string())
            .collect(),
        Err(e) => {
            tracing::warn!(error = %e, "could not list the DPO accounts");
            Vec::new()
        }
    }
}

/// The alert about a newly reported breach, in Swedish and English (the
/// recipients' language is not known): reference, times and a link only.
pub fn breach_alert(i: &Incident, settings: &SmtpSettings) -> (String, String) {
    let link = settings.link(&format!("/incidents/{}", i.id));
    let subject = format!(
        "[Ombud] Ny personuppgiftsincident / New personal data breach {}",
        i.reference
    );
    let body = format!(
        "En personuppgiftsincident har rapporterats i Ombud.\n\
         Ärende: {r}\n\
         Kännedom: {aware}\n\
         Sista tid för anmälan till IMY (72 timmar): {due}\n\
         Bedöm incidenten här: {link}\n\
         \n\
         A personal data breach has been reported in Ombud.\n\
         Reference: {r}\n\
         Aware: {aware}\n\
         Deadline for notifying IMY (72 hours): {due}\n\
         Assess it here: {link}\n",
        r = i.reference,
        aware = local_time(i.report.aware_at),
        due = local_time(i.imy_deadline),
    );
    (subject, body)
}

/// Alerts the DPO about a new breach, in the background.
pub fn spawn_breach_alert(state: &AppState, incident: Incident) {
    let store = state.store.clone();
    tokio::spawn(async move {
        let settings = settings(store.as_ref()).await;
        if !settings.configured() {
            tracing::info!(
                incident = incident.id,
                "no breach alert sent: e-mail is not configured"
            );
            return;
        }
        let to = alert_recipients(store.as_ref(), &settings).await;
        let (subject, body) = breach_alert(&incident, &settings);
        match send(&settings, &Mail { to, subject, body }).await {
            Ok(()) => tracing::info!(incident = incident.id, "breach alert sent"),
            Err(e) => tracing::warn!(incident = incident.id, error = %e, "breach alert not sent"),
        }
    });
}
