//! Rule checks on a data-subject request, as pure functions. Each
//! [`RequestRule`] cites its article and names the JSON field it concerns.
//! Errors block the change they are found in; warnings are shown.
//!
//! * [`check_change`]: one [`RequestChange`] against the case.
//! * [`check`]: the case as it stands on a date (the clock, what is missing).
//!
//! Identity (Art. 12(6)): answering a request under Arts. 15–21 without a
//! recorded identity check is an error — the answer discloses or changes
//! someone's personal data, and giving them to the wrong person is itself a
//! breach — unless the answer is that the person cannot be identified
//! (Art. 11(2), 12(2)). For Art. 22 it is a warning: 12(6) does not cover it.

use serde::{Deserialize, Serialize};

use super::erasure::{ErasureDecision, ErasureOutcome};
use super::types::{
    Answer, AnswerOutcome, Extension, IdentityCheck, IdentityMethod, ObjectionDecision,
    ObjectionOutcome, PortabilityOutcome, RectificationOutcome, Request, RequestChange,
    RequestIntake, RestrictionOutcome, Right,
};
use crate::calendar::request_deadlines;
use crate::lang::Lang;
use crate::register::Severity;
use time::Date;

labelled_enum! {
    /// Every request rule, by stable id.
    pub enum RequestRule {
        /// No requester name. Error; GDPR Art. 12(2); `requester.name`.
        RequesterNameMissing = "requester_name_missing", sv: "Den sökandes namn saknas", en: "Requester's name missing";
        /// No way to answer: no e-mail, phone or address. Error; GDPR Art. 12(3); `requester`.
        RequesterContactMissing = "requester_contact_missing", sv: "Kontaktuppgift saknas", en: "Contact details missing";
        /// A receipt date the calendar does not cover. Error; GDPR Art. 12(3); `received_on`.
        ReceivedOutOfRange = "received_out_of_range", sv: "Mottagningsdatum utanför kalendern", en: "Receipt date out of range";
        /// An answer or closing dated after today. Error; GDPR Art. 12(3); the date's field.
        DateInFuture = "date_in_future", sv: "Datum i framtiden", en: "Date in the future";
        /// A change to a closed case. Error; GDPR Art. 5(2); `status`.
        CaseClosed = "case_closed", sv: "Ärendet är avslutat", en: "Case closed";
        /// The right changed after outcomes were recorded. Error; GDPR Art. 12(3); `right`.
        RightChangedAfterOutcome = "right_changed_after_outcome", sv: "Rättighet ändrad efter beslut", en: "Right changed after a decision";
        /// A date before the request was received. Error; GDPR Art. 12(3); the date's field.
        DateBeforeReceipt = "date_before_receipt", sv: "Datum före mottagandet", en: "Date before receipt";
        /// Identity check "other" without a note. Error; GDPR Art. 12(6); `note`.
        IdentityNoteMissing = "identity_note_missing", sv: "Beskrivning av identitetskontrollen saknas", en: "Description of the identity check missing";
        /// An extension without its reason. Error; GDPR Art. 12(3); `reason`.
        ExtensionReasonMissing = "extension_reason_missing", sv: "Skäl för förlängning saknas", en: "Reason for the extension missing";
        /// The requester told of the extension after the first month. Error; GDPR Art. 12(3); `notified_on`.
        ExtensionNoticeLate = "extension_notice_late", sv: "Förlängningen meddelades för sent", en: "Extension notified too late";
        /// An extension whose notice is not yet recorded as sent. Warning; GDPR Art. 12(3); `notified_on`.
        ExtensionNoticePending = "extension_notice_pending", sv: "Besked om förlängningen ej registrerat", en: "Notice of the extension not recorded";
        /// Told after the target date but within the last lawful day. Warning; GDPR Art. 12(3); `notified_on`.
        ExtensionNoticeAfterTarget = "extension_notice_after_target", sv: "Förlängningen meddelades efter måldatum", en: "Extension notified after the target date";
        /// A second extension. Error; GDPR Art. 12(3); `extension`.
        SecondExtension = "second_extension", sv: "Redan förlängd", en: "Already extended";
        /// An extension or a second answer after the answer. Error; GDPR Art. 12(3); `answer`.
        AlreadyAnswered = "already_answered", sv: "Redan besvarad", en: "Already answered";
        /// An outcome for another right than the one requested. Error; GDPR Art. 15–22; `right`.
        WrongRight = "wrong_right", sv: "Fel rättighet", en: "Wrong right";
        /// Two decisions for one activity, or none for an activity concerned. Error; GDPR Art. 17; `erasure_decisions`.
        ErasureDecisionsInvalid = "erasure_decisions_invalid", sv: "Raderingsbesluten är ofullständiga", en: "Erasure decisions incomplete";
        /// A refused erasure without an Art. 17(3) exception or reasons. Error; GDPR Art. 17(3), 12(4); `ground`.
        ErasureRefusalGroundMissing = "erasure_refusal_ground_missing", sv: "Undantag enligt art. 17.3 saknas", en: "Art. 17(3) exception missing";
        /// An exception on an erasure that is carried out. Error; GDPR Art. 17(3); `ground`.
        GroundWithoutRefusal = "ground_without_refusal", sv: "Undantag utan avslag", en: "Exception without refusal";
        /// Rectification with nothing corrected, added or refused. Error; GDPR Art. 16; `rectification`.
        RectificationEmpty = "rectification_empty", sv: "Rättelsen saknar innehåll", en: "Rectification outcome empty";
        /// A restriction without an Art. 18(1) ground. Error; GDPR Art. 18(1); `grounds`.
        RestrictionGroundMissing = "restriction_ground_missing", sv: "Grund för begränsning saknas", en: "Restriction ground missing";
        /// A restriction refused without a reason. Error; GDPR Art. 12(4); `note`.
        RestrictionRefusalReasonMissing = "restriction_refusal_reason_missing", sv: "Skäl för att inte begränsa saknas", en: "Reason for not restricting missing";
        /// Lifting without telling the requester first, or before restricting. Error; GDPR Art. 18(3); `lifted_on`.
        RestrictionLiftedWithoutNotice = "restriction_lifted_without_notice", sv: "Begränsningen hävd utan föregående besked", en: "Restriction lifted without notice";
        /// Closing while the restriction is in force. Error; GDPR Art. 18(3); `restriction`.
        RestrictionInForce = "restriction_in_force", sv: "Begränsningen gäller fortfarande", en: "Restriction still in force";
        /// An objection without the balancing. Error; GDPR Art. 21(1); `reasoning`.
        ObjectionReasoningMissing = "objection_reasoning_missing", sv: "Intresseavvägningen saknas", en: "Balancing missing";
        /// An objection to direct marketing rejected. Error; GDPR Art. 21(3); `decision`.
        DirectMarketingObjectionRejected = "direct_marketing_objection_rejected", sv: "Invändning mot direktmarknadsföring avslagen", en: "Direct-marketing objection rejected";
        /// Art. 22 review without an explanation. Error; GDPR Art. 22(3); `explanation`.
        AutomatedReviewMissing = "automated_review_missing", sv: "Beskrivning av omprövningen saknas", en: "Description of the review missing";
        /// Portability delivered without a format, or neither delivered nor refused. Error; GDPR Art. 20(1); `format`.
        PortabilityFormatMissing = "portability_format_missing", sv: "Format saknas", en: "Format missing";
        /// An answer under Arts. 15–21 before the identity is checked. Error
        /// (warning for Art. 22); GDPR Art. 12(6); `identity_check`.
        AnswerBeforeIdentity = "answer_before_identity", sv: "Svar före identitetskontroll", en: "Answer before identity check";
        /// An answer without the right's outcome recorded. Error; GDPR Art. 12(3); the outcome's field.
        OutcomeMissing = "outcome_missing", sv: "Beslut i sak saknas", en: "Outcome missing";
        /// A refusal without reasons. Error; GDPR Art. 12(4); `reasons`.
        RefusalReasonsMissing = "refusal_reasons_missing", sv: "Skäl för avslag saknas", en: "Reasons for refusal missing";
        /// Answered after the last lawful day. Warning; GDPR Art. 12(3); `answered_on`.
        AnsweredLate = "answered_late", sv: "Besvarad för sent", en: "Answered late";
        /// Closing without an answer. Error; GDPR Art. 12(3), 12(4); `answer`.
        CloseWithoutAnswer = "close_without_answer", sv: "Avslut utan svar", en: "Closing without an answer";
        /// The deadline has passed and the requester is not answered. Error; GDPR Art. 12(3); `deadline`.
        DeadlineOverdue = "deadline_overdue", sv: "Tidsfristen har passerat", en: "Deadline passed";
        /// Open, under Arts. 15–21, identity not yet checked. Warning; GDPR Art. 12(6); `identity_check`.
        IdentityNotChecked = "identity_not_checked", sv: "Identiteten är inte kontrollerad", en: "Identity not checked";
    }
}

