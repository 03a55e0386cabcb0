//! The request record, its derived deadline and status, and its changes.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use super::erasure::ErasureDecision;
use super::iso_date;
use super::rules::{self, RequestViolation};
use crate::calendar::{
    HolidayPolicy, Period, RequestDeadlines, period_end_nominal, request_deadlines,
};
use crate::lang::Lang;

pub use crate::incident::Signature;

/// The holiday policy of every request deadline: the calendar's default,
/// which is also what `ombud calendar deadline` uses unless told otherwise.
pub const REQUEST_HOLIDAY_POLICY: HolidayPolicy = HolidayPolicy::Strict1182;

labelled_enum! {
    /// The right a data subject invokes (GDPR Art. 15–22).
    pub enum Right {
        /// Art. 15: access, a copy of the data and the Art. 15(1) information ("registerutdrag").
        Access = "access", sv: "Tillgång (registerutdrag)", en: "Access";
        /// Art. 16: rectification of inaccurate data, completion of incomplete data.
        Rectification = "rectification", sv: "Rättelse", en: "Rectification";
        /// Art. 17: erasure ("right to be forgotten").
        Erasure = "erasure", sv: "Radering", en: "Erasure";
        /// Art. 18: restriction of processing.
        Restriction = "restriction", sv: "Begränsning av behandling", en: "Restriction of processing";
        /// Art. 20: data portability.
        Portability = "portability", sv: "Dataportabilitet", en: "Data portability";
        /// Art. 21: objection to processing.
        Objection = "objection", sv: "Invändning mot behandling", en: "Objection to processing";
        /// Art. 22: not to be subject to a decision based solely on automated processing.
        AutomatedDecision = "automated_decision", sv: "Automatiserat beslutsfattande", en: "Automated decision-making";
    }
}

impl Right {
    /// The article that grants it, e.g. `GDPR Art. 17`.
    pub fn article(self) -> &'static str {
        match self {
            Right::Access => "GDPR Art. 15",
            Right::Rectification => "GDPR Art. 16",
            Right::Erasure => "GDPR Art. 17",
            Right::Restriction => "GDPR Art. 18",
            Right::Portability => "GDPR Art. 20",
            Right::Objection => "GDPR Art. 21",
            Right::AutomatedDecision => "GDPR Art. 22",
        }
    }

    /// Whether Art. 12(6) (reasonable doubts about identity) covers it:
    /// Arts. 15–21, that is every right but Art. 22.
    pub fn identity_check_applies(self) -> bool {
        self != Right::AutomatedDecision
    }
}

labelled_enum! {
    /// How the request reached the organisation.
    #[derive(Default)]
    pub enum Channel {
        WebForm = "web_form", sv: "Webbformulär", en: "Web form";
        Letter = "letter", sv: "Brev", en: "Letter";
        Email = "email", sv: "E-post", en: "E-mail";
        Phone = "phone", sv: "Telefon", en: "Telephone";
        InPerson = "in_person", sv: "Personligt besök", en: "In person";
        /// Any other way, and the default when none is given.
        #[default]
        Other = "other", sv: "Annat", en: "Other";
    }
}

labelled_enum! {
    /// How the requester's identity was established (Art. 12(6)).
    pub enum IdentityMethod {
        /// Swedish e-identification, e.g. BankID or Freja eID.
        ELegitimation = "e_legitimation", sv: "E-legitimation (t.ex. BankID)", en: "Electronic ID (e.g. BankID)";
        /// An identity document shown or copied.
        IdDocument = "id_document", sv: "Id-handling", en: "Identity document";
        /// The request came from contact details already known for the person.
        KnownContactDetails = "known_contact_details", sv: "Kända kontaktuppgifter", en: "Known contact details";
        /// A signed letter, answered to the registered address.
        SignedLetter = "signed_letter", sv: "Undertecknat brev", en: "Signed letter";
        /// Another way; describe it in `note`.
        Other = "other", sv: "Annat sätt", en: "Other";
    }
}

