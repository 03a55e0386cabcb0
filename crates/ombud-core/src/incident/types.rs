//! The breach record and the DPO's decisions.

use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

use super::rules::{self, IncidentViolation};
use crate::calendar::{BREACH_NOTIFICATION_HOURS, breach_notification_due};

labelled_enum! {
    /// The DPO's assessment of the risk to the rights and freedoms of natural
    /// persons (Art. 33(1), 34(1)).
    pub enum Risk {
        /// Unlikely to result in a risk: documented (Art. 33(5)), IMY not notified.
        NoneLikely = "none_likely", sv: "Ingen risk trolig", en: "No risk likely";
        /// A risk: IMY is notified within 72 hours (Art. 33(1)).
        Risk = "risk", sv: "Risk", en: "Risk";
        /// A high risk: IMY is notified and the data subjects informed (Art. 34(1)).
        HighRisk = "high_risk", sv: "Hög risk", en: "High risk";
    }
}

labelled_enum! {
    /// Which security property was breached (EDPB Guidelines 9/2022).
    pub enum BreachType {
        /// Unauthorised or accidental disclosure of, or access to, personal data.
        Confidentiality = "confidentiality", sv: "Obehörigt röjande eller åtkomst (konfidentialitet)", en: "Unauthorised disclosure or access (confidentiality)";
        /// Unauthorised or accidental alteration of personal data.
        Integrity = "integrity", sv: "Obehörig ändring (riktighet)", en: "Unauthorised alteration (integrity)";
        /// Accidental or unauthorised loss of access to, or destruction of, personal data.
        Availability = "availability", sv: "Förlust eller förstöring (tillgänglighet)", en: "Loss or destruction (availability)";
    }
}

labelled_enum! {
    /// The exceptions of Art. 34(3): informing the data subjects is not required.
    pub enum Art34Exception {
        /// Art. 34(3)(a): the data were protected, e.g. encrypted, so that they are unintelligible.
        ProtectedData = "protected_data", sv: "Uppgifterna var skyddade, t.ex. krypterade (art. 34.3 a)", en: "The data were protected, e.g. encrypted (Art. 34(3)(a))";
        /// Art. 34(3)(b): subsequent measures ensure the high risk is no longer likely to materialise.
        RiskNeutralised = "risk_neutralised", sv: "Vidtagna åtgärder gör att den höga risken inte längre är trolig (art. 34.3 b)", en: "Subsequent measures mean the high risk is no longer likely (Art. 34(3)(b))";
        /// Art. 34(3)(c): disproportionate effort; a public communication is made instead.
        DisproportionateEffort = "disproportionate_effort", sv: "Oproportionerlig ansträngning; offentlig information i stället (art. 34.3 c)", en: "Disproportionate effort; public communication instead (Art. 34(3)(c))";
    }
}

labelled_enum! {
    /// Where a breach stands, derived from what has been recorded.
    pub enum IncidentStatus {
        /// Reported; the DPO has not assessed it yet.
        Reported = "reported", sv: "Rapporterad", en: "Reported";
        /// The risk is assessed; decisions are pending.
        Assessed = "assessed", sv: "Bedömd", en: "Assessed";
        /// The decisions on IMY and the data subjects are made (and nothing has been notified yet).
        Decided = "decided", sv: "Beslutad", en: "Decided";
        /// IMY has been notified (at least a first notice).
        Notified = "notified", sv: "Anmäld till IMY", en: "Notified to IMY";
    }
}

labelled_enum! {
    /// A notification to IMY in phases (Art. 33(4)).
    pub enum NotificationPhase {
        /// The first notice, due within 72 hours of awareness.
        Initial = "initial", sv: "Första anmälan", en: "Initial notification";
        /// Further information, "without undue further delay".
        Supplement = "supplement", sv: "Komplettering", en: "Supplement";
    }
}