impl RequestRule {
    /// Whether it blocks the change (the severity of [`RequestRule::AnswerBeforeIdentity`]
    /// depends on the right; see [`RequestViolation`]).
    pub fn severity(self) -> Severity {
        use RequestRule::*;
        match self {
            ExtensionNoticeAfterTarget
            | ExtensionNoticePending
            | AnsweredLate
            | IdentityNotChecked => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The article it cites.
    pub fn article(self) -> &'static str {
        use RequestRule::*;
        match self {
            RequesterNameMissing => "GDPR Art. 12(2)",
            RequesterContactMissing
            | DateInFuture
            | ReceivedOutOfRange
            | RightChangedAfterOutcome
            | DateBeforeReceipt
            | ExtensionReasonMissing
            | ExtensionNoticeLate
            | ExtensionNoticePending
            | ExtensionNoticeAfterTarget
            | SecondExtension
            | AlreadyAnswered
            | OutcomeMissing
            | AnsweredLate
            | DeadlineOverdue => "GDPR Art. 12(3)",
            CaseClosed => "GDPR Art. 5(2)",
            IdentityNoteMissing | AnswerBeforeIdentity | IdentityNotChecked => "GDPR Art. 12(6)",
            WrongRight => "GDPR Art. 15–22",
            ErasureDecisionsInvalid => "GDPR Art. 17",
            ErasureRefusalGroundMissing => "GDPR Art. 17(3), 12(4)",
            GroundWithoutRefusal => "GDPR Art. 17(3)",
            RectificationEmpty => "GDPR Art. 16",
            RestrictionGroundMissing => "GDPR Art. 18(1)",
            RestrictionRefusalReasonMissing | RefusalReasonsMissing => "GDPR Art. 12(4)",
            RestrictionLiftedWithoutNotice | RestrictionInForce => "GDPR Art. 18(3)",
            ObjectionReasoningMissing => "GDPR Art. 21(1)",
            DirectMarketingObjectionRejected => "GDPR Art. 21(3)",
            AutomatedReviewMissing => "GDPR Art. 22(3)",
            PortabilityFormatMissing => "GDPR Art. 20(1)",
            CloseWithoutAnswer => "GDPR Art. 12(3), 12(4)",
        }
    }
}

/// One broken rule, with its field and its message in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestViolation {
    pub rule: RequestRule,
    /// The JSON field it concerns.
    pub field: &'static str,
    pub article: &'static str,
    pub severity: Severity,
    pub message_sv: String,
    pub message_en: String,
}

