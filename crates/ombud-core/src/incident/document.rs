//! The two documents a breach produces, built from the record alone:
//!
//! * [`imy_notification`]: the notification to IMY, with every item of
//!   Art. 33(3) and the times of the breach, in the order of IMY's e-service,
//!   ready to copy field by field. Items not yet known are listed in
//!   `missing` (they may follow in a supplement, Art. 33(4)); after the 72
//!   hours the reasons for the delay are an item of their own (Art. 33(1)).
//! * [`subject_letter`]: the communication to the data subjects in clear and
//!   plain language (Art. 34(2)): the nature of the breach and the items of
//!   Art. 33(3)(b), (c) and (d).
//!
//! Both come in Swedish or English and serialise to JSON; the web crate
//! renders the same structure as a printable page. Instants are shown in
//! Stockholm time with their offset.

use serde::Serialize;
use time::OffsetDateTime;

use super::types::{Incident, NotificationPhase};
use crate::calendar::to_stockholm;
use crate::lang::Lang;
use crate::register::{Organisation, System};

/// Which document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    ImyNotification,
    SubjectLetter,
}

/// One item: a stable `key`, its label in the document's language, the
/// article it answers and the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct DocItem {
    pub key: &'static str,
    pub label: String,
    pub article: Option<&'static str>,
    pub value: String,
}

/// A headed part of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct DocSection {
    pub key: &'static str,
    pub heading: String,
    /// Running text (the letter), before the items.
    pub paragraphs: Vec<String>,
    pub items: Vec<DocItem>,
}

/// A document about one breach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct IncidentDocument {
    pub kind: DocumentKind,
    pub language: Lang,
    /// The breach's reference, e.g. `PUI-0007`.
    pub reference: String,
    pub title: String,
    /// Opening paragraphs.
    pub intro: Vec<String>,
    pub sections: Vec<DocSection>,
    /// Labels of required items that are still empty (the notification), so
    /// that nothing is sent incomplete by mistake.
    pub missing: Vec<String>,
    /// When the document was produced (RFC 3339).
    #[serde(with = "time::serde::rfc3339")]
    pub generated_at: OffsetDateTime,
}

/// `2025-06-19 14:30 (+02:00)`, in Stockholm time.
pub fn local_time(t: OffsetDateTime) -> String {
    let t = to_stockholm(t).unwrap_or(t);
    let o = t.offset();
    format!(
        "{} {:02}:{:02} ({}{:02}:{:02})",
        t.date(),
        t.hour(),
        t.minute(),
        if o.is_negative() { '-' } else { '+' },
        o.whole_hours().unsigned_abs(),
        o.minutes_past_hour().unsigned_abs()
    )
}

struct Builder {
    lang: Lang,
    missing: Vec<String>,
}

impl Builder {
    fn item(
        &mut self,
        key: &'static str,
        (sv, en): (&str, &str),
        article: Option<&'static str>,
        value: String,
        required: bool,
    ) -> DocItem {
        let label = self.lang.pick(sv, en).to_owned();
        if required && value.trim().is_empty() {
            self.missing.push(label.clone());
        }
        DocItem {
            key,
            label,
            article,
            value,
        }
    }

    fn section(
        &self,
        key: &'static str,
        (sv, en): (&str, &str),
        paragraphs: Vec<String>,
        items: Vec<DocItem>,
    ) -> DocSection {
        DocSection {
            key,
            heading: self.lang.pick(sv, en).to_owned(),
            paragraphs,
            items,
        }
    }
}

fn yes_no(lang: Lang, b: bool) -> String {
    match (b, lang) {
        (true, Lang::Sv) => "Ja",
        (true, Lang::En) => "Yes",
        (false, Lang::Sv) => "Nej",
        (false, Lang::En) => "No",
    }
    .to_owned()
}

fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

fn approx(lang: Lang, n: Option<i64>) -> String {
    n.map(|n| format!("{} {n}", lang.pick("ca", "approx.")))
        .unwrap_or_default()
}

fn dpo_contact(org: &Organisation) -> String {
    match &org.dpo {
        Some(d) => [d.name.as_str(), d.email.as_str(), d.phone.as_str()]
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        None => String::new(),
    }
}

