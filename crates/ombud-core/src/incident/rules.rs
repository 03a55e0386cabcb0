//! Rule checks on a breach, as pure functions. Each [`IncidentRule`] cites
//! its article and names the JSON field it concerns. Errors block the change
//! they are found in; warnings are shown on the breach.
//!
//! * [`check_report`], [`check_assessment`], [`check_imy_decision`],
//!   [`check_subjects_decision`], [`check_notification`]: one change.
//! * [`check`]: the breach as it stands at an instant (the clock, what is
//!   still missing).

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::types::{
    Art34Exception, Assessment, ImyDecision, Incident, IncidentReport, Notification,
    NotificationPhase, Risk, SubjectsDecision,
};
use crate::lang::Lang;
use crate::register::Severity;

labelled_enum! {
    /// Every breach rule, by stable id.
    pub enum IncidentRule {
        /// Awareness before the breach happened. Error; GDPR Art. 33(1); `aware_at`.
        AwareBeforeOccurred = "aware_before_occurred", sv: "Kännedom före händelsen", en: "Awareness before the breach";
        /// A breach that ends before it begins. Error; GDPR Art. 33(5); `ended_at`.
        EndedBeforeOccurred = "ended_before_occurred", sv: "Slut före början", en: "Ended before it began";
        /// No description of what happened. Error; GDPR Art. 33(3)(a), 33(5); `description`.
        DescriptionMissing = "description_missing", sv: "Beskrivning saknas", en: "Description missing";
        /// A negative approximate number. Error; GDPR Art. 33(3)(a); `data_subjects_approx`.
        NegativeNumber = "negative_number", sv: "Negativt antal", en: "Negative number";
        /// A risk assessment without its reasoning. Error; GDPR Art. 33(5); `reasoning`.
        RiskReasoningMissing = "risk_reasoning_missing", sv: "Motivering av riskbedömningen saknas", en: "Reasoning of the risk assessment missing";
        /// A decision made before the risk is assessed. Error; GDPR Art. 33(1), 34(1); `risk`.
        DecisionBeforeAssessment = "decision_before_assessment", sv: "Beslut före riskbedömning", en: "Decision before risk assessment";
        /// A decision without its reason. Error; GDPR Art. 33(5); `reason`.
        DecisionReasonMissing = "decision_reason_missing", sv: "Skäl för beslutet saknas", en: "Reason for the decision missing";
        /// Not notifying IMY although a risk is assessed. Error; GDPR Art. 33(1); `notify`.
        NotNotifyingDespiteRisk = "not_notifying_despite_risk", sv: "Ingen anmälan trots risk", en: "No notification despite a risk";
        /// Not informing data subjects of a high risk without an exception.
        /// Error; GDPR Art. 34(1), 34(3); `exception`.
        HighRiskNotInformed = "high_risk_not_informed", sv: "Registrerade informeras inte trots hög risk", en: "Data subjects not informed despite a high risk";
        /// Art. 34(3)(c) relied on without a public communication. Error; GDPR Art. 34(3)(c); `public_communication`.
        PublicCommunicationMissing = "public_communication_missing", sv: "Offentlig information saknas", en: "Public communication missing";
        /// A notification after 72 hours without the reasons for the delay.
        /// Error; GDPR Art. 33(1); `delay_reasons`.
        DelayReasonsMissing = "delay_reasons_missing", sv: "Skäl för förseningen saknas", en: "Reasons for the delay missing";
        /// A notification recorded though the decision was not to notify (or is missing).
        /// Error; GDPR Art. 33(1); `phase`.
        NotificationWithoutDecision = "notification_without_decision", sv: "Anmälan utan beslut att anmäla", en: "Notification without a decision to notify";
        /// A supplement before the initial notification, or a second initial one.
        /// Error; GDPR Art. 33(4); `phase`.
        PhaseOutOfOrder = "phase_out_of_order", sv: "Fel ordning på anmälningarna", en: "Notifications out of order";
        /// A notification before awareness. Error; GDPR Art. 33(1); `submitted_at`.
        NotifiedBeforeAware = "notified_before_aware", sv: "Anmäld före kännedom", en: "Notified before awareness";
        /// The 72 hours have passed and IMY has not been notified. Error; GDPR Art. 33(1); `imy_deadline`.
        NotificationOverdue = "notification_overdue", sv: "72 timmar har passerat", en: "72 hours have passed";
        /// An Art. 33(3) item is still missing for the notification. Warning
        /// (it may follow in phases, Art. 33(4)); GDPR Art. 33(3); the item's field.
        NotificationContentMissing = "notification_content_missing", sv: "Uppgift för anmälan saknas", en: "Item of the notification missing";
        /// A high risk with no decision on informing the data subjects. Warning; GDPR Art. 34(1); `subjects_decision`.
        SubjectsDecisionPending = "subjects_decision_pending", sv: "Beslut om information till registrerade saknas", en: "Decision on informing data subjects pending";
    }
}