labelled_enum! {
    /// Where a case stands, derived from what has been recorded: the latest
    /// step reached, in the order received → verified → extended → answered →
    /// closed. A case extended before the identity check shows `extended`:
    /// the new deadline matters more on the dashboard.
    pub enum RequestStatus {
        /// Registered; nothing else recorded yet.
        Received = "received", sv: "Mottagen", en: "Received";
        /// The requester's identity is checked.
        Verified = "verified", sv: "Identitet kontrollerad", en: "Identity verified";
        /// The deadline is extended by two months (Art. 12(3)).
        Extended = "extended", sv: "Förlängd", en: "Extended";
        /// The requester has been answered; the case may still track e.g. a restriction.
        Answered = "answered", sv: "Besvarad", en: "Answered";
        /// Closed; the identity details are minimised.
        Closed = "closed", sv: "Avslutad", en: "Closed";
    }
}

labelled_enum! {
    /// What the answer to the requester says, overall (Art. 12(3)–(4)).
    pub enum AnswerOutcome {
        /// The request is granted in full.
        Granted = "granted", sv: "Bifall", en: "Granted";
        /// Granted in part; the refused part carries reasons (Art. 12(4)).
        PartiallyGranted = "partially_granted", sv: "Delvis bifall", en: "Partially granted";
        /// Refused (Art. 12(4), 12(5)).
        Refused = "refused", sv: "Avslag", en: "Refused";
        /// The organisation cannot identify the data subject (Art. 11(2), 12(2)).
        NotIdentified = "not_identified", sv: "Den registrerade kan inte identifieras", en: "Data subject cannot be identified";
    }
}

impl AnswerOutcome {
    /// Whether the requester is refused something: the letter must then give
    /// reasons and the remedies (Art. 12(4)).
    pub fn is_refusal(self) -> bool {
        self != AnswerOutcome::Granted
    }
}

labelled_enum! {
    /// The grounds for restriction of Art. 18(1)(a)–(d).
    pub enum RestrictionGround {
        /// 18(1)(a): accuracy contested, for the time needed to verify it.
        AccuracyContested = "accuracy_contested", sv: "Riktigheten bestrids (art. 18.1 a)", en: "Accuracy contested (Art. 18(1)(a))";
        /// 18(1)(b): unlawful processing; restriction preferred to erasure.
        UnlawfulProcessing = "unlawful_processing", sv: "Olaglig behandling, begränsning i stället för radering (art. 18.1 b)", en: "Unlawful processing, restriction instead of erasure (Art. 18(1)(b))";
        /// 18(1)(c): no longer needed by the controller, needed by the data subject for legal claims.
        NeededForLegalClaims = "needed_for_legal_claims", sv: "Behövs av den registrerade för rättsliga anspråk (art. 18.1 c)", en: "Needed by the data subject for legal claims (Art. 18(1)(c))";
        /// 18(1)(d): an objection under 21(1) is pending verification.
        ObjectionPending = "objection_pending", sv: "Invändning under prövning (art. 18.1 d)", en: "Objection pending (Art. 18(1)(d))";
    }
}

labelled_enum! {
    /// The result of the balancing of an objection (Art. 21).
    pub enum ObjectionDecision {
        /// Processing stops.
        Upheld = "upheld", sv: "Invändningen godtas", en: "Objection upheld";
        /// Compelling legitimate grounds override, or legal claims (Art. 21(1)).
        Rejected = "rejected", sv: "Invändningen avslås", en: "Objection rejected";
    }
}

/// Who makes the request. Only `name` survives [`Request::minimise`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Requester {
    pub name: String,
    pub email: String,
    pub phone: String,
    /// Postal address.
    pub address: String,
    /// Personnummer or samordningsnummer, when given (optional; DSL 3 kap. 10 §).
    pub identity_number: Option<String>,
    /// Anything else identifying, e.g. a student or customer number.
    pub other: String,
}