/// The notification to IMY (Art. 33(3)), as the record stands at `now`.
/// `activities` are the names of the processing activities concerned.
pub fn imy_notification(
    i: &Incident,
    org: &Organisation,
    systems: &[System],
    activities: &[String],
    lang: Lang,
    now: OffsetDateTime,
) -> IncidentDocument {
    let r = &i.report;
    let mut b = Builder {
        lang,
        missing: Vec::new(),
    };
    let phase = if i.initial_notification().is_some() {
        NotificationPhase::Supplement
    } else {
        NotificationPhase::Initial
    };
    let controller = vec![
        b.item(
            "controller_name",
            ("Personuppgiftsansvarig", "Controller"),
            None,
            org.name.clone(),
            true,
        ),
        b.item(
            "org_number",
            ("Organisationsnummer", "Organisation number"),
            None,
            org.org_number.clone(),
            false,
        ),
        b.item(
            "address",
            ("Postadress", "Postal address"),
            None,
            org.address.clone(),
            false,
        ),
        b.item(
            "own_reference",
            ("Vårt ärendenummer", "Our reference"),
            None,
            i.reference.clone(),
            false,
        ),
        b.item(
            "contact_point",
            (
                "Dataskyddsombud eller annan kontaktpunkt",
                "Data protection officer or other contact point",
            ),
            Some("GDPR Art. 33(3)(b)"),
            dpo_contact(org),
            true,
        ),
    ];
    let late = now > i.imy_deadline
        && i.initial_notification()
            .is_none_or(|n| n.submitted_at > i.imy_deadline);
    let delay_reasons = i
        .initial_notification()
        .map(|n| n.delay_reasons.clone())
        .unwrap_or_default();
    let mut timing = vec![
        b.item(
            "phase",
            ("Typ av anmälan", "Kind of notification"),
            Some("GDPR Art. 33(4)"),
            phase.label(lang).to_owned(),
            false,
        ),
        b.item(
            "occurred_at",
            ("När inträffade incidenten", "When the breach occurred"),
            None,
            local_time(r.occurred_at),
            true,
        ),
        b.item(
            "ended_at",
            ("När upphörde incidenten", "When the breach ended"),
            None,
            r.ended_at
                .map(local_time)
                .unwrap_or_else(|| lang.pick("Pågår eller okänt", "Ongoing or unknown").into()),
            false,
        ),
        b.item(
            "aware_at",
            (
                "När fick vi kännedom om incidenten",
                "When we became aware of the breach",
            ),
            Some("GDPR Art. 33(1)"),
            local_time(r.aware_at),
            true,
        ),
        b.item(
            "imy_deadline",
            ("Sista tid för anmälan (72 timmar)", "Deadline (72 hours)"),
            Some("GDPR Art. 33(1)"),
            local_time(i.imy_deadline),
            false,
        ),
        b.item(
            "discovery",
            ("Hur upptäcktes incidenten", "How the breach was discovered"),
            None,
            r.discovery.clone(),
            false,
        ),
    ];
    if late {
        timing.push(b.item(
            "delay_reasons",
            ("Skäl till förseningen", "Reasons for the delay"),
            Some("GDPR Art. 33(1)"),
            delay_reasons,
            true,
        ));
    }
    let system_names: Vec<String> = r
        .system_ids
        .iter()
        .filter_map(|id| systems.iter().find(|s| s.id == *id))
        .map(|s| s.name.clone())
        .collect();
    let breach_types: Vec<String> = r
        .breach_types
        .iter()
        .map(|t| t.label(lang).to_owned())
        .collect();
    let nature = vec![
        b.item("title", ("Rubrik", "Title"), None, r.title.clone(), false),
        b.item(
            "nature",
            ("Vad har hänt", "What happened"),
            Some("GDPR Art. 33(3)(a)"),
            r.description.clone(),
            true,
        ),
        b.item(
            "breach_types",
            ("Typ av incident", "Type of breach"),
            Some("GDPR Art. 33(3)(a)"),
            list(&breach_types),
            false,
        ),
        b.item(
            "systems",
            ("Berörda system", "Systems concerned"),
            None,
            list(&system_names),
            false,
        ),
        b.item(
            "activities",
            ("Berörda behandlingar", "Processing activities concerned"),
            None,
            list(activities),
            false,
        ),
        b.item(
            "data_subject_categories",
            ("Kategorier av registrerade", "Categories of data subjects"),
            Some("GDPR Art. 33(3)(a)"),
            list(&r.data_subject_categories),
            true,
        ),
        b.item(
            "data_subjects_approx",
            (
                "Ungefärligt antal registrerade",
                "Approximate number of data subjects",
            ),
            Some("GDPR Art. 33(3)(a)"),
            approx(lang, r.data_subjects_approx),
            true,
        ),
        b.item(
            "record_categories",
            (
                "Kategorier av personuppgifter",
                "Categories of personal data",
            ),
            Some("GDPR Art. 33(3)(a)"),
            list(&r.record_categories),
            true,
        ),
        b.item(
            "records_approx",
            (
                "Ungefärligt antal personuppgiftsposter",
                "Approximate number of personal data records",
            ),
            Some("GDPR Art. 33(3)(a)"),
            approx(lang, r.records_approx),
            true,
        ),
    ];
    let risk = i
        .assessment
        .as_ref()
        .map(|a| format!("{}. {}", a.risk.label(lang), a.reasoning.trim()))
        .unwrap_or_default();
    let consequences = vec![
        b.item(
            "likely_consequences",
            ("Sannolika konsekvenser", "Likely consequences"),
            Some("GDPR Art. 33(3)(c)"),
            r.likely_consequences.clone(),
            true,
        ),
        b.item(
            "risk",
            ("Vår bedömning av risken", "Our assessment of the risk"),
            None,
            risk,
            false,
        ),
    ];
    let measures = vec![
        b.item(
            "measures_taken",
            ("Vidtagna åtgärder", "Measures taken"),
            Some("GDPR Art. 33(3)(d)"),
            r.measures_taken.clone(),
            r.measures_proposed.trim().is_empty(),
        ),
        b.item(
            "measures_proposed",
            (
                "Föreslagna åtgärder, även för att mildra effekterna",
                "Measures proposed, including to mitigate adverse effects",
            ),
            Some("GDPR Art. 33(3)(d)"),
            r.measures_proposed.clone(),
            false,
        ),
        b.item(
            "contained",
            ("Är incidenten under kontroll", "Is the breach contained"),
            None,
            yes_no(lang, r.contained),
            false,
        ),
    ];
    let informed = match &i.subjects_decision {
        None => lang
            .pick("Inte beslutat ännu", "Not decided yet")
            .to_owned(),
        Some(d) if d.inform => match (d.informed_at, d.planned_at) {
            (Some(t), _) => format!("{} {}", lang.pick("Informerade", "Informed"), local_time(t)),
            (None, Some(t)) => format!(
                "{} {}",
                lang.pick("Informeras", "To be informed"),
                local_time(t)
            ),
            (None, None) => lang.pick("Ska informeras", "Will be informed").to_owned(),
        },
        Some(d) => {
            let mut s = lang
                .pick("Informeras inte", "Will not be informed")
                .to_owned();
            if let Some(e) = d.exception {
                s = format!("{s}: {}", e.label(lang));
            }
            if !d.reason.trim().is_empty() {
                s = format!("{s}. {}", d.reason.trim());
            }
            s
        }
    };
    let subjects = vec![b.item(
        "subjects_informed",
        (
            "Information till de registrerade",
            "Communication to data subjects",
        ),
        Some("GDPR Art. 34"),
        informed,
        false,
    )];
    let sections = vec![
        b.section(
            "controller",
            ("Personuppgiftsansvarig", "Controller"),
            vec![],
            controller,
        ),
        b.section("timing", ("Tidpunkter", "Times"), vec![], timing),
        b.section(
            "nature",
            ("Incidentens art", "Nature of the breach"),
            vec![],
            nature,
        ),
        b.section(
            "consequences",
            ("Konsekvenser", "Consequences"),
            vec![],
            consequences,
        ),
        b.section("measures", ("Åtgärder", "Measures"), vec![], measures),
        b.section(
            "data_subjects",
            ("De registrerade", "Data subjects"),
            vec![],
            subjects,
        ),
    ];
    IncidentDocument {
        kind: DocumentKind::ImyNotification,
        language: lang,
        reference: i.reference.clone(),
        title: lang
            .pick(
                "Anmälan av personuppgiftsincident till Integritetsskyddsmyndigheten",
                "Notification of a personal data breach to the Swedish Authority for Privacy Protection (IMY)",
            )
            .to_owned(),
        intro: vec![
            lang.pick(
                "Uppgifterna följer ordningen i IMY:s e-tjänst för anmälan av personuppgiftsincidenter (artikel 33.3 i dataskyddsförordningen).",
                "The items follow the order of IMY's e-service for notifying personal data breaches (Article 33(3) GDPR).",
            )
            .to_owned(),
        ],
        sections,
        missing: b.missing,
        generated_at: now,
    }
}