impl IncidentRule {
    /// Whether it blocks the change.
    pub fn severity(self) -> Severity {
        match self {
            IncidentRule::NotificationContentMissing | IncidentRule::SubjectsDecisionPending => {
                Severity::Warning
            }
            _ => Severity::Error,
        }
    }

    /// The article it cites.
    pub fn article(self) -> &'static str {
        use IncidentRule::*;
        match self {
            AwareBeforeOccurred
            | DelayReasonsMissing
            | NotificationWithoutDecision
            | NotifiedBeforeAware
            | NotificationOverdue
            | NotNotifyingDespiteRisk => "GDPR Art. 33(1)",
            EndedBeforeOccurred | RiskReasoningMissing | DecisionReasonMissing => "GDPR Art. 33(5)",
            DescriptionMissing => "GDPR Art. 33(3)(a), 33(5)",
            NegativeNumber => "GDPR Art. 33(3)(a)",
            DecisionBeforeAssessment => "GDPR Art. 33(1), 34(1)",
            HighRiskNotInformed => "GDPR Art. 34(1), 34(3)",
            PublicCommunicationMissing => "GDPR Art. 34(3)(c)",
            PhaseOutOfOrder => "GDPR Art. 33(4)",
            NotificationContentMissing => "GDPR Art. 33(3), 33(4)",
            SubjectsDecisionPending => "GDPR Art. 34(1)",
        }
    }
}

/// One broken rule, with its field and its message in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IncidentViolation {
    pub rule: IncidentRule,
    /// The JSON field it concerns.
    pub field: &'static str,
    pub article: &'static str,
    pub severity: Severity,
    pub message_sv: String,
    pub message_en: String,
}

impl IncidentViolation {
    fn new(
        rule: IncidentRule,
        field: &'static str,
        sv: impl Into<String>,
        en: impl Into<String>,
    ) -> Self {
        IncidentViolation {
            rule,
            field,
            article: rule.article(),
            severity: rule.severity(),
            message_sv: sv.into(),
            message_en: en.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.message_sv, &self.message_en)
    }

    /// The API shape, with the message in `lang`.
    pub fn to_json(&self, lang: Lang) -> IncidentViolationJson {
        IncidentViolationJson {
            rule: self.rule,
            field: self.field.to_owned(),
            article: self.article.to_owned(),
            severity: self.severity,
            message: self.message(lang).to_owned(),
        }
    }
}

/// A violation as the API returns it: `{"rule", "field", "article", "severity", "message"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct IncidentViolationJson {
    pub rule: IncidentRule,
    pub field: String,
    pub article: String,
    pub severity: Severity,
    pub message: String,
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

type V = IncidentViolation;

/// The report: dates in order, a description, no negative counts.
pub fn check_report(r: &IncidentReport) -> Vec<V> {
    let mut out = Vec::new();
    if blank(&r.description) {
        out.push(V::new(
            IncidentRule::DescriptionMissing,
            "description",
            "Beskriv vad som har hänt (art. 33.3 a).",
            "Describe what happened (Art. 33(3)(a)).",
        ));
    }
    if r.aware_at < r.occurred_at {
        out.push(V::new(
            IncidentRule::AwareBeforeOccurred,
            "aware_at",
            "Tidpunkten för kännedom kan inte ligga före incidenten. Kontrollera tidpunkterna; de 72 timmarna räknas från kännedom (art. 33.1).",
            "The organisation cannot have become aware before the breach happened. Check the times; the 72 hours run from awareness (Art. 33(1)).",
        ));
    }
    if r.ended_at.is_some_and(|e| e < r.occurred_at) {
        out.push(V::new(
            IncidentRule::EndedBeforeOccurred,
            "ended_at",
            "Incidenten kan inte ha upphört innan den inträffade.",
            "The breach cannot have ended before it began.",
        ));
    }
    for (field, n) in [
        ("data_subjects_approx", r.data_subjects_approx),
        ("records_approx", r.records_approx),
    ] {
        if n.is_some_and(|n| n < 0) {
            out.push(V::new(
                IncidentRule::NegativeNumber,
                field,
                "Ange ett ungefärligt antal som är noll eller större.",
                "Give an approximate number of zero or more.",
            ));
        }
    }
    out
}