/// Reads `requester` as an object or as one line of text.
fn requester_from<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Requester, D::Error> {
    /// The object form, with the usual other names of its fields and a
    /// free `contact` (a text or a list) sorted into e-mail, phone or address.
    #[derive(Deserialize)]
    struct Loose {
        #[serde(default, alias = "full_name")]
        name: String,
        #[serde(default, alias = "e_mail", alias = "mail")]
        email: String,
        #[serde(default, alias = "telephone", alias = "phone_number", alias = "tel")]
        phone: String,
        #[serde(default, alias = "postal_address")]
        address: String,
        #[serde(default, alias = "personnummer", alias = "personal_identity_number")]
        identity_number: Option<String>,
        #[serde(default)]
        other: String,
        #[serde(default, alias = "contact_details", alias = "contacts")]
        contact: Option<Contact>,
    }
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Contact {
        One(String),
        Many(Vec<String>),
    }
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        Text(String),
        Object(Loose),
    }
    let mut r = match Either::deserialize(d)? {
        Either::Object(l) => {
            let mut r = Requester {
                name: l.name,
                email: l.email,
                phone: l.phone,
                address: l.address,
                identity_number: l.identity_number.filter(|s| !s.trim().is_empty()),
                other: l.other,
            };
            let contacts = match l.contact {
                Some(Contact::One(s)) => vec![s],
                Some(Contact::Many(v)) => v,
                None => Vec::new(),
            };
            for c in contacts {
                sort_contact(&mut r, &c);
            }
            r
        }
        Either::Text(t) => {
            let mut r = Requester::default();
            let mut name = Vec::new();
            for part in t.split([',', ';', '\n']) {
                let part = part.trim();
                if looks_like_phone(part) {
                    sort_contact(&mut r, part);
                    continue;
                }
                // After the name, a part with a digit in it (street number,
                // postcode) is the postal address; other words stay in the name.
                if !name.is_empty()
                    && !part.contains('@')
                    && part.chars().any(|c| c.is_ascii_digit())
                {
                    if !part.is_empty() {
                        if !r.address.is_empty() {
                            r.address.push_str(", ");
                        }
                        r.address.push_str(part);
                    }
                    continue;
                }
                let mut words = Vec::new();
                for w in part.split_whitespace() {
                    if w.contains('@') {
                        sort_contact(&mut r, w.trim_matches(|c| c == '<' || c == '>'));
                    } else {
                        words.push(w);
                    }
                }
                if !words.is_empty() {
                    name.push(words.join(" "));
                }
            }
            r.name = if name.is_empty() {
                t.trim().to_owned()
            } else {
                name.join(", ")
            };
            r
        }
    };
    r.name = r.name.trim().to_owned();
    Ok(r)
}

/// A personnummer or samordningsnummer in one of its written forms
/// (`YYMMDD-NNNN`, `YYMMDD+NNNN`, `YYYYMMDD-NNNN`, `YYYYMMDDNNNN`, or
/// `YYMMDDNNNN` not starting with 0, which Swedish phone numbers do), with a
/// possible date (the day plus 60 for a samordningsnummer) and a valid check
/// digit.
fn looks_like_identity_number(s: &str) -> bool {
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || c == '-' || c == '+')
    {
        return false;
    }
    let digits: Vec<u32> = s.chars().filter_map(|c| c.to_digit(10)).collect();
    let sep = s.find(['-', '+']);
    if s.chars().filter(|c| !c.is_ascii_digit()).count() > 1 {
        return false;
    }
    let shape = match (digits.len(), sep) {
        (10, Some(6)) | (12, Some(8)) | (12, None) => true,
        (10, None) => digits[0] != 0,
        _ => false,
    };
    if !shape || (digits.len() == 12 && !matches!(digits[..2], [1, 9] | [2, 0])) {
        return false;
    }
    let ten = &digits[digits.len() - 10..];
    let month = ten[2] * 10 + ten[3];
    let day = ten[4] * 10 + ten[5];
    let day_ok = (1..=31).contains(&day) || (61..=91).contains(&day);
    let luhn: u32 = ten
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let x = if i % 2 == 0 { d * 2 } else { d };
            if x > 9 { x - 9 } else { x }
        })
        .sum();
    (1..=12).contains(&month) && day_ok && luhn.is_multiple_of(10)
}

fn looks_like_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    digits >= 6
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | ' ' | '(' | ')'))
}