/// The letter to the data subjects (Art. 34(2)), in clear and plain language.
pub fn subject_letter(
    i: &Incident,
    org: &Organisation,
    lang: Lang,
    now: OffsetDateTime,
) -> IncidentDocument {
    let r = &i.report;
    let b = Builder {
        lang,
        missing: Vec::new(),
    };
    let mut missing = Vec::new();
    let paragraph = |text: &str, key_sv: &str, key_en: &str, missing: &mut Vec<String>| {
        if text.trim().is_empty() {
            missing.push(lang.pick(key_sv, key_en).to_owned());
            Vec::new()
        } else {
            vec![text.trim().to_owned()]
        }
    };
    let who = if org.name.trim().is_empty() {
        lang.pick("Vi", "We").to_owned()
    } else {
        org.name.trim().to_owned()
    };
    let mut what = vec![match lang {
        Lang::Sv => format!(
            "Den {} inträffade en incident som gäller dina personuppgifter. Vi fick kännedom om den den {}.",
            local_time(r.occurred_at),
            local_time(r.aware_at)
        ),
        Lang::En => format!(
            "On {} an incident occurred that concerns your personal data. We became aware of it on {}.",
            local_time(r.occurred_at),
            local_time(r.aware_at)
        ),
    }];
    what.extend(paragraph(
        &r.description,
        "vad som hänt",
        "what happened",
        &mut missing,
    ));
    let data = list(&r.record_categories);
    let data_paragraphs = if data.is_empty() {
        missing.push(lang.pick("vilka uppgifter", "which data").to_owned());
        Vec::new()
    } else {
        vec![match lang {
            Lang::Sv => format!("De uppgifter som berörs är: {data}."),
            Lang::En => format!("The information concerned is: {data}."),
        }]
    };
    let consequences = paragraph(
        &r.likely_consequences,
        "sannolika konsekvenser",
        "likely consequences",
        &mut missing,
    );
    let mut measures = Vec::new();
    if !r.measures_taken.trim().is_empty() {
        measures.push(match lang {
            Lang::Sv => format!("Det här har vi gjort: {}", r.measures_taken.trim()),
            Lang::En => format!("What we have done: {}", r.measures_taken.trim()),
        });
    }
    if !r.measures_proposed.trim().is_empty() {
        measures.push(match lang {
            Lang::Sv => format!("Det här kommer vi att göra: {}", r.measures_proposed.trim()),
            Lang::En => format!("What we will do: {}", r.measures_proposed.trim()),
        });
    }
    if measures.is_empty() {
        missing.push(lang.pick("åtgärder", "measures").to_owned());
    }
    let advice = i
        .subjects_decision
        .as_ref()
        .map(|d| d.advice.trim().to_owned())
        .filter(|a| !a.is_empty())
        .map(|a| vec![a])
        .unwrap_or_default();
    let contact = dpo_contact(org);
    let contact_paragraphs = if contact.is_empty() {
        missing.push(lang.pick("kontaktuppgifter", "contact details").to_owned());
        Vec::new()
    } else {
        vec![match lang {
            Lang::Sv => format!(
                "Har du frågor kan du kontakta vårt dataskyddsombud: {contact}. Ange ärendenummer {}.",
                i.reference
            ),
            Lang::En => format!(
                "If you have questions, contact our data protection officer: {contact}. Please quote reference {}.",
                i.reference
            ),
        }]
    };
    let complaint = vec![
        lang.pick(
            "Du har rätt att klaga hos Integritetsskyddsmyndigheten (IMY), Box 8114, 104 20 Stockholm, imy@imy.se, om du anser att vi behandlar dina personuppgifter felaktigt.",
            "You have the right to lodge a complaint with the Swedish Authority for Privacy Protection (IMY), Box 8114, 104 20 Stockholm, Sweden, imy@imy.se, if you think we process your personal data wrongly.",
        )
        .to_owned(),
    ];
    let mut sections = vec![
        b.section(
            "what_happened",
            ("Vad har hänt?", "What happened?"),
            what,
            vec![],
        ),
        b.section(
            "data",
            (
                "Vilka uppgifter gäller det?",
                "Which information is concerned?",
            ),
            data_paragraphs,
            vec![],
        ),
        b.section(
            "consequences",
            (
                "Vad kan det innebära för dig?",
                "What could this mean for you?",
            ),
            consequences,
            vec![],
        ),
        b.section(
            "measures",
            ("Vad gör vi?", "What are we doing?"),
            measures,
            vec![],
        ),
    ];
    if !advice.is_empty() {
        sections.push(b.section(
            "advice",
            ("Vad kan du göra?", "What can you do?"),
            advice,
            vec![],
        ));
    }
    sections.push(b.section(
        "contact",
        ("Kontakt", "Contact"),
        contact_paragraphs,
        vec![],
    ));
    sections.push(b.section(
        "complaint",
        ("Din rätt att klaga", "Your right to complain"),
        complaint,
        vec![],
    ));
    IncidentDocument {
        kind: DocumentKind::SubjectLetter,
        language: lang,
        reference: i.reference.clone(),
        title: lang
            .pick(
                "Information om en personuppgiftsincident",
                "Information about a personal data breach",
            )
            .to_owned(),
        intro: vec![match lang {
            Lang::Sv => format!(
                "{who} vill informera dig om en personuppgiftsincident som kan påverka dig (artikel 34 i dataskyddsförordningen)."
            ),
            Lang::En => format!(
                "{who} wants to tell you about a personal data breach that may affect you (Article 34 GDPR)."
            ),
        }],
        sections,
        missing,
        generated_at: now,
    }
}
