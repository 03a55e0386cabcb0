//! The access report ("registerutdrag", Art. 15): for every activity in
//! force that concerns the requester, every item of Art. 15(1)(a)–(h) and the
//! Art. 15(2) safeguards, labelled in the request's language, with the
//! controller's identity, the DPO's contact details and the data found.
//!
//! An activity concerns the requester when it is approved and one of its
//! `data_subject_categories` equals one of the request's (trimmed, compared
//! case-insensitively) or one of its `system_ids` is among the request's.
//! When several approved versions of one activity are passed, the highest
//! version counts (the one in force). The report is plain data: the web crate
//! renders it as HTML or returns it as JSON (which also serves portability).

use serde::{Deserialize, Serialize};

use super::types::{DataFound, Request};
use crate::lang::Lang;
use crate::register::{Activity, DataSource, DpoContact, Organisation, Processor, Status, System};

/// IMY's name and postal details, for the complaint item (Art. 15(1)(f), 77).
pub const IMY_CONTACT_SV: &str =
    "Integritetsskyddsmyndigheten (IMY), Box 8114, 104 20 Stockholm, imy@imy.se, www.imy.se";
/// The same in English.
pub const IMY_CONTACT_EN: &str = "the Swedish Authority for Privacy Protection (Integritetsskyddsmyndigheten, IMY), Box 8114, 104 20 Stockholm, Sweden, imy@imy.se, www.imy.se";

/// The controller as the report names it (Art. 15 read with 13(1)(a)).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ControllerIdentity {
    pub name: String,
    pub org_number: String,
    pub address: String,
    pub email: String,
    pub phone: String,
}

impl From<&Organisation> for ControllerIdentity {
    fn from(o: &Organisation) -> Self {
        ControllerIdentity {
            name: o.name.clone(),
            org_number: o.org_number.clone(),
            address: o.address.clone(),
            email: o.email.clone(),
            phone: o.phone.clone(),
        }
    }
}

/// One item of the report: its label and article, and its text lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AccessItem {
    /// The heading, in the request's language.
    pub label: String,
    /// The article it answers, e.g. `GDPR Art. 15(1)(a)`.
    pub article: String,
    /// One line per value; never empty (an absent value is said in words).
    pub lines: Vec<String>,
}

/// Everything Art. 15 requires for one activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AccessEntry {
    pub activity_id: i64,
    pub activity_name: String,
    /// The systems of the activity, by name.
    pub systems: Vec<String>,
    /// (a)
    pub purposes: AccessItem,
    /// Art. 6(1): not an Art. 15(1) item, but the reason behind the answers.
    pub legal_basis: AccessItem,
    /// (b)
    pub personal_data_categories: AccessItem,
    /// (c) recipients, processors by name, recipients in third countries.
    pub recipients: AccessItem,
    /// (d)
    pub retention: AccessItem,
    /// (e) rectification, erasure, restriction, objection (and portability where it applies).
    pub rights: AccessItem,
    /// (f) complaint to IMY.
    pub complaint: AccessItem,
    /// (g)
    pub source: AccessItem,
    /// (h) automated decisions, profiling, logic and consequences.
    pub automated_decisions: AccessItem,
    /// Art. 15(2).
    pub transfer_safeguards: AccessItem,
}

/// A block of data found, named by where it was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AccessDataFound {
    /// The activity's or system's name (or its id when unknown).
    pub source: String,
    pub activity_id: Option<i64>,
    pub system_id: Option<i64>,
    pub items: Vec<String>,
}

/// The access report for one request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AccessReport {
    pub reference: String,
    pub language: Lang,
    pub requester_name: String,
    pub controller: ControllerIdentity,
    /// The DPO's contact details (Art. 13(1)(b)), when one is designated.
    pub dpo: Option<DpoContact>,
    /// Whether any personal data concerning the requester are processed
    /// (Art. 15(1), first part): some activity matched or data were found.
    pub processed: bool,
    /// One per activity concerned, in activity-id order.
    pub entries: Vec<AccessEntry>,
    /// The copy of the data (Art. 15(3)), as attached by the handler.
    pub data_found: Vec<AccessDataFound>,
}

fn norm(s: &str) -> String {
    s.trim().to_lowercase()
}