impl RequestViolation {
    fn new(
        rule: RequestRule,
        field: &'static str,
        sv: impl Into<String>,
        en: impl Into<String>,
    ) -> Self {
        RequestViolation {
            rule,
            field,
            article: rule.article(),
            severity: rule.severity(),
            message_sv: sv.into(),
            message_en: en.into(),
        }
    }

    fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.message_sv, &self.message_en)
    }

    /// The API shape, with the message in `lang`.
    pub fn to_json(&self, lang: Lang) -> RequestViolationJson {
        RequestViolationJson {
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
pub struct RequestViolationJson {
    pub rule: RequestRule,
    pub field: String,
    pub article: String,
    pub severity: Severity,
    pub message: String,
}

type V = RequestViolation;

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn before_receipt(r: &Request, field: &'static str, date: Option<Date>) -> Option<V> {
    date.filter(|d| *d < r.intake.received_on).map(|_| {
        V::new(
            RequestRule::DateBeforeReceipt,
            field,
            "Datumet kan inte ligga före den dag begäran kom in.",
            "The date cannot be before the day the request was received.",
        )
    })
}

fn wrong_right(r: &Request, expected: Right) -> Option<V> {
    (r.intake.right != expected).then(|| {
        V::new(
            RequestRule::WrongRight,
            "right",
            format!(
                "Ärendet gäller {}, inte {}.",
                r.intake.right.label(Lang::Sv).to_lowercase(),
                expected.label(Lang::Sv).to_lowercase()
            ),
            format!(
                "The case concerns {}, not {}.",
                r.intake.right.label(Lang::En).to_lowercase(),
                expected.label(Lang::En).to_lowercase()
            ),
        )
    })
}

/// The violations `change` would cause on `r`: the closed-case guard, then
/// the rules of the change itself.
pub fn check_change(r: &Request, change: &RequestChange) -> Vec<V> {
    if r.closure.is_some() {
        return vec![V::new(
            RequestRule::CaseClosed,
            "status",
            "Ärendet är avslutat och kan inte ändras.",
            "The case is closed and cannot be changed.",
        )];
    }
    match change {
        RequestChange::Update(intake) => check_intake(r, intake),
        RequestChange::Scope { .. } => Vec::new(),
        RequestChange::Verify(c) => check_identity(c),
        RequestChange::Extend(e) => check_extension(r, e),
        RequestChange::DecideErasure(ds) => {
            let mut out: Vec<V> = wrong_right(r, Right::Erasure).into_iter().collect();
            out.extend(check_erasure_decisions(r, ds));
            out
        }
        RequestChange::Rectify(o) => {
            let mut out: Vec<V> = wrong_right(r, Right::Rectification).into_iter().collect();
            out.extend(check_rectification(o));
            out
        }
        RequestChange::Restrict(o) => {
            let mut out: Vec<V> = wrong_right(r, Right::Restriction).into_iter().collect();
            out.extend(check_restriction(r, o));
            out
        }
        RequestChange::Object(o) => {
            let mut out: Vec<V> = wrong_right(r, Right::Objection).into_iter().collect();
            out.extend(check_objection(o));
            out
        }
        RequestChange::ReviewAutomatedDecision(o) => {
            let mut out: Vec<V> = wrong_right(r, Right::AutomatedDecision)
                .into_iter()
                .collect();
            if blank(&o.explanation) {
                out.push(V::new(
                    RequestRule::AutomatedReviewMissing,
                    "explanation",
                    "Beskriv omprövningen: om en människa har granskat beslutet, om den sökandes synpunkter har beaktats och resultatet (art. 22.3).",
                    "Describe the review: whether a person reviewed the decision, whether the requester's view was considered, and the result (Art. 22(3)).",
                ));
            }
            out
        }
        RequestChange::DeliverPortability(o) => {
            let mut out: Vec<V> = wrong_right(r, Right::Portability).into_iter().collect();
            out.extend(check_portability(r, o));
            out
        }
        RequestChange::AttachData(_) => Vec::new(),
        RequestChange::Answer(a) => check_answer(r, a),
        RequestChange::Close(c) => {
            let mut out = Vec::new();
            if r.answer.is_none() {
                out.push(V::new(
                    RequestRule::CloseWithoutAnswer,
                    "answer",
                    "Besvara begäran innan ärendet avslutas. Även ett avslag ska meddelas, med skäl (art. 12.3–12.4).",
                    "Answer the request before closing the case. A refusal must be communicated too, with reasons (Art. 12(3)–(4)).",
                ));
            }
            if r.restriction.as_ref().is_some_and(|o| o.in_force()) {
                out.push(V::new(
                    RequestRule::RestrictionInForce,
                    "restriction",
                    "Begränsningen gäller fortfarande. Ärendet hålls öppet tills begränsningen hävs, efter besked till den registrerade (art. 18.3).",
                    "The restriction is still in force. The case stays open until it is lifted, after telling the data subject (Art. 18(3)).",
                ));
            }
            out.extend(before_receipt(r, "closed_on", Some(c.closed_on)));
            out
        }
    }
}

/// The intake: a name, a way to answer, a date the calendar covers. Once an
/// outcome or answer is recorded the right cannot change.
pub fn check_intake(r: &Request, intake: &RequestIntake) -> Vec<V> {
    let mut out = Vec::new();
    let q = &intake.requester;
    if blank(&q.name) {
        out.push(V::new(
            RequestRule::RequesterNameMissing,
            "requester.name",
            "Ange den sökandes namn.",
            "Give the requester's name.",
        ));
    }
    if blank(&q.email) && blank(&q.phone) && blank(&q.address) {
        out.push(V::new(
            RequestRule::RequesterContactMissing,
            "requester",
            "Ange minst en kontaktuppgift (e-post, telefon eller adress) så att svaret kan lämnas.",
            "Give at least one contact detail (e-mail, phone or address) so the answer can be given.",
        ));
    }
    if request_deadlines(intake.received_on, super::REQUEST_HOLIDAY_POLICY).is_err() {
        out.push(V::new(
            RequestRule::ReceivedOutOfRange,
            "received_on",
            "Mottagningsdatumet ligger utanför det kalendern kan räkna frister för.",
            "The receipt date is outside the range the calendar can count deadlines for.",
        ));
    }
    let has_outcome = r.erasure_decided
        || r.rectification.is_some()
        || r.restriction.is_some()
        || r.objection.is_some()
        || r.automated_decision.is_some()
        || r.portability.is_some()
        || r.answer.is_some();
    if has_outcome && intake.right != r.intake.right {
        out.push(V::new(
            RequestRule::RightChangedAfterOutcome,
            "right",
            "Beslut är redan registrerade för den begärda rättigheten. Registrera en ny begäran i stället för att byta rättighet.",
            "Decisions are already recorded for the right requested. Register a new request instead of changing the right.",
        ));
    }
    // Dates recorded so far must stay on or after receipt.
    if r.extension
        .as_ref()
        .is_some_and(|e| e.notified_on.is_some_and(|n| n < intake.received_on))
    {
        out.push(V::new(
            RequestRule::DateBeforeReceipt,
            "received_on",
            "Begäran kan inte ha kommit in efter att förlängningen meddelades.",
            "The request cannot have been received after the extension was notified.",
        ));
    }
    out
}

/// The identity check: the method "other" needs a description.
pub fn check_identity(c: &IdentityCheck) -> Vec<V> {
    if c.method == IdentityMethod::Other && blank(&c.note) {
        vec![V::new(
            RequestRule::IdentityNoteMissing,
            "note",
            "Beskriv hur identiteten kontrollerades.",
            "Describe how the identity was checked.",
        )]
    } else {
        Vec::new()
    }
}

/// The extension (Art. 12(3)): once, before the answer, with its reason,
/// told to the requester within one month of receipt.
pub fn check_extension(r: &Request, e: &Extension) -> Vec<V> {
    let mut out = Vec::new();
    // Recording the notice of an extension decided earlier is not a second one.
    let completes_notice = r
        .extension
        .as_ref()
        .is_some_and(|old| old.notified_on.is_none() && e.notified_on.is_some());
    if r.extension.is_some() && !completes_notice {
        out.push(V::new(
            RequestRule::SecondExtension,
            "extension",
            "Fristen är redan förlängd. Den kan förlängas en gång, med högst två månader (art. 12.3).",
            "The deadline is already extended. It can be extended once, by at most two months (Art. 12(3)).",
        ));
    }
    if r.answer.is_some() {
        out.push(V::new(
            RequestRule::AlreadyAnswered,
            "answer",
            "Begäran är redan besvarad; fristen kan inte förlängas.",
            "The request is already answered; the deadline cannot be extended.",
        ));
    }
    if blank(&e.reason) {
        out.push(V::new(
            RequestRule::ExtensionReasonMissing,
            "reason",
            "Ange skälen för förlängningen, t.ex. begärans komplexitet eller antalet begäranden. Skälen ska meddelas den registrerade (art. 12.3).",
            "Give the reasons for the extension, e.g. the complexity or number of requests. They must be told to the data subject (Art. 12(3)).",
        ));
    }
    out.extend(before_receipt(r, "notified_on", e.notified_on));
    if let (Some(d), None) = (r.deadlines(), e.notified_on) {
        out.push(V::new(
            RequestRule::ExtensionNoticePending,
            "notified_on",
            format!(
                "Meddela den registrerade förlängningen och skälen senast {} (art. 12.3) och registrera när det skedde.",
                d.latest
            ),
            format!(
                "Tell the data subject of the extension and its reasons by {} (Art. 12(3)) and record when.",
                d.latest
            ),
        ));
    }
    if let (Some(d), Some(notified_on)) = (r.deadlines(), e.notified_on) {
        if notified_on > d.latest {
            out.push(V::new(
                RequestRule::ExtensionNoticeLate,
                "notified_on",
                format!(
                    "Den registrerade ska underrättas om förlängningen inom en månad från mottagandet, senast {} (art. 12.3). Efter det kan fristen inte förlängas.",
                    d.latest
                ),
                format!(
                    "The data subject must be told of the extension within one month of receipt, by {} at the latest (Art. 12(3)). After that the deadline cannot be extended.",
                    d.latest
                ),
            ));
        } else if notified_on > d.nominal {
            out.push(V::new(
                RequestRule::ExtensionNoticeAfterTarget,
                "notified_on",
                format!(
                    "Förlängningen meddelades efter måldatumet {} men inom den sista tillåtna dagen {}.",
                    d.nominal, d.latest
                ),
                format!(
                    "The extension was notified after the target date {} but within the last lawful day {}.",
                    d.nominal, d.latest
                ),
            ));
        }
    }
    out
}

/// Answers and closings dated after `today` (Stockholm): a case cannot be
/// answered or closed tomorrow, and the record must be accurate. Receipt and
/// extension dates are not limited: cases may be registered ahead, e.g. to
/// see a deadline, and the deadline is computed from whatever date is given.
pub fn future_dates(change: Option<&RequestChange>, today: Date) -> Vec<V> {
    let mut dates: Vec<(&'static str, Date)> = Vec::new();
    match change {
        Some(RequestChange::Answer(a)) => dates.push(("answered_on", a.answered_on)),
        Some(RequestChange::Close(c)) => dates.push(("closed_on", c.closed_on)),
        _ => {}
    }
    dates
        .into_iter()
        .filter(|(_, d)| *d > today)
        .map(|(field, d)| {
            V::new(
                RequestRule::DateInFuture,
                field,
                format!("{d} ligger efter i dag ({today}). Ange det datum då det hände."),
                format!("{d} is after today ({today}). Give the date on which it happened."),
            )
        })
        .collect()
}

/// Every activity that concerns the requester (`concerned`: their ids, from
/// [`super::access::matching_activities`]) has its erasure decision.
pub fn check_erasure_coverage(ds: &[ErasureDecision], concerned: &[(i64, String)]) -> Vec<V> {
    concerned
        .iter()
        .filter(|(id, _)| !ds.iter().any(|d| d.activity_id == *id))
        .map(|(_, name)| {
            V::new(
                RequestRule::ErasureDecisionsInvalid,
                "erasure_decisions",
                format!("Beslut saknas för behandlingen {name}."),
                format!("A decision is missing for the activity {name}."),
            )
        })
        .collect()
}

/// Erasure decisions: at least one, one per activity; a refusal names its
/// Art. 17(3) exception and its reasons; an erasure names none.
pub fn check_erasure_decisions(r: &Request, ds: &[ErasureDecision]) -> Vec<V> {
    let mut out = Vec::new();
    let mut ids: Vec<i64> = ds.iter().map(|d| d.activity_id).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.len() != ds.len() {
        out.push(V::new(
            RequestRule::ErasureDecisionsInvalid,
            "erasure_decisions",
            "Ange ett beslut per berörd behandling, och bara ett.",
            "Give one decision per activity concerned, and only one.",
        ));
    }
    for d in ds {
        match d.decision {
            ErasureOutcome::Refuse if d.ground.is_none() || blank(&d.explanation) => {
                out.push(V::new(
                    RequestRule::ErasureRefusalGroundMissing,
                    "ground",
                    format!(
                        "Behandlingen \"{}\": ett avslag på radering ska ange undantaget i art. 17.3 och skälen, som meddelas den registrerade (art. 12.4).",
                        d.activity_name
                    ),
                    format!(
                        "Activity \"{}\": a refusal to erase must name the Art. 17(3) exception and the reasons, which are told to the data subject (Art. 12(4)).",
                        d.activity_name
                    ),
                ));
            }
            ErasureOutcome::Erase if d.ground.is_some() => out.push(V::new(
                RequestRule::GroundWithoutRefusal,
                "ground",
                format!(
                    "Behandlingen \"{}\": ett undantag i art. 17.3 anges bara när radering vägras.",
                    d.activity_name
                ),
                format!(
                    "Activity \"{}\": an Art. 17(3) exception is given only when erasure is refused.",
                    d.activity_name
                ),
            )),
            _ => {}
        }
        out.extend(before_receipt(r, "erased_on", d.erased_on));
    }
    out
}

/// Rectification: something corrected, a statement added, or a reason for not correcting.
pub fn check_rectification(o: &RectificationOutcome) -> Vec<V> {
    if o.corrected.iter().all(|c| blank(c))
        && blank(&o.supplementary_statement)
        && blank(&o.refusal_reason)
    {
        vec![V::new(
            RequestRule::RectificationEmpty,
            "rectification",
            "Ange vad som rättades eller kompletterades, eller varför uppgifterna inte rättades (art. 16).",
            "State what was corrected or completed, or why the data were not corrected (Art. 16).",
        )]
    } else {
        Vec::new()
    }
}

/// Restriction: a ground when restricting, a reason when not; lifted only
/// after restricting and after telling the requester (Art. 18(3)).
pub fn check_restriction(r: &Request, o: &RestrictionOutcome) -> Vec<V> {
    let mut out = Vec::new();
    if o.restricted_on.is_some() && o.grounds.is_empty() {
        out.push(V::new(
            RequestRule::RestrictionGroundMissing,
            "grounds",
            "Ange vilken grund i art. 18.1 a–d som gäller.",
            "Give the ground of Art. 18(1)(a)–(d) that applies.",
        ));
    }
    if o.restricted_on.is_none() && blank(&o.note) {
        out.push(V::new(
            RequestRule::RestrictionRefusalReasonMissing,
            "note",
            "Behandlingen begränsas inte: ange skälen (art. 12.4).",
            "The processing is not restricted: give the reasons (Art. 12(4)).",
        ));
    }
    if let Some(lifted) = o.lifted_on {
        let restricted_before = o.restricted_on.is_some_and(|d| d <= lifted);
        let notified_before = o.lifting_notified_on.is_some_and(|d| d <= lifted);
        if !restricted_before || !notified_before {
            out.push(V::new(
                RequestRule::RestrictionLiftedWithoutNotice,
                "lifted_on",
                "En begränsning kan hävas först efter att den har gällt och efter att den registrerade har underrättats (art. 18.3).",
                "A restriction can be lifted only after it applied and after the data subject has been told (Art. 18(3)).",
            ));
        }
    }
    for (field, d) in [
        ("restricted_on", o.restricted_on),
        ("lifting_notified_on", o.lifting_notified_on),
        ("lifted_on", o.lifted_on),
    ] {
        out.extend(before_receipt(r, field, d));
    }
    out
}

/// Objection: the balancing is recorded; direct marketing is always upheld.
pub fn check_objection(o: &ObjectionOutcome) -> Vec<V> {
    let mut out = Vec::new();
    if o.direct_marketing && o.decision == ObjectionDecision::Rejected {
        out.push(V::new(
            RequestRule::DirectMarketingObjectionRejected,
            "decision",
            "En invändning mot direktmarknadsföring ska alltid godtas; uppgifterna får inte längre behandlas för det ändamålet (art. 21.3).",
            "An objection to direct marketing must always be upheld; the data may no longer be processed for that purpose (Art. 21(3)).",
        ));
    }
    if !o.direct_marketing && blank(&o.reasoning) {
        out.push(V::new(
            RequestRule::ObjectionReasoningMissing,
            "reasoning",
            "Dokumentera intresseavvägningen: den registrerades särskilda situation mot eventuella tvingande berättigade skäl eller rättsliga anspråk (art. 21.1).",
            "Document the balancing: the data subject's particular situation against any compelling legitimate grounds or legal claims (Art. 21(1)).",
        ));
    }
    out
}

/// Portability: delivered in a named format, or refused with a reason.
pub fn check_portability(r: &Request, o: &PortabilityOutcome) -> Vec<V> {
    let mut out = Vec::new();
    let delivered_without_format = o.delivered_on.is_some() && blank(&o.format);
    let nothing = o.delivered_on.is_none() && blank(&o.refusal_reason);
    if delivered_without_format || nothing {
        out.push(V::new(
            RequestRule::PortabilityFormatMissing,
            "format",
            "Ange det strukturerade, maskinläsbara format som uppgifterna lämnades i, eller skälen till att de inte lämnas ut (art. 20.1).",
            "Give the structured, machine-readable format the data were delivered in, or the reasons they are not (Art. 20(1)).",
        ));
    }
    out.extend(before_receipt(r, "delivered_on", o.delivered_on));
    out
}

/// The answer: once; after the identity check (Art. 12(6)); with the
/// right's outcome recorded; with reasons for any refusal (Art. 12(4)).
pub fn check_answer(r: &Request, a: &Answer) -> Vec<V> {
    let mut out = Vec::new();
    let right = r.intake.right;
    if r.answer.is_some() {
        out.push(V::new(
            RequestRule::AlreadyAnswered,
            "answer",
            "Begäran är redan besvarad.",
            "The request is already answered.",
        ));
    }
    if r.identity_check.is_none() && a.outcome != AnswerOutcome::NotIdentified {
        let v = V::new(
            RequestRule::AnswerBeforeIdentity,
            "identity_check",
            "Kontrollera och dokumentera den sökandes identitet innan svaret lämnas, så att uppgifter inte lämnas ut till eller ändras för fel person (art. 12.6). Kan personen inte identifieras: svara med utfallet \"kan inte identifieras\".",
            "Check and record the requester's identity before answering, so that data are not disclosed to, or changed for, the wrong person (Art. 12(6)). If the person cannot be identified, answer with the outcome \"cannot be identified\".",
        );
        out.push(if right.identity_check_applies() {
            v
        } else {
            v.warning()
        });
    }
    if a.outcome != AnswerOutcome::NotIdentified {
        let missing = match right {
            Right::Access => None,
            Right::Erasure => (!r.erasure_decided).then_some("erasure_decisions"),
            Right::Rectification => r.rectification.is_none().then_some("rectification"),
            Right::Restriction => r.restriction.is_none().then_some("restriction"),
            Right::Objection => r.objection.is_none().then_some("objection"),
            Right::AutomatedDecision => r
                .automated_decision
                .is_none()
                .then_some("automated_decision"),
            Right::Portability => r.portability.is_none().then_some("portability"),
        };
        let no_scope = right == Right::Access
            && matches!(
                a.outcome,
                AnswerOutcome::Granted | AnswerOutcome::PartiallyGranted
            )
            && r.intake.data_subject_categories.iter().all(|c| blank(c))
            && r.intake.system_ids.is_empty()
            && r.data_found.iter().all(|d| d.items.is_empty());
        if no_scope {
            out.push(V::new(
                RequestRule::OutcomeMissing,
                "data_subject_categories",
                "Ange vilka kategorier av registrerade eller system som gäller den sökande (omfattningen) innan registerutdraget lämnas; annars blir svaret att inga uppgifter behandlas.",
                "Set which categories of data subjects or systems concern the requester (the scope) before giving access; otherwise the answer would say no data are processed.",
            ));
        }
        if let Some(field) = missing {
            out.push(V::new(
                RequestRule::OutcomeMissing,
                field,
                format!(
                    "Registrera beslutet i sak ({}) innan begäran besvaras.",
                    right.label(Lang::Sv).to_lowercase()
                ),
                format!(
                    "Record the outcome ({}) before answering the request.",
                    right.label(Lang::En).to_lowercase()
                ),
            ));
        }
    }
    if a.outcome.is_refusal() && blank(&a.reasons) {
        out.push(V::new(
            RequestRule::RefusalReasonsMissing,
            "reasons",
            "Ange skälen till att begäran inte bifalls helt. De meddelas den registrerade tillsammans med rätten att klaga hos IMY och att gå till domstol (art. 12.4).",
            "Give the reasons why the request is not granted in full. They are told to the data subject with the right to complain to IMY and to seek a judicial remedy (Art. 12(4)).",
        ));
    }
    out.extend(before_receipt(r, "answered_on", Some(a.answered_on)));
    if a.answered_on > r.deadline {
        out.push(V::new(
            RequestRule::AnsweredLate,
            "answered_on",
            format!(
                "Svaret lämnas efter den sista tillåtna dagen {} (art. 12.3).",
                r.deadline
            ),
            format!(
                "The answer is given after the last lawful day {} (Art. 12(3)).",
                r.deadline
            ),
        ));
    }
    out
}

/// The case as it stands on `today`: an overdue answer (error) and an
/// unchecked identity (warning) for open cases.
pub fn check(r: &Request, today: Date) -> Vec<V> {
    let mut out = Vec::new();
    if !r.is_open() {
        return out;
    }
    if today > r.deadline {
        out.push(V::new(
            RequestRule::DeadlineOverdue,
            "deadline",
            format!(
                "Tidsfristen gick ut {}. Besvara begäran utan dröjsmål (art. 12.3).",
                r.deadline
            ),
            format!(
                "The deadline passed on {}. Answer the request without delay (Art. 12(3)).",
                r.deadline
            ),
        ));
    }
    if let (Some(e), Some(d)) = (&r.extension, r.deadlines())
        && e.notified_on.is_none()
        && today > d.latest
    {
        out.push(V::new(
            RequestRule::ExtensionNoticeLate,
            "notified_on",
            format!(
                "Förlängningen meddelades inte inom en månad (senast {}): den gäller inte, och svaret är försenat (art. 12.3).",
                d.latest
            ),
            format!(
                "The extension was not told within one month (by {}): it does not hold, and the answer is late (Art. 12(3)).",
                d.latest
            ),
        ));
    } else if let (Some(e), Some(d)) = (&r.extension, r.deadlines())
        && e.notified_on.is_none()
    {
        out.push(V::new(
            RequestRule::ExtensionNoticePending,
            "notified_on",
            format!(
                "Förlängningen är inte meddelad den registrerade. Meddela den och skälen senast {} (art. 12.3).",
                d.latest
            ),
            format!(
                "The extension has not been told to the data subject. Tell them, with the reasons, by {} (Art. 12(3)).",
                d.latest
            ),
        ));
    }
    if r.identity_check.is_none() && r.intake.right.identity_check_applies() {
        out.push(V::new(
            RequestRule::IdentityNotChecked,
            "identity_check",
            "Den sökandes identitet är inte kontrollerad (art. 12.6).",
            "The requester's identity has not been checked (Art. 12(6)).",
        ));
    }
    out
}