/// The assessment: its reasoning is documented (Art. 33(5)).
pub fn check_assessment(a: &Assessment) -> Vec<V> {
    if blank(&a.reasoning) {
        vec![V::new(
            IncidentRule::RiskReasoningMissing,
            "reasoning",
            "Motivera riskbedömningen. Motiveringen ska dokumenteras, även när incidenten inte anmäls (art. 33.5).",
            "Give the reasoning of the risk assessment. It must be documented, also when the breach is not notified (Art. 33(5)).",
        )]
    } else {
        Vec::new()
    }
}

fn before_assessment(i: &Incident) -> Option<V> {
    i.risk.is_none().then(|| {
        V::new(
            IncidentRule::DecisionBeforeAssessment,
            "risk",
            "Bedöm risken för de registrerades rättigheter och friheter innan du beslutar.",
            "Assess the risk to the data subjects' rights and freedoms before deciding.",
        )
    })
}

fn reason_missing(reason: &str) -> Option<V> {
    blank(reason).then(|| {
        V::new(
            IncidentRule::DecisionReasonMissing,
            "reason",
            "Ange skälen för beslutet (art. 33.5).",
            "State the reasons for the decision (Art. 33(5)).",
        )
    })
}

/// The decision on notifying IMY: made after the assessment, with a reason;
/// a risk must be notified (Art. 33(1)).
pub fn check_imy_decision(i: &Incident, d: &ImyDecision) -> Vec<V> {
    let mut out: Vec<V> = before_assessment(i).into_iter().collect();
    out.extend(reason_missing(&d.reason));
    if !d.notify && matches!(i.risk, Some(Risk::Risk | Risk::HighRisk)) {
        out.push(V::new(
            IncidentRule::NotNotifyingDespiteRisk,
            "notify",
            "Incidenten är bedömd att medföra en risk. Den ska då anmälas till IMY (art. 33.1). Ändra riskbedömningen om du anser att ingen risk är trolig.",
            "The breach is assessed as a risk. It must then be notified to IMY (Art. 33(1)). Change the assessment if you consider no risk likely.",
        ));
    }
    out
}

/// The decision on informing data subjects: with a high risk, they are
/// informed unless an Art. 34(3) exception is recorded; 34(3)(c) requires a
/// public communication instead.
pub fn check_subjects_decision(i: &Incident, d: &SubjectsDecision) -> Vec<V> {
    let mut out: Vec<V> = before_assessment(i).into_iter().collect();
    out.extend(reason_missing(&d.reason));
    if !d.inform && i.risk == Some(Risk::HighRisk) && d.exception.is_none() {
        out.push(V::new(
            IncidentRule::HighRiskNotInformed,
            "exception",
            "Vid hög risk ska de registrerade informeras utan onödigt dröjsmål (art. 34.1), om inte ett undantag i art. 34.3 gäller. Välj undantaget eller besluta att informera.",
            "With a high risk the data subjects must be informed without undue delay (Art. 34(1)), unless an exception in Art. 34(3) applies. Choose the exception or decide to inform them.",
        ));
    }
    if !d.inform
        && d.exception == Some(Art34Exception::DisproportionateEffort)
        && blank(&d.public_communication)
    {
        out.push(V::new(
            IncidentRule::PublicCommunicationMissing,
            "public_communication",
            "När det skulle kräva en oproportionerlig ansträngning att informera var och en ska en offentlig information eller liknande lika effektiv åtgärd göras i stället (art. 34.3 c). Beskriv den.",
            "Where informing each data subject would involve disproportionate effort, a public communication or a similar, equally effective measure is required instead (Art. 34(3)(c)). Describe it.",
        ));
    }
    out
}