/// The approved activities in force that concern `request`, in id order.
pub fn matching_activities<'a>(request: &Request, activities: &'a [Activity]) -> Vec<&'a Activity> {
    let wanted: Vec<String> = request
        .intake
        .data_subject_categories
        .iter()
        .map(|c| norm(c))
        .filter(|c| !c.is_empty())
        .collect();
    let mut out: Vec<&Activity> = Vec::new();
    for a in activities.iter().filter(|a| a.status == Status::Approved) {
        let by_category = a
            .content
            .data_subject_categories
            .iter()
            .any(|c| wanted.contains(&norm(c)));
        let systems = &request.intake.system_ids;
        let by_system = a.content.system_ids.iter().any(|s| systems.contains(s));
        // Categories decide; the case's systems narrow them (an activity that
        // names its systems must share one). Systems alone decide only when
        // the case names no category.
        let concerns = if wanted.is_empty() {
            by_system
        } else {
            by_category && (systems.is_empty() || a.content.system_ids.is_empty() || by_system)
        };
        if !concerns {
            continue;
        }
        match out.iter_mut().find(|o| o.id == a.id) {
            Some(o) if o.version < a.version => *o = a,
            Some(_) => {}
            None => out.push(a),
        }
    }
    out.sort_by_key(|a| a.id);
    out
}

fn item(
    label: (&str, &str),
    article: &str,
    lang: Lang,
    lines: Vec<String>,
    none: (&str, &str),
) -> AccessItem {
    let lines: Vec<String> = lines
        .into_iter()
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    AccessItem {
        label: lang.pick(label.0, label.1).to_owned(),
        article: article.to_owned(),
        lines: if lines.is_empty() {
            vec![lang.pick(none.0, none.1).to_owned()]
        } else {
            lines
        },
    }
}

const NOT_RECORDED: (&str, &str) = ("Uppgift saknas.", "Not recorded.");

/// The rights of Art. 15(1)(e) (and 20 where it applies), for one activity.
fn rights_lines(a: &Activity, lang: Lang) -> Vec<String> {
    use crate::register::LegalBasis::*;
    let basis = a.content.legal_basis;
    let mut lines = vec![
        lang.pick(
            "Du har rätt att få felaktiga uppgifter rättade och ofullständiga uppgifter kompletterade (artikel 16).",
            "You have the right to have inaccurate data rectified and incomplete data completed (Article 16).",
        ),
        lang.pick(
            "Du har rätt att få uppgifter raderade när villkoren i artikel 17 är uppfyllda.",
            "You have the right to erasure where the conditions of Article 17 are met.",
        ),
        lang.pick(
            "Du har rätt att begära att behandlingen begränsas (artikel 18).",
            "You have the right to restriction of processing (Article 18).",
        ),
    ];
    lines.push(match basis {
        Some(PublicTask | LegitimateInterests) => lang.pick(
            "Du har rätt att invända mot behandlingen av skäl som rör din särskilda situation (artikel 21).",
            "You have the right to object to the processing on grounds relating to your particular situation (Article 21).",
        ),
        _ => lang.pick(
            "Rätten att invända (artikel 21) gäller behandling som grundar sig på allmänt intresse, myndighetsutövning eller intresseavvägning; den gäller alltid mot direktmarknadsföring.",
            "The right to object (Article 21) applies to processing based on a public task, official authority or legitimate interests; it always applies to direct marketing.",
        ),
    });
    if matches!(basis, Some(Consent | Contract)) {
        lines.push(lang.pick(
            "Du har rätt att få ut uppgifter som du själv har lämnat i ett maskinläsbart format (dataportabilitet, artikel 20).",
            "You have the right to receive data you provided in a machine-readable format (data portability, Article 20).",
        ));
    }
    if basis == Some(Consent) {
        lines.push(lang.pick(
            "Du kan när som helst återkalla ditt samtycke (artikel 7.3).",
            "You may withdraw your consent at any time (Article 7(3)).",
        ));
    }
    lines.into_iter().map(str::to_owned).collect()
}