/// Puts one free contact detail where it belongs: an e-mail address, a
/// telephone number, or else a postal address.
fn sort_contact(r: &mut Requester, c: &str) {
    let c = c.trim();
    if c.is_empty() {
        return;
    }
    if looks_like_identity_number(c) && r.identity_number.is_none() {
        r.identity_number = Some(c.to_owned());
        return;
    }
    let slot = if c.contains('@') {
        &mut r.email
    } else if looks_like_phone(c) {
        &mut r.phone
    } else {
        &mut r.address
    };
    if slot.is_empty() {
        *slot = c.to_owned();
    }
}

/// What the handler records on receipt. `received_on` starts the clock
/// (Art. 12(3)): the Swedish calendar date the request arrived, weekends included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RequestIntake {
    pub right: Right,
    /// "YYYY-MM-DD".
    #[serde(with = "iso_date")]
    #[schema(value_type = String, format = Date)]
    pub received_on: Date,
    #[serde(default)]
    pub channel: Channel,
    /// The requester's language: letters are written in it (`sv` or `en`).
    #[serde(default)]
    pub language: Lang,
    /// An object with `name`, `email`, `phone`, `address`,
    /// `identity_number`, `other`; a plain string is read as the name (and an
    /// e-mail address in it as `email`).
    #[serde(default, deserialize_with = "requester_from")]
    #[schema(value_type = Requester)]
    pub requester: Requester,
    /// The request in the requester's words, or a summary of it.
    #[serde(default)]
    pub description: String,
    /// The register's data-subject categories that fit this person, e.g.
    /// "Studenter"; chosen by the handler. Matched case-insensitively.
    #[serde(default)]
    pub data_subject_categories: Vec<String>,
    /// The register's systems that may hold this person's data.
    #[serde(default)]
    pub system_ids: Vec<i64>,
}

/// How the identity was checked (Art. 12(6)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct IdentityCheck {
    pub method: IdentityMethod,
    /// What was checked; never the document number itself. Cleared by [`Request::minimise`].
    #[serde(default)]
    pub note: String,
    /// Set by the server.
    #[serde(default)]
    pub signed: Signature,
}

/// The extension by two further months (Art. 12(3)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Extension {
    /// Why: the complexity or number of requests.
    #[serde(default)]
    pub reason: String,
    /// When the requester was told, with the reason; at the latest within the
    /// first month. Empty while the notice is still to be sent.
    #[serde(default, with = "iso_date::option")]
    #[schema(value_type = Option<String>, format = Date)]
    pub notified_on: Option<Date>,
    /// Set by the server.
    #[serde(default)]
    pub signed: Signature,
}

/// The outcome of a rectification request (Art. 16, 19).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RectificationOutcome {
    /// What was corrected or completed, one item each.
    pub corrected: Vec<String>,
    /// A supplementary statement added instead of, or beside, a correction (Art. 16).
    pub supplementary_statement: String,
    /// What was not corrected and why (e.g. the data are accurate).
    pub refusal_reason: String,
    /// Whether the recipients were told (Art. 19).
    pub recipients_notified: bool,
    /// Set by the server.
    pub signed: Signature,
}

/// A restriction (Art. 18), tracked until lifted. No `restricted_on` means
/// the restriction was refused; `note` then gives the reason.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RestrictionOutcome {
    /// The Art. 18(1) grounds that apply.
    pub grounds: Vec<RestrictionGround>,
    /// When processing was restricted, "YYYY-MM-DD".
    #[serde(with = "iso_date::option")]
    #[schema(value_type = Option<String>, format = Date)]
    pub restricted_on: Option<Date>,
    /// When the requester was told the restriction will be lifted (Art. 18(3)).
    #[serde(with = "iso_date::option")]
    #[schema(value_type = Option<String>, format = Date)]
    pub lifting_notified_on: Option<Date>,
    /// When it was lifted.
    #[serde(with = "iso_date::option")]
    #[schema(value_type = Option<String>, format = Date)]
    pub lifted_on: Option<Date>,
    pub note: String,
    /// Set by the server.
    pub signed: Signature,
}

impl RestrictionOutcome {
    /// Restricted and not (yet) lifted.
    pub fn in_force(&self) -> bool {
        self.restricted_on.is_some() && self.lifted_on.is_none()
    }
}