/// What the person reporting a breach states. `occurred_at` and `aware_at`
/// are required (RFC 3339 with offset); everything else may be given later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct IncidentReport {
    /// A short title, e.g. "E-post med betygslista till fel mottagare".
    #[serde(default)]
    pub title: String,
    /// What happened: the nature of the breach (Art. 33(3)(a)).
    #[serde(default)]
    pub description: String,
    /// Which security properties were breached.
    #[serde(default)]
    pub breach_types: Vec<BreachType>,
    /// When the breach happened (or began).
    #[serde(with = "time::serde::rfc3339")]
    pub occurred_at: OffsetDateTime,
    /// When it ended, if it has.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub ended_at: Option<OffsetDateTime>,
    /// When the organisation became aware of it, with a reasonable degree of
    /// certainty: the 72 hours run from here (Art. 33(1)).
    #[serde(with = "time::serde::rfc3339")]
    pub aware_at: OffsetDateTime,
    /// How the breach was discovered.
    #[serde(default)]
    pub discovery: String,
    /// Systems concerned (ids of the register's systems).
    #[serde(default)]
    pub system_ids: Vec<i64>,
    /// Processing activities concerned (ids in the register).
    #[serde(default)]
    pub activity_ids: Vec<i64>,
    /// Categories of data subjects, e.g. "Studenter" (Art. 33(3)(a)).
    #[serde(default)]
    pub data_subject_categories: Vec<String>,
    /// Approximate number of data subjects (Art. 33(3)(a)).
    #[serde(default)]
    pub data_subjects_approx: Option<i64>,
    /// Categories of personal data records, e.g. "Betyg" (Art. 33(3)(a)).
    #[serde(default)]
    pub record_categories: Vec<String>,
    /// Approximate number of records (Art. 33(3)(a)).
    #[serde(default)]
    pub records_approx: Option<i64>,
    /// Likely consequences for the data subjects (Art. 33(3)(c)).
    #[serde(default)]
    pub likely_consequences: String,
    /// Measures taken (Art. 33(3)(d)).
    #[serde(default)]
    pub measures_taken: String,
    /// Measures proposed, including mitigation of adverse effects (Art. 33(3)(d)).
    #[serde(default)]
    pub measures_proposed: String,
    /// Whether the breach is contained.
    #[serde(default)]
    pub contained: bool,
}

/// Who made a decision and when; filled in by the server.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Signature {
    /// The user's id.
    pub by_id: Option<i64>,
    /// The user's name or e-mail address as recorded.
    pub by: String,
    /// When (RFC 3339).
    #[serde(with = "time::serde::rfc3339::option")]
    pub at: Option<OffsetDateTime>,
}

impl Signature {
    /// A signature by user `by_id` (`by`: their name) at `at`.
    pub fn new(by_id: Option<i64>, by: impl Into<String>, at: OffsetDateTime) -> Self {
        Signature {
            by_id,
            by: by.into(),
            at: Some(at),
        }
    }
}

/// The DPO's risk assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Assessment {
    pub risk: Risk,
    /// Why: the reasoning is part of the documentation (Art. 33(5)).
    #[serde(default)]
    pub reasoning: String,
    /// Set by the server.
    #[serde(default)]
    pub signed: Signature,
}

/// The decision whether to notify IMY (Art. 33(1)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ImyDecision {
    pub notify: bool,
    #[serde(default)]
    pub reason: String,
    /// Set by the server.
    #[serde(default)]
    pub signed: Signature,
}

/// The decision whether to inform the data subjects (Art. 34).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SubjectsDecision {
    pub inform: bool,
    /// When not informing despite a high risk: the Art. 34(3) exception relied on.
    #[serde(default)]
    pub exception: Option<Art34Exception>,
    #[serde(default)]
    pub reason: String,
    /// Under Art. 34(3)(c): the public communication made instead.
    #[serde(default)]
    pub public_communication: String,
    /// When the data subjects were informed, if they have been.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub informed_at: Option<OffsetDateTime>,
    /// When they will be informed, while that is still to come.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub planned_at: Option<OffsetDateTime>,
    /// What the data subjects can do themselves to limit the harm (for the
    /// letter, Art. 34(2) with 33(3)(d)), e.g. "Byt lösenord".
    #[serde(default)]
    pub advice: String,
    /// Set by the server.
    #[serde(default)]
    pub signed: Signature,
}