fn entry(a: &Activity, lang: Lang, processors: &[Processor], systems: &[System]) -> AccessEntry {
    let c = &a.content;
    let mut recipients = c.recipients.clone();
    for id in &c.processor_ids {
        match processors.iter().find(|p| p.id == *id) {
            Some(p) if !p.location.trim().is_empty() => recipients.push(format!(
                "{}: {} ({})",
                lang.pick("Personuppgiftsbiträde", "Processor"),
                p.name,
                p.location
            )),
            Some(p) => recipients.push(format!(
                "{}: {}",
                lang.pick("Personuppgiftsbiträde", "Processor"),
                p.name
            )),
            None => {}
        }
    }
    for t in &c.transfers {
        recipients.push(format!(
            "{}: {} ({})",
            lang.pick("Mottagare i tredjeland", "Recipient in a third country"),
            t.recipient,
            t.country
        ));
    }
    let mut retention = vec![c.retention.clone()];
    if let Some(kind) = c.retention_source_kind {
        let source = if c.retention_source.trim().is_empty() {
            String::new()
        } else {
            format!(": {}", c.retention_source.trim())
        };
        retention.push(format!(
            "{} {}{source}",
            lang.pick("Grund:", "Source:"),
            kind.label(lang)
        ));
    }
    let source = match c.data_source {
        Some(DataSource::DataSubject) => vec![
            lang.pick(
                "Uppgifterna har samlats in från dig.",
                "The data were collected from you.",
            )
            .to_owned(),
        ],
        Some(kind) => vec![
            kind.label(lang).to_owned(),
            c.data_source_description.clone(),
        ],
        None => vec![c.data_source_description.clone()],
    };
    let automated = if c.automated_decisions || c.profiling {
        let mut lines = Vec::new();
        if c.automated_decisions {
            lines.push(
                lang.pick(
                    "Beslut fattas enbart genom automatiserad behandling (artikel 22).",
                    "Decisions are taken solely by automated processing (Article 22).",
                )
                .to_owned(),
            );
        }
        if c.profiling {
            lines.push(
                lang.pick("Profilering förekommer.", "Profiling takes place.")
                    .to_owned(),
            );
        }
        lines.push(if c.automated_decisions_description.trim().is_empty() {
            lang.pick(
                "Logiken, betydelsen och de förutsedda följderna beskrivs inte i registret; fråga oss.",
                "The logic, significance and envisaged consequences are not described in the register; ask us.",
            ).to_owned()
        } else {
            format!(
                "{} {}",
                lang.pick("Logik, betydelse och följder:", "Logic, significance and consequences:"),
                c.automated_decisions_description.trim()
            )
        });
        lines
    } else {
        vec![
            lang.pick(
                "Inga automatiserade beslut eller profilering (artikel 22).",
                "No automated decision-making or profiling (Article 22).",
            )
            .to_owned(),
        ]
    };
    let transfers = c
        .transfers
        .iter()
        .map(|t| {
            let mechanism = t
                .mechanism
                .map(|m| m.label(lang).to_owned())
                .unwrap_or_else(|| {
                    lang.pick("skyddsåtgärd ej angiven", "safeguard not recorded")
                        .to_owned()
                });
            let derogation = t
                .derogation
                .map(|d| format!(", {}", d.label(lang)))
                .unwrap_or_default();
            let safeguards = if t.safeguards.trim().is_empty() {
                String::new()
            } else {
                format!(". {}", t.safeguards.trim())
            };
            format!(
                "{} ({}): {mechanism}{derogation}{safeguards}",
                t.country, t.recipient
            )
        })
        .collect();
    AccessEntry {
        activity_id: a.id,
        activity_name: c.name.clone(),
        systems: c
            .system_ids
            .iter()
            .filter_map(|id| systems.iter().find(|s| s.id == *id))
            .map(|s| s.name.clone())
            .collect(),
        purposes: item(
            ("Ändamål", "Purposes"),
            "GDPR Art. 15(1)(a)",
            lang,
            c.purposes.clone(),
            NOT_RECORDED,
        ),
        legal_basis: item(
            ("Rättslig grund", "Legal basis"),
            "GDPR Art. 6(1)",
            lang,
            c.legal_basis
                .map(|b| {
                    let src = c.legal_basis_source.trim();
                    if src.is_empty() {
                        b.label(lang).to_owned()
                    } else {
                        format!("{} – {src}", b.label(lang))
                    }
                })
                .into_iter()
                .collect(),
            NOT_RECORDED,
        ),
        personal_data_categories: item(
            (
                "Kategorier av personuppgifter",
                "Categories of personal data",
            ),
            "GDPR Art. 15(1)(b)",
            lang,
            c.personal_data_categories
                .iter()
                .cloned()
                .chain(
                    c.special_categories
                        .iter()
                        .map(|s| s.label(lang).to_owned()),
                )
                .collect(),
            NOT_RECORDED,
        ),
        recipients: item(
            ("Mottagare", "Recipients"),
            "GDPR Art. 15(1)(c)",
            lang,
            recipients,
            (
                "Uppgifterna lämnas inte ut till några mottagare.",
                "The data are not disclosed to any recipients.",
            ),
        ),
        retention: item(
            ("Lagringstid", "Storage period"),
            "GDPR Art. 15(1)(d)",
            lang,
            retention,
            NOT_RECORDED,
        ),
        rights: item(
            ("Dina rättigheter", "Your rights"),
            "GDPR Art. 15(1)(e)",
            lang,
            rights_lines(a, lang),
            NOT_RECORDED,
        ),
        complaint: item(
            (
                "Rätt att klaga till tillsynsmyndigheten",
                "Right to lodge a complaint",
            ),
            "GDPR Art. 15(1)(f), 77",
            lang,
            vec![format!(
                "{} {}.",
                lang.pick(
                    "Du har rätt att lämna klagomål till",
                    "You have the right to lodge a complaint with"
                ),
                lang.pick(IMY_CONTACT_SV, IMY_CONTACT_EN)
            )],
            NOT_RECORDED,
        ),
        source: item(
            ("Varifrån uppgifterna kommer", "Source of the data"),
            "GDPR Art. 15(1)(g)",
            lang,
            source,
            NOT_RECORDED,
        ),
        automated_decisions: item(
            (
                "Automatiserat beslutsfattande och profilering",
                "Automated decision-making and profiling",
            ),
            "GDPR Art. 15(1)(h)",
            lang,
            automated,
            NOT_RECORDED,
        ),
        transfer_safeguards: item(
            (
                "Överföring till tredjeland och skyddsåtgärder",
                "Transfers to third countries and safeguards",
            ),
            "GDPR Art. 15(2)",
            lang,
            transfers,
            (
                "Uppgifterna överförs inte till länder utanför EU/EES.",
                "The data are not transferred outside the EU/EEA.",
            ),
        ),
    }
}