/// The outcome of an objection (Art. 21).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ObjectionOutcome {
    /// An objection to direct marketing: always upheld (Art. 21(3)).
    #[serde(default)]
    pub direct_marketing: bool,
    pub decision: ObjectionDecision,
    /// The balancing: the data subject's situation against the controller's
    /// grounds (Art. 21(1)).
    #[serde(default)]
    pub reasoning: String,
    /// Set by the server.
    #[serde(default)]
    pub signed: Signature,
}

/// The outcome of an Art. 22 request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AutomatedDecisionOutcome {
    /// A person reviewed the decision (Art. 22(3)).
    pub human_intervention: bool,
    /// The requester's point of view was heard.
    pub view_considered: bool,
    /// The review changed the decision.
    pub decision_changed: bool,
    /// What was done and the result.
    pub explanation: String,
    /// Set by the server.
    pub signed: Signature,
}

/// The outcome of a portability request (Art. 20).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct PortabilityOutcome {
    /// The structured, machine-readable format, e.g. "JSON", "CSV".
    pub format: String,
    /// When it was delivered, "YYYY-MM-DD".
    #[serde(with = "iso_date::option")]
    #[schema(value_type = Option<String>, format = Date)]
    pub delivered_on: Option<Date>,
    /// The controller it was transmitted to directly (Art. 20(2)), if any.
    pub transmitted_to: String,
    /// What was not delivered and why, e.g. Art. 20(1) conditions not met.
    pub refusal_reason: String,
    /// Set by the server.
    pub signed: Signature,
}

/// Personal data the handler found about the requester, per activity or per system.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DataFound {
    pub activity_id: Option<i64>,
    pub system_id: Option<i64>,
    /// The items, e.g. "Namn: Anna Andersson", "Betyg i kurs X: VG".
    /// Cleared by [`Request::minimise`] (the copy was delivered).
    pub items: Vec<String>,
}

/// The answer given to the requester (Art. 12(3)–(4)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Answer {
    #[serde(with = "iso_date")]
    #[schema(value_type = String, format = Date)]
    pub answered_on: Date,
    pub outcome: AnswerOutcome,
    /// What was done.
    #[serde(default)]
    pub summary: String,
    /// For anything but `granted`: the reasons (Art. 12(4)).
    #[serde(default)]
    pub reasons: String,
    /// Set by the server.
    #[serde(default)]
    pub signed: Signature,
}

/// The closing of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Closure {
    #[serde(with = "iso_date")]
    #[schema(value_type = String, format = Date)]
    pub closed_on: Date,
    #[serde(default)]
    pub note: String,
    /// Set by the server.
    #[serde(default)]
    pub signed: Signature,
}