/// One notification sent to IMY (through its e-service), as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Notification {
    pub phase: NotificationPhase,
    /// When it was submitted to IMY (RFC 3339).
    #[serde(with = "time::serde::rfc3339")]
    pub submitted_at: OffsetDateTime,
    /// IMY's case number (diarienummer), once known.
    #[serde(default)]
    pub imy_reference: String,
    /// What this notice contained or added.
    #[serde(default)]
    pub summary: String,
    /// The reasons for the delay: required when submitted after the 72 hours (Art. 33(1)).
    #[serde(default)]
    pub delay_reasons: String,
    /// Set by the server.
    #[serde(default)]
    pub signed: Signature,
}

/// A breach as stored and returned: the report, the DPO's record and the
/// derived `reference`, `imy_deadline`, `status` and `risk`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Incident {
    pub id: i64,
    /// A human reference, e.g. `PUI-0007` (personuppgiftsincident).
    #[serde(default)]
    pub reference: String,
    #[serde(flatten)]
    pub report: IncidentReport,
    /// `aware_at` plus 72 elapsed hours, in the offset of `aware_at` (RFC 3339).
    #[serde(with = "time::serde::rfc3339")]
    pub imy_deadline: OffsetDateTime,
    pub status: IncidentStatus,
    /// The assessed risk; null until assessed.
    pub risk: Option<Risk>,
    pub assessment: Option<Assessment>,
    pub imy_decision: Option<ImyDecision>,
    pub subjects_decision: Option<SubjectsDecision>,
    /// Notifications to IMY, in the order recorded.
    #[serde(default)]
    pub notifications: Vec<Notification>,
    /// Who reported it.
    pub reported_by: Option<i64>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

/// `aware_at` plus 72 elapsed hours, in the offset of `aware_at` (Art. 33(1)).
/// Falls back to plain addition for instants the Stockholm calendar does not
/// cover (before 1996).
pub fn imy_deadline(aware_at: OffsetDateTime) -> OffsetDateTime {
    let due = breach_notification_due(aware_at)
        .unwrap_or_else(|_| aware_at + Duration::hours(i64::from(BREACH_NOTIFICATION_HOURS)));
    due.to_offset(aware_at.offset())
}

impl Incident {
    /// A new incident with id `id`, reported by `reported_by` at `at`.
    pub fn new(
        id: i64,
        report: IncidentReport,
        reported_by: Option<i64>,
        at: OffsetDateTime,
    ) -> Self {
        let mut i = Incident {
            id,
            reference: String::new(),
            imy_deadline: report.aware_at,
            report,
            status: IncidentStatus::Reported,
            risk: None,
            assessment: None,
            imy_decision: None,
            subjects_decision: None,
            notifications: Vec::new(),
            reported_by,
            created_at: at,
            updated_at: at,
        };
        i.refresh();
        i
    }

    /// Recomputes the derived fields: `reference`, `imy_deadline`, `status`, `risk`.
    pub fn refresh(&mut self) {
        self.reference = format!("PUI-{:04}", self.id);
        self.imy_deadline = imy_deadline(self.report.aware_at);
        self.risk = self.assessment.as_ref().map(|a| a.risk);
        self.status = if !self.notifications.is_empty() {
            IncidentStatus::Notified
        } else if self.imy_decision.is_some()
            && (self.risk != Some(Risk::HighRisk) || self.subjects_decision.is_some())
        {
            IncidentStatus::Decided
        } else if self.assessment.is_some() {
            IncidentStatus::Assessed
        } else {
            IncidentStatus::Reported
        };
    }

    /// The first notice to IMY, if recorded.
    pub fn initial_notification(&self) -> Option<&Notification> {
        self.notifications
            .iter()
            .find(|n| n.phase == NotificationPhase::Initial)
    }

    /// Whether IMY must (still) be notified: not decided against, and either
    /// not assessed yet or assessed as a risk. Undecided counts as required:
    /// the clock runs until the DPO documents otherwise.
    pub fn notification_required(&self) -> bool {
        match (&self.imy_decision, self.risk) {
            (Some(d), _) => d.notify,
            (None, Some(Risk::NoneLikely)) => false,
            (None, _) => true,
        }
    }
}