/// The access report for `request`: one entry per activity in force that
/// concerns the requester (see the module docs), the controller and DPO from
/// `org`, and the data found. `processors` and `systems` resolve ids to names.
pub fn access_report(
    request: &Request,
    activities: &[Activity],
    org: &Organisation,
    processors: &[Processor],
    systems: &[System],
) -> AccessReport {
    let lang = request.intake.language;
    let entries: Vec<AccessEntry> = matching_activities(request, activities)
        .into_iter()
        .map(|a| entry(a, lang, processors, systems))
        .collect();
    let data_found: Vec<AccessDataFound> = request
        .data_found
        .iter()
        .map(|d| found(d, activities, systems))
        .collect();
    AccessReport {
        reference: request.reference.clone(),
        language: lang,
        requester_name: request.intake.requester.name.clone(),
        controller: org.into(),
        dpo: org.dpo.clone(),
        processed: !entries.is_empty() || data_found.iter().any(|d| !d.items.is_empty()),
        entries,
        data_found,
    }
}

fn found(d: &DataFound, activities: &[Activity], systems: &[System]) -> AccessDataFound {
    let activity = d
        .activity_id
        .and_then(|id| activities.iter().find(|a| a.id == id))
        .map(|a| a.content.name.clone());
    let system = d
        .system_id
        .and_then(|id| systems.iter().find(|s| s.id == id))
        .map(|s| s.name.clone());
    let source = match (activity, system) {
        (Some(a), Some(s)) => format!("{a} ({s})"),
        (Some(a), None) => a,
        (None, Some(s)) => s,
        (None, None) => d
            .activity_id
            .or(d.system_id)
            .map(|id| format!("#{id}"))
            .unwrap_or_default(),
    };
    AccessDataFound {
        source,
        activity_id: d.activity_id,
        system_id: d.system_id,
        items: d.items.clone(),
    }
}