/// A notification to IMY: decided on, in phase order (Art. 33(4)), and with
/// the reasons for a delay past 72 hours (Art. 33(1)).
pub fn check_notification(i: &Incident, n: &Notification) -> Vec<V> {
    let mut out = Vec::new();
    if !i.imy_decision.as_ref().is_some_and(|d| d.notify) {
        out.push(V::new(
            IncidentRule::NotificationWithoutDecision,
            "phase",
            "Besluta att anmäla incidenten till IMY innan du registrerar en anmälan.",
            "Decide to notify IMY before recording a notification.",
        ));
    }
    let has_initial = i.initial_notification().is_some();
    match (n.phase, has_initial) {
        (NotificationPhase::Initial, true) => out.push(V::new(
            IncidentRule::PhaseOutOfOrder,
            "phase",
            "En första anmälan är redan registrerad. Registrera kompletteringen som komplettering (art. 33.4).",
            "An initial notification is already recorded. Record further information as a supplement (Art. 33(4)).",
        )),
        (NotificationPhase::Supplement, false) => out.push(V::new(
            IncidentRule::PhaseOutOfOrder,
            "phase",
            "En komplettering förutsätter en första anmälan (art. 33.4).",
            "A supplement needs an initial notification first (Art. 33(4)).",
        )),
        _ => {}
    }
    if n.submitted_at < i.report.aware_at {
        out.push(V::new(
            IncidentRule::NotifiedBeforeAware,
            "submitted_at",
            "Anmälan kan inte ha gjorts före kännedom om incidenten.",
            "The notification cannot precede awareness of the breach.",
        ));
    }
    if n.phase == NotificationPhase::Initial
        && n.submitted_at > i.imy_deadline
        && blank(&n.delay_reasons)
    {
        out.push(V::new(
            IncidentRule::DelayReasonsMissing,
            "delay_reasons",
            "Anmälan görs mer än 72 timmar efter kännedom. Då ska skälen till förseningen anges (art. 33.1).",
            "The notification is made more than 72 hours after awareness. The reasons for the delay must then be given (Art. 33(1)).",
        ));
    }
    out
}

/// The breach as it stands at `now`: an overdue notification (error), a
/// pending decision on data subjects, and Art. 33(3) items still missing for
/// a notification (warnings; they may follow in phases).
pub fn check(i: &Incident, now: OffsetDateTime) -> Vec<V> {
    let mut out = Vec::new();
    if i.notification_required() && i.initial_notification().is_none() && now >= i.imy_deadline {
        out.push(V::new(
            IncidentRule::NotificationOverdue,
            "imy_deadline",
            "Mer än 72 timmar har gått sedan kännedom och IMY har inte fått någon anmälan. Anmäl utan dröjsmål och ange skälen till förseningen (art. 33.1).",
            "More than 72 hours have passed since awareness and IMY has not been notified. Notify without delay and give the reasons for the delay (Art. 33(1)).",
        ));
    }
    if i.risk == Some(Risk::HighRisk) && i.subjects_decision.is_none() {
        out.push(V::new(
            IncidentRule::SubjectsDecisionPending,
            "subjects_decision",
            "Hög risk: besluta om de registrerade ska informeras (art. 34.1) eller vilket undantag i art. 34.3 som gäller.",
            "High risk: decide whether the data subjects are informed (Art. 34(1)) or which exception in Art. 34(3) applies.",
        ));
    }
    if i.notification_required() {
        let r = &i.report;
        let missing = [
            (
                "data_subject_categories",
                r.data_subject_categories.iter().all(|s| blank(s)),
                "kategorier av registrerade (art. 33.3 a)",
                "categories of data subjects (Art. 33(3)(a))",
            ),
            (
                "data_subjects_approx",
                r.data_subjects_approx.is_none(),
                "ungefärligt antal registrerade (art. 33.3 a)",
                "approximate number of data subjects (Art. 33(3)(a))",
            ),
            (
                "record_categories",
                r.record_categories.iter().all(|s| blank(s)),
                "kategorier av personuppgifter (art. 33.3 a)",
                "categories of personal data records (Art. 33(3)(a))",
            ),
            (
                "records_approx",
                r.records_approx.is_none(),
                "ungefärligt antal poster (art. 33.3 a)",
                "approximate number of records (Art. 33(3)(a))",
            ),
            (
                "likely_consequences",
                blank(&r.likely_consequences),
                "sannolika konsekvenser (art. 33.3 c)",
                "likely consequences (Art. 33(3)(c))",
            ),
            (
                "measures_taken",
                blank(&r.measures_taken) && blank(&r.measures_proposed),
                "vidtagna eller föreslagna åtgärder (art. 33.3 d)",
                "measures taken or proposed (Art. 33(3)(d))",
            ),
        ];
        for (field, is_missing, sv, en) in missing {
            if is_missing {
                out.push(V::new(
                    IncidentRule::NotificationContentMissing,
                    field,
                    format!("Saknas för anmälan till IMY: {sv}. Det som inte är känt kan lämnas i en komplettering (art. 33.4)."),
                    format!("Missing for the notification to IMY: {en}. What is not yet known may follow in a supplement (Art. 33(4))."),
                ));
            }
        }
    }
    out
}