/// A data-subject request as stored and returned: the intake, the handler's
/// record and the derived `reference`, `status`, `deadline`, `target_date`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Request {
    pub id: i64,
    /// A human reference, e.g. `DSR-0001`.
    #[serde(default)]
    pub reference: String,
    #[serde(flatten)]
    pub intake: RequestIntake,
    pub status: RequestStatus,
    /// The deadline as the legal calendar computes it: one month from
    /// `received_on` (1182/71 Art. 3(2)(c)), run on to the next working day
    /// when it ends on a Saturday, Sunday or public holiday (Art. 3(4)) —
    /// the date `ombud calendar deadline --from received_on --months 1`
    /// prints. After an extension: the extended deadline, counted the same way.
    #[serde(with = "iso_date")]
    #[schema(value_type = String, format = Date)]
    pub deadline: Date,
    /// The date to plan the answer for: the same period without the run-on
    /// to a working day (the calendar's `nominal`), never later than `deadline`.
    #[serde(with = "iso_date")]
    #[schema(value_type = String, format = Date)]
    pub target_date: Date,
    pub identity_check: Option<IdentityCheck>,
    pub extension: Option<Extension>,
    /// Erasure: one decision per activity concerned.
    #[serde(default)]
    pub erasure_decisions: Vec<ErasureDecision>,
    /// Whether the erasure decisions are recorded; with none, no approved
    /// activity in the register concerns the requester.
    #[serde(default)]
    pub erasure_decided: bool,
    pub rectification: Option<RectificationOutcome>,
    pub restriction: Option<RestrictionOutcome>,
    pub objection: Option<ObjectionOutcome>,
    pub automated_decision: Option<AutomatedDecisionOutcome>,
    pub portability: Option<PortabilityOutcome>,
    /// The data found, attached by the handler.
    #[serde(default)]
    pub data_found: Vec<DataFound>,
    pub answer: Option<Answer>,
    pub closure: Option<Closure>,
    /// Whether [`Request::minimise`] has run.
    #[serde(default)]
    pub minimised: bool,
    /// Who registered it.
    pub created_by: Option<i64>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl Request {
    /// A new case with id `id`, registered by `created_by` at `at`.
    pub fn new(
        id: i64,
        intake: RequestIntake,
        created_by: Option<i64>,
        at: OffsetDateTime,
    ) -> Self {
        let mut r = Request {
            id,
            reference: String::new(),
            deadline: intake.received_on,
            target_date: intake.received_on,
            intake,
            status: RequestStatus::Received,
            identity_check: None,
            extension: None,
            erasure_decisions: Vec::new(),
            erasure_decided: false,
            rectification: None,
            restriction: None,
            objection: None,
            automated_decision: None,
            portability: None,
            data_found: Vec::new(),
            answer: None,
            closure: None,
            minimised: false,
            created_by,
            created_at: at,
            updated_at: at,
        };
        r.refresh();
        r
    }

    /// The Art. 12(3) deadlines from `received_on`; `None` for dates the
    /// calendar does not cover (the intake rules refuse them).
    pub fn deadlines(&self) -> Option<RequestDeadlines> {
        request_deadlines(self.intake.received_on, REQUEST_HOLIDAY_POLICY).ok()
    }

    /// Recomputes the derived fields: `reference`, `status`, `deadline`,
    /// `target_date`. Outside the calendar's range the deadline falls
    /// back to `received_on` itself, so such a case shows as overdue.
    pub fn refresh(&mut self) {
        self.reference = format!("DSR-{:04}", self.id);
        let (target, deadline) = match (self.deadlines(), &self.extension) {
            (Some(d), None) => (d.nominal, d.latest),
            (Some(d), Some(_)) => (d.extended_nominal, d.extended_latest),
            (None, _) => (self.intake.received_on, self.intake.received_on),
        };
        self.deadline = deadline;
        self.target_date = target;
        self.status = if self.closure.is_some() {
            RequestStatus::Closed
        } else if self.answer.is_some() {
            RequestStatus::Answered
        } else if self.extension.is_some() {
            RequestStatus::Extended
        } else if self.identity_check.is_some() {
            RequestStatus::Verified
        } else {
            RequestStatus::Received
        };
    }

    /// Not answered yet: the clock runs.
    pub fn is_open(&self) -> bool {
        self.answer.is_none() && self.closure.is_none()
    }

    /// Whether the requester is refused anything: the overall outcome, a
    /// refused erasure, a rejected objection, a refused rectification or
    /// portability. Such an answer must give reasons and remedies (Art. 12(4)).
    pub fn is_refusal(&self) -> bool {
        self.answer.as_ref().is_some_and(|a| a.outcome.is_refusal())
            || self
                .erasure_decisions
                .iter()
                .any(|d| d.decision == super::ErasureOutcome::Refuse)
            || self
                .objection
                .as_ref()
                .is_some_and(|o| o.decision == ObjectionDecision::Rejected)
            || self
                .rectification
                .as_ref()
                .is_some_and(|r| !r.refusal_reason.trim().is_empty())
            || self
                .portability
                .as_ref()
                .is_some_and(|p| !p.refusal_reason.trim().is_empty())
    }

    /// Data minimisation of the case itself (Art. 5(1)(c)): clears what was
    /// needed only to identify and reach the requester — e-mail, phone,
    /// address, identity number, other identifiers, the identity-check note —
    /// and the copies of their data in `data_found` (the items; where data
    /// were found stays). Keeps the name, the request, the decisions and
    /// their reasons, which document how the request was handled
    /// (Art. 5(2)) and may be needed to answer a complaint. Run on closing.
    /// The case as the audit trail keeps it: the steps, dates, outcome codes
    /// and signatures, without the requester (not even the name) and without
    /// any free text (the request, notes, reasons, corrections), which may
    /// hold personal data. The trail is permanent and hash-chained, while the
    /// case itself is minimised on closing and purged later; the reference
    /// ties the trail to the case while it exists.
    pub fn audit_view(&self) -> Request {
        let mut r = self.clone();
        r.intake.requester = Requester::default();
        r.intake.description.clear();
        if let Some(c) = &mut r.identity_check {
            c.note.clear();
        }
        if let Some(e) = &mut r.extension {
            e.reason.clear();
        }
        for d in &mut r.erasure_decisions {
            d.explanation.clear();
        }
        if let Some(o) = &mut r.rectification {
            o.corrected.clear();
            o.supplementary_statement.clear();
            o.refusal_reason.clear();
        }
        if let Some(o) = &mut r.restriction {
            o.note.clear();
        }
        if let Some(o) = &mut r.objection {
            o.reasoning.clear();
        }
        if let Some(o) = &mut r.automated_decision {
            o.explanation.clear();
        }
        if let Some(o) = &mut r.portability {
            o.transmitted_to.clear();
            o.refusal_reason.clear();
        }
        for f in &mut r.data_found {
            f.items.clear();
        }
        if let Some(a) = &mut r.answer {
            a.summary.clear();
            a.reasons.clear();
        }
        if let Some(c) = &mut r.closure {
            c.note.clear();
        }
        r
    }

    pub fn minimise(&mut self) {
        let r = &mut self.intake.requester;
        r.email.clear();
        r.phone.clear();
        r.address.clear();
        r.identity_number = None;
        r.other.clear();
        if let Some(check) = &mut self.identity_check {
            check.note.clear();
        }
        for found in &mut self.data_found {
            found.items.clear();
        }
        self.minimised = true;
    }
}