/// Where the 72 hours stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClockState {
    /// Notification is (or may be) required and the deadline has not passed.
    Running,
    /// Notification is (or may be) required and the deadline has passed.
    Overdue,
    /// IMY was notified (`late` tells whether after the deadline).
    Notified,
    /// The DPO decided IMY is not to be notified (no risk likely).
    NotRequired,
}

/// The 72-hour clock at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Clock {
    pub state: ClockState,
    /// Whole minutes from now to the deadline; negative once passed.
    pub minutes_left: i64,
    /// Whole hours left (rounded down); negative once passed.
    pub hours_left: i64,
    /// Running and ending within 24 hours.
    pub due_within_24h: bool,
    /// Notified after the deadline.
    pub late: bool,
}

/// The 72-hour clock of `incident` at `now`.
pub fn clock(incident: &Incident, now: OffsetDateTime) -> Clock {
    let left = incident.imy_deadline - now;
    let minutes_left = left.whole_minutes();
    let hours_left = minutes_left.div_euclid(60);
    let initial = incident.initial_notification();
    let state = if initial.is_some() {
        ClockState::Notified
    } else if !incident.notification_required() {
        ClockState::NotRequired
    } else if left.is_negative() || left.is_zero() {
        ClockState::Overdue
    } else {
        ClockState::Running
    };
    Clock {
        state,
        minutes_left,
        hours_left,
        due_within_24h: state == ClockState::Running && left <= Duration::hours(24),
        late: initial.is_some_and(|n| n.submitted_at > incident.imy_deadline),
    }
}

/// One change to an incident, with the audit action it is recorded as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IncidentChange {
    /// The report is corrected or completed.
    Report(IncidentReport),
    /// The DPO assesses the risk.
    Assess(Assessment),
    /// The DPO decides on notifying IMY.
    DecideImy(ImyDecision),
    /// The DPO decides on informing the data subjects.
    DecideSubjects(SubjectsDecision),
    /// A notification to IMY (initial or supplement) is recorded.
    Notify(Notification),
}

impl IncidentChange {
    /// The audit action, e.g. `incident.assess`.
    pub fn action(&self) -> &'static str {
        match self {
            IncidentChange::Report(_) => "incident.update",
            IncidentChange::Assess(_) => "incident.assess",
            IncidentChange::DecideImy(_) => "incident.decide_imy",
            IncidentChange::DecideSubjects(_) => "incident.decide_subjects",
            IncidentChange::Notify(_) => "incident.notify",
        }
    }

    /// The blocking rule violations this change would cause on `incident`.
    pub fn errors(&self, incident: &Incident) -> Vec<IncidentViolation> {
        let all = match self {
            IncidentChange::Report(r) => rules::check_report(r),
            IncidentChange::Assess(a) => rules::check_assessment(a),
            IncidentChange::DecideImy(d) => rules::check_imy_decision(incident, d),
            IncidentChange::DecideSubjects(d) => rules::check_subjects_decision(incident, d),
            IncidentChange::Notify(n) => rules::check_notification(incident, n),
        };
        all.into_iter().filter(|v| v.is_error()).collect()
    }

    /// Applies the change, signed by `signed`, unless a rule blocks it.
    pub fn apply(
        self,
        incident: &mut Incident,
        signed: Signature,
    ) -> Result<(), Vec<IncidentViolation>> {
        let errors = self.errors(incident);
        if !errors.is_empty() {
            return Err(errors);
        }
        let at = signed.at.unwrap_or(incident.updated_at);
        match self {
            IncidentChange::Report(r) => incident.report = r,
            IncidentChange::Assess(a) => {
                incident.assessment = Some(Assessment { signed, ..a });
            }
            IncidentChange::DecideImy(d) => {
                incident.imy_decision = Some(ImyDecision { signed, ..d });
            }
            IncidentChange::DecideSubjects(d) => {
                incident.subjects_decision = Some(SubjectsDecision { signed, ..d });
            }
            IncidentChange::Notify(n) => {
                incident.notifications.push(Notification { signed, ..n });
            }
        }
        incident.updated_at = at;
        incident.refresh();
        Ok(())
    }
}