/// When a closed case is due to be purged: `retention_months` calendar
/// months after `closed_on` (1182/71 Art. 3(2)(c), no roll-forward: purging
/// is not a deadline towards anyone). `0` months: `closed_on` itself. Beyond
/// the calendar's range: [`Date::MAX`] (never).
pub fn purge_due(closed_on: Date, retention_months: u32) -> Date {
    if retention_months == 0 {
        return closed_on;
    }
    period_end_nominal(closed_on, Period::Months(retention_months)).unwrap_or(Date::MAX)
}

/// Where the one-month (or extended) clock stands on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DeadlineInfo {
    /// Whether the case is still unanswered.
    pub open: bool,
    /// Days from `today` to `deadline`; negative once passed.
    pub days_left: i64,
    /// Open and the deadline within the next 7 days (today included).
    pub due_within_7_days: bool,
    /// Open and past `target_date` (the planning date), the deadline maybe not yet.
    pub past_target: bool,
    /// Open and past `deadline`: in breach of Art. 12(3).
    pub overdue: bool,
    /// Answered after `deadline`, or open and past it.
    pub late: bool,
}

/// The clock of `request` on `today`, for dashboards: sort open cases by
/// `days_left`.
pub fn deadline_state(request: &Request, today: Date) -> DeadlineInfo {
    let open = request.is_open();
    let days_left = (request.deadline - today).whole_days();
    let late = match &request.answer {
        Some(a) => a.answered_on > request.deadline,
        None => open && today > request.deadline,
    };
    DeadlineInfo {
        open,
        days_left,
        due_within_7_days: open && (0..=7).contains(&days_left),
        past_target: open && today > request.target_date,
        overdue: open && days_left < 0,
        late,
    }
}

/// One change to a case, with the audit action it is recorded as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestChange {
    /// The intake is corrected.
    Update(RequestIntake),
    /// The handler sets which categories and systems concern the requester.
    Scope {
        data_subject_categories: Vec<String>,
        system_ids: Vec<i64>,
    },
    /// The identity is checked.
    Verify(IdentityCheck),
    /// The deadline is extended (Art. 12(3)).
    Extend(Extension),
    /// The erasure decisions, one per activity (replaces earlier ones).
    DecideErasure(Vec<ErasureDecision>),
    Rectify(RectificationOutcome),
    /// Records or updates the restriction, including its lifting.
    Restrict(RestrictionOutcome),
    Object(ObjectionOutcome),
    ReviewAutomatedDecision(AutomatedDecisionOutcome),
    DeliverPortability(PortabilityOutcome),
    /// Data found are added.
    AttachData(Vec<DataFound>),
    /// The requester is answered.
    Answer(Answer),
    /// The case is closed and minimised.
    Close(Closure),
}

impl RequestChange {
    /// The audit action, e.g. `request.verify`.
    pub fn action(&self) -> &'static str {
        match self {
            RequestChange::Update(_) => "request.update",
            RequestChange::Scope { .. } => "request.scope",
            RequestChange::Verify(_) => "request.verify",
            RequestChange::Extend(_) => "request.extend",
            RequestChange::DecideErasure(_) => "request.decide_erasure",
            RequestChange::Rectify(_) => "request.rectify",
            RequestChange::Restrict(_) => "request.restrict",
            RequestChange::Object(_) => "request.object",
            RequestChange::ReviewAutomatedDecision(_) => "request.review_automated_decision",
            RequestChange::DeliverPortability(_) => "request.deliver_portability",
            RequestChange::AttachData(_) => "request.attach_data",
            RequestChange::Answer(_) => "request.answer",
            RequestChange::Close(_) => "request.close",
        }
    }

    /// Every rule violation (errors and warnings) this change would cause on `request`.
    pub fn violations(&self, request: &Request) -> Vec<RequestViolation> {
        rules::check_change(request, self)
    }

    /// The blocking rule violations this change would cause on `request`.
    pub fn errors(&self, request: &Request) -> Vec<RequestViolation> {
        self.violations(request)
            .into_iter()
            .filter(|v| v.is_error())
            .collect()
    }

    /// Applies the change, signed by `signed`, unless a rule blocks it.
    pub fn apply(
        self,
        request: &mut Request,
        signed: Signature,
    ) -> Result<(), Vec<RequestViolation>> {
        let errors = self.errors(request);
        if !errors.is_empty() {
            return Err(errors);
        }
        let at = signed.at.unwrap_or(request.updated_at);
        match self {
            RequestChange::Update(intake) => request.intake = intake,
            RequestChange::Scope {
                data_subject_categories,
                system_ids,
            } => {
                request.intake.data_subject_categories = data_subject_categories;
                request.intake.system_ids = system_ids;
            }
            RequestChange::Verify(c) => {
                request.identity_check = Some(IdentityCheck { signed, ..c })
            }
            RequestChange::Extend(e) => request.extension = Some(Extension { signed, ..e }),
            RequestChange::DecideErasure(ds) => {
                request.erasure_decided = true;
                request.erasure_decisions = ds
                    .into_iter()
                    .map(|d| ErasureDecision {
                        signed: signed.clone(),
                        ..d
                    })
                    .collect();
            }
            RequestChange::Rectify(o) => {
                request.rectification = Some(RectificationOutcome { signed, ..o });
            }
            RequestChange::Restrict(o) => {
                request.restriction = Some(RestrictionOutcome { signed, ..o });
            }
            RequestChange::Object(o) => request.objection = Some(ObjectionOutcome { signed, ..o }),
            RequestChange::ReviewAutomatedDecision(o) => {
                request.automated_decision = Some(AutomatedDecisionOutcome { signed, ..o });
            }
            RequestChange::DeliverPortability(o) => {
                request.portability = Some(PortabilityOutcome { signed, ..o });
            }
            RequestChange::AttachData(found) => request.data_found.extend(found),
            RequestChange::Answer(a) => request.answer = Some(Answer { signed, ..a }),
            RequestChange::Close(c) => {
                request.closure = Some(Closure { signed, ..c });
                request.minimise();
            }
        }
        request.updated_at = at;
        request.refresh();
        Ok(())
    }
}
