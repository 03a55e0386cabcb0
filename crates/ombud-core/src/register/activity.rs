//! The types of a processing activity: every Art. 30(1) item and what a
//! Swedish DPO needs beside them.
//!
//! [`ActivityContent`] is what a user edits; [`Activity`] flattens it with the
//! fields the server owns. The JSON of an [`Activity`] can therefore be sent
//! back as an [`ActivityContent`] (to copy an activity as a new draft): the
//! server-owned fields are ignored because unknown fields are.
//!
//! Linked records — [`Processor`] and [`System`] — live in their own tables
//! and are referenced by id (`processor_ids`, `system_ids`).

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

// Dates (not instants) travel as ISO 8601 calendar dates: "2026-03-02".
time::serde::format_description!(iso_date, Date, "[year]-[month]-[day]");

labelled_enum! {
    /// Where an activity is in its review workflow.
    ///
    /// `draft` → `submitted` → `changes_requested` | `approved` | `rejected`;
    /// `changes_requested` → `submitted`; `approved` → `archived`. Changing an
    /// approved activity creates a new version (a new draft) while the
    /// approved one stays in force; see [`Status::can_become`].
    pub enum Status {
        /// Being written; no checks block saving.
        Draft = "draft", sv: "Utkast", en: "Draft";
        /// Sent to the DPO for review; errors block this step.
        Submitted = "submitted", sv: "Inskickad", en: "Submitted";
        /// The DPO asked for changes; the author edits and submits again.
        ChangesRequested = "changes_requested", sv: "Ändringar begärda", en: "Changes requested";
        /// In force: part of the register.
        Approved = "approved", sv: "Godkänd", en: "Approved";
        /// Refused by the DPO.
        Rejected = "rejected", sv: "Avslagen", en: "Rejected";
        /// No longer carried out or replaced by a newer version; kept for the record.
        Archived = "archived", sv: "Arkiverad", en: "Archived";
    }
}

impl Status {
    /// Whether the workflow allows going from `self` to `next`.
    ///
    /// The transitions of issue 4: draft → submitted; submitted →
    /// changes_requested, approved or rejected; changes_requested →
    /// submitted; approved → archived. Who may make them is the caller's
    /// business.
    pub fn can_become(self, next: Status) -> bool {
        use Status::*;
        matches!(
            (self, next),
            (Draft, Submitted)
                | (Submitted, ChangesRequested | Approved | Rejected)
                | (ChangesRequested, Submitted)
                | (Approved, Archived)
        )
    }

    /// Whether the author may still edit the content in this status.
    pub fn is_editable(self) -> bool {
        matches!(self, Status::Draft | Status::ChangesRequested)
    }
}

labelled_enum! {
    /// The lawful basis of GDPR Art. 6(1)(a)–(f).
    pub enum LegalBasis {
        /// Art. 6(1)(a): the data subject's consent.
        Consent = "consent", sv: "Samtycke (art. 6.1 a)", en: "Consent (Art. 6(1)(a))";
        /// Art. 6(1)(b): necessary for a contract with the data subject.
        Contract = "contract", sv: "Avtal (art. 6.1 b)", en: "Contract (Art. 6(1)(b))";
        /// Art. 6(1)(c): necessary for a legal obligation (DSL 2 kap. 1 §).
        LegalObligation = "legal_obligation", sv: "Rättslig förpliktelse (art. 6.1 c)", en: "Legal obligation (Art. 6(1)(c))";
        /// Art. 6(1)(d): necessary to protect vital interests.
        VitalInterests = "vital_interests", sv: "Grundläggande intresse (art. 6.1 d)", en: "Vital interests (Art. 6(1)(d))";
        /// Art. 6(1)(e): public interest task or official authority (DSL 2 kap. 2 §).
        PublicTask = "public_task", sv: "Allmänt intresse eller myndighetsutövning (art. 6.1 e)", en: "Public task or official authority (Art. 6(1)(e))";
        /// Art. 6(1)(f): legitimate interests (balancing of interests).
        LegitimateInterests = "legitimate_interests", sv: "Berättigat intresse, intresseavvägning (art. 6.1 f)", en: "Legitimate interests (Art. 6(1)(f))";
    }
}

impl LegalBasis {
    /// The point of Art. 6(1) it is, e.g. `GDPR Art. 6(1)(e)`.
    pub fn article(self) -> &'static str {
        match self {
            LegalBasis::Consent => "GDPR Art. 6(1)(a)",
            LegalBasis::Contract => "GDPR Art. 6(1)(b)",
            LegalBasis::LegalObligation => "GDPR Art. 6(1)(c)",
            LegalBasis::VitalInterests => "GDPR Art. 6(1)(d)",
            LegalBasis::PublicTask => "GDPR Art. 6(1)(e)",
            LegalBasis::LegitimateInterests => "GDPR Art. 6(1)(f)",
        }
    }

    /// Whether Art. 6(3) requires the basis to be laid down in EU or Member
    /// State law — points (c) and (e) — so its source must be recorded.
    pub fn needs_source_in_law(self) -> bool {
        matches!(self, LegalBasis::LegalObligation | LegalBasis::PublicTask)
    }
}

labelled_enum! {
    /// Where a legal obligation or public task comes from (DSL 2 kap. 1–2 §§):
    /// a statute, a collective agreement or a decision made under a statute.
    pub enum LegalBasisSource {
        /// An act, ordinance or regulation ("författning").
        Law = "law", sv: "Lag eller annan författning", en: "Act or other statute";
        /// A collective agreement ("kollektivavtal").
        CollectiveAgreement = "collective_agreement", sv: "Kollektivavtal", en: "Collective agreement";
        /// A decision made under an act or regulation.
        Decision = "decision", sv: "Beslut med stöd av författning", en: "Decision under a statute";
    }
}

labelled_enum! {
    /// The special categories of personal data of GDPR Art. 9(1)
    /// ("känsliga personuppgifter", DSL 3 kap. 1 §).
    pub enum SpecialCategory {
        /// Racial or ethnic origin.
        EthnicOrigin = "ethnic_origin", sv: "Etniskt ursprung", en: "Racial or ethnic origin";
        /// Political opinions.
        PoliticalOpinions = "political_opinions", sv: "Politiska åsikter", en: "Political opinions";
        /// Religious or philosophical beliefs.
        ReligiousBeliefs = "religious_beliefs", sv: "Religiös eller filosofisk övertygelse", en: "Religious or philosophical beliefs";
        /// Trade-union membership.
        TradeUnionMembership = "trade_union_membership", sv: "Medlemskap i fackförening", en: "Trade-union membership";
        /// Genetic data.
        Genetic = "genetic", sv: "Genetiska uppgifter", en: "Genetic data";
        /// Biometric data for uniquely identifying a natural person.
        Biometric = "biometric", sv: "Biometriska uppgifter för att entydigt identifiera en person", en: "Biometric data for unique identification";
        /// Data concerning health.
        Health = "health", sv: "Hälsa", en: "Health";
        /// Data concerning a person's sex life or sexual orientation.
        SexLifeOrientation = "sex_life_orientation", sv: "Sexualliv eller sexuell läggning", en: "Sex life or sexual orientation";
    }
}

labelled_enum! {
    /// The exceptions of GDPR Art. 9(2)(a)–(j) to the ban on special categories.
    pub enum Art9Exception {
        /// 9(2)(a): explicit consent.
        ExplicitConsent = "explicit_consent", sv: "Uttryckligt samtycke (art. 9.2 a)", en: "Explicit consent (Art. 9(2)(a))";
        /// 9(2)(b): employment, social security and social protection law (DSL 3 kap. 2 §).
        EmploymentSocial = "employment_social", sv: "Arbetsrätt, social trygghet och socialt skydd (art. 9.2 b)", en: "Employment and social security law (Art. 9(2)(b))";
        /// 9(2)(c): vital interests where the data subject cannot consent.
        VitalInterests = "vital_interests", sv: "Grundläggande intressen (art. 9.2 c)", en: "Vital interests (Art. 9(2)(c))";
        /// 9(2)(d): not-for-profit body with a political, philosophical, religious or trade-union aim.
        NotForProfit = "not_for_profit", sv: "Ideell organisation (art. 9.2 d)", en: "Not-for-profit body (Art. 9(2)(d))";
        /// 9(2)(e): manifestly made public by the data subject.
        ManifestlyPublic = "manifestly_public", sv: "Offentliggjorda av den registrerade (art. 9.2 e)", en: "Manifestly made public (Art. 9(2)(e))";
        /// 9(2)(f): legal claims or courts acting in their judicial capacity.
        LegalClaims = "legal_claims", sv: "Rättsliga anspråk (art. 9.2 f)", en: "Legal claims (Art. 9(2)(f))";
        /// 9(2)(g): substantial public interest (for authorities DSL 3 kap. 3–4 §§).
        SubstantialPublicInterest = "substantial_public_interest", sv: "Viktigt allmänt intresse (art. 9.2 g)", en: "Substantial public interest (Art. 9(2)(g))";
        /// 9(2)(h): health or social care, occupational medicine (DSL 3 kap. 5 §).
        HealthSocialCare = "health_social_care", sv: "Hälso- och sjukvård, social omsorg (art. 9.2 h)", en: "Health or social care (Art. 9(2)(h))";
        /// 9(2)(i): public interest in the area of public health.
        PublicHealth = "public_health", sv: "Folkhälsa (art. 9.2 i)", en: "Public health (Art. 9(2)(i))";
        /// 9(2)(j): archiving in the public interest, research or statistics
        /// (DSL 3 kap. 6–7 §§; research needs ethics approval).
        ArchiveResearchStatistics = "archive_research_statistics", sv: "Arkiv, forskning eller statistik (art. 9.2 j)", en: "Archiving, research or statistics (Art. 9(2)(j))";
    }
}

labelled_enum! {
    /// The ground for processing criminal-offence data (GDPR Art. 10 with
    /// DSL 3 kap. 8–9 §§).
    pub enum CriminalDataGround {
        /// Under the control of official authority: a public authority may
        /// process such data (Art. 10; DSL 3 kap. 8 § first paragraph).
        OfficialAuthority = "official_authority", sv: "Myndighet (art. 10, DSL 3 kap. 8 § första stycket)", en: "Official authority (Art. 10; DSL ch. 3 s. 8 first paragraph)";
        /// Necessary to comply with rules on archives (DSL 3 kap. 8 § second paragraph).
        ArchiveRules = "archive_rules", sv: "Arkivregler (DSL 3 kap. 8 § andra stycket)", en: "Archive rules (DSL ch. 3 s. 8 second paragraph)";
        /// Authorised by another act of EU or Swedish law with safeguards
        /// (Art. 10; name it in `criminal_data_provision`).
        AuthorisedByLaw = "authorised_by_law", sv: "Annan lag som tillåter behandlingen (art. 10)", en: "Another law authorising it (Art. 10)";
        /// Rules issued, or a decision in the individual case, by the
        /// Government or the authority it designates (DSL 3 kap. 9 §).
        GovernmentRulesOrDecision = "government_rules_or_decision", sv: "Föreskrifter eller beslut (DSL 3 kap. 9 §)", en: "Regulations or individual decision (DSL ch. 3 s. 9)";
    }
}

labelled_enum! {
    /// Why personnummer or samordningsnummer are processed (DSL 3 kap. 10 §).
    pub enum PersonnummerJustification {
        /// The data subject has consented.
        Consent = "consent", sv: "Samtycke", en: "Consent";
        /// Clearly justified having regard to the purpose of the processing.
        Purpose = "purpose", sv: "Klart motiverat med hänsyn till ändamålet", en: "Clearly justified by the purpose";
        /// Clearly justified by the importance of secure identification.
        SecureIdentification = "secure_identification", sv: "Vikten av en säker identifiering", en: "Importance of secure identification";
        /// Clearly justified by another considerable reason.
        OtherConsiderableReason = "other_considerable_reason", sv: "Annat beaktansvärt skäl", en: "Another considerable reason";
    }
}

labelled_enum! {
    /// Data that are not Art. 9 categories but that IMY calls integrity
    /// sensitive ("integritetskänsliga uppgifter"). Recorded for the DPO and
    /// counted as data of a highly personal nature in DPIA screening (WP248 C4).
    pub enum PrivacySensitiveData {
        /// Salary and other financial circumstances.
        Salary = "salary", sv: "Lön och ekonomiska förhållanden", en: "Salary and financial circumstances";
        /// Evaluations, e.g. performance appraisals or test results.
        Evaluations = "evaluations", sv: "Värderande uppgifter, t.ex. medarbetarsamtal eller provresultat", en: "Evaluations, e.g. appraisals or test results";
        /// Social circumstances.
        SocialCircumstances = "social_circumstances", sv: "Sociala förhållanden", en: "Social circumstances";
        /// Private life ("privatlivets helgd").
        PrivateLife = "private_life", sv: "Privatliv", en: "Private life";
    }
}

labelled_enum! {
    /// The legal mechanism for a transfer outside the EU/EEA (GDPR Chapter V).
    pub enum TransferMechanism {
        /// Art. 45: a Commission adequacy decision covers the destination.
        AdequacyDecision = "adequacy_decision", sv: "Beslut om adekvat skyddsnivå (art. 45)", en: "Adequacy decision (Art. 45)";
        /// Art. 46(2)(c)–(d): standard contractual clauses (Decision (EU) 2021/914).
        StandardContractualClauses = "standard_contractual_clauses", sv: "Standardavtalsklausuler (art. 46.2 c)", en: "Standard contractual clauses (Art. 46(2)(c))";
        /// Art. 46(2)(b) and 47: binding corporate rules.
        BindingCorporateRules = "binding_corporate_rules", sv: "Bindande företagsbestämmelser (art. 46.2 b, 47)", en: "Binding corporate rules (Art. 46(2)(b), 47)";
        /// Another Art. 46 safeguard: an instrument between public bodies,
        /// code of conduct, certification, ad hoc clauses or administrative
        /// arrangement (Art. 46(2)(a), (e), (f), 46(3)).
        OtherSafeguards = "other_safeguards", sv: "Andra lämpliga skyddsåtgärder (art. 46)", en: "Other appropriate safeguards (Art. 46)";
        /// Art. 49: a derogation for a specific situation; name it in `derogation`.
        Derogation = "derogation", sv: "Undantag i särskilda situationer (art. 49)", en: "Derogation for a specific situation (Art. 49)";
    }
}

labelled_enum! {
    /// The derogations of GDPR Art. 49(1).
    pub enum Art49Derogation {
        /// 49(1)(a): explicit consent after being informed of the risks. Not for public powers (49(3)).
        ExplicitConsent = "explicit_consent", sv: "Uttryckligt samtycke (art. 49.1 a)", en: "Explicit consent (Art. 49(1)(a))";
        /// 49(1)(b): contract with the data subject. Not for public powers (49(3)).
        ContractWithDataSubject = "contract_with_data_subject", sv: "Avtal med den registrerade (art. 49.1 b)", en: "Contract with the data subject (Art. 49(1)(b))";
        /// 49(1)(c): contract in the data subject's interest. Not for public powers (49(3)).
        ContractInDataSubjectInterest = "contract_in_data_subject_interest", sv: "Avtal i den registrerades intresse (art. 49.1 c)", en: "Contract in the data subject's interest (Art. 49(1)(c))";
        /// 49(1)(d): important reasons of public interest.
        PublicInterest = "public_interest", sv: "Viktiga skäl av allmänt intresse (art. 49.1 d)", en: "Important reasons of public interest (Art. 49(1)(d))";
        /// 49(1)(e): legal claims.
        LegalClaims = "legal_claims", sv: "Rättsliga anspråk (art. 49.1 e)", en: "Legal claims (Art. 49(1)(e))";
        /// 49(1)(f): vital interests where the data subject cannot consent.
        VitalInterests = "vital_interests", sv: "Grundläggande intressen (art. 49.1 f)", en: "Vital interests (Art. 49(1)(f))";
        /// 49(1)(g): transfer from a public register.
        PublicRegister = "public_register", sv: "Offentligt register (art. 49.1 g)", en: "Public register (Art. 49(1)(g))";
        /// 49(1) second subparagraph: compelling legitimate interests; the
        /// assessment and safeguards must be documented (49(6)). Not for public powers (49(3)).
        CompellingLegitimateInterests = "compelling_legitimate_interests", sv: "Tvingande berättigade intressen (art. 49.1 andra stycket)", en: "Compelling legitimate interests (Art. 49(1) second subparagraph)";
    }
}

impl Art49Derogation {
    /// Whether Art. 49(3) closes it to public authorities exercising their
    /// public powers: points (a), (b), (c) and the second subparagraph.
    pub fn closed_to_public_powers(self) -> bool {
        matches!(
            self,
            Art49Derogation::ExplicitConsent
                | Art49Derogation::ContractWithDataSubject
                | Art49Derogation::ContractInDataSubjectInterest
                | Art49Derogation::CompellingLegitimateInterests
        )
    }
}

labelled_enum! {
    /// Where the personal data come from (relevant to Art. 13 versus Art. 14 information).
    pub enum DataSource {
        /// Collected from the data subject.
        DataSubject = "data_subject", sv: "Från den registrerade", en: "From the data subject";
        /// Obtained from elsewhere (describe in `data_source_description`).
        Elsewhere = "elsewhere", sv: "Från annan källa", en: "From another source";
        /// Both from the data subject and from elsewhere.
        Both = "both", sv: "Både från den registrerade och från annan källa", en: "Both from the data subject and elsewhere";
    }
}

labelled_enum! {
    /// The kind of source a retention (erasure, "gallring") rule comes from.
    pub enum RetentionSource {
        /// An act of law.
        Law = "law", sv: "Lag", en: "Act";
        /// An ordinance ("förordning").
        Ordinance = "ordinance", sv: "Förordning", en: "Ordinance";
        /// Riksarkivet's regulations (RA-FS general, RA-MS authority-specific).
        RiksarkivetRegulation = "riksarkivet_regulation", sv: "Riksarkivets föreskrifter (RA-FS/RA-MS)", en: "Riksarkivet regulations (RA-FS/RA-MS)";
        /// A municipal or regional archive authority's gallringsbeslut.
        ArchiveAuthorityDecision = "archive_authority_decision", sv: "Arkivmyndighetens gallringsbeslut", en: "Archive authority's disposal decision";
        /// The organisation's own decision (for bodies outside archive law).
        InternalDecision = "internal_decision", sv: "Eget beslut", en: "Internal decision";
    }
}

/// A transfer of personal data to a third country or international
/// organisation (GDPR Art. 30(1)(e), Chapter V).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Transfer {
    /// The third country or international organisation, by name (Art. 30(1)(e)).
    pub country: String,
    /// Who receives the data there.
    pub recipient: String,
    /// The Chapter V mechanism relied on; `null` while unknown (an error).
    pub mechanism: Option<TransferMechanism>,
    /// The Art. 49(1) derogation, when `mechanism` is `derogation`.
    pub derogation: Option<Art49Derogation>,
    /// The documented assessment and suitable safeguards; required for the
    /// compelling-legitimate-interests derogation (Art. 49(6), 30(1)(e)).
    pub safeguards: String,
}

/// Everything a user edits in a processing activity.
///
/// Every field has a default (`#[serde(default)]`), so partial JSON is a
/// valid draft, and unknown fields (such as the server-owned ones of
/// [`Activity`]) are ignored. Field names are the JSON names; rule violations
/// name them in their `field`. [`ActivityContent::FIELDS`] lists them in
/// form order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ActivityContent {
    // — Identity and responsibility (Art. 30(1)(a)) —
    /// Short name of the activity, e.g. "Antagning av studenter".
    pub name: String,
    /// The purposes of the processing (Art. 30(1)(b)), one per entry.
    pub purposes: Vec<String>,
    /// The responsible unit: one of [`Organisation::units`](super::Organisation::units).
    pub unit: String,
    /// The person or role who owns the activity ("verksamhetsansvarig").
    pub owner: String,
    /// Joint controllers (Art. 26), each with name and contact details (Art. 30(1)(a)).
    pub joint_controllers: Vec<String>,
    /// The controller's representative in the Union (Art. 27), if any.
    pub representative: String,

    // — Data subjects and personal data (Art. 30(1)(c)) —
    /// Categories of data subjects, e.g. "Studenter", "Sökande".
    pub data_subject_categories: Vec<String>,
    /// Approximate number of data subjects, if known.
    pub data_subject_count: Option<u64>,
    /// Categories of personal data, e.g. "Kontaktuppgifter", "Betyg".
    pub personal_data_categories: Vec<String>,
    /// Special categories of Art. 9(1) processed; empty if none.
    pub special_categories: Vec<SpecialCategory>,
    /// The Art. 9(2) exceptions relied on for `special_categories`.
    pub art9_exceptions: Vec<Art9Exception>,
    /// The Swedish provision behind the exception, e.g. "DSL 3 kap. 3 § 2".
    pub art9_provision: String,
    /// Whether data on criminal convictions and offences are processed (Art. 10).
    pub criminal_offence_data: bool,
    /// The ground for `criminal_offence_data`.
    pub criminal_data_ground: Option<CriminalDataGround>,
    /// The provision behind the ground, e.g. a sector statute.
    pub criminal_data_provision: String,
    /// Whether personnummer or samordningsnummer are processed (DSL 3 kap. 10 §).
    pub personnummer: bool,
    /// Why `personnummer` is clearly justified, or consent.
    pub personnummer_justification: Option<PersonnummerJustification>,
    /// Free-text reasoning for the justification.
    pub personnummer_reasoning: String,
    /// Other integrity-sensitive data IMY names (salary, evaluations, …).
    pub privacy_sensitive_data: Vec<PrivacySensitiveData>,

    // — Legal basis (Art. 6) —
    /// The Art. 6(1) basis; `null` while not yet chosen.
    pub legal_basis: Option<LegalBasis>,
    /// The kind of source of a legal obligation or public task (DSL 2 kap. 1–2 §§).
    pub legal_basis_source_kind: Option<LegalBasisSource>,
    /// The source itself, e.g. "Högskoleförordningen (1993:100) 7 kap.".
    pub legal_basis_source: String,
    /// For a public authority: `true` if this processing is *not* part of
    /// performing its tasks (then Art. 6(1)(f) is open to it). Default `false`.
    pub outside_public_tasks: bool,
    /// Whether the processing is part of the exercise of official authority
    /// ("myndighetsutövning").
    pub official_authority: bool,

    // — Recipients, processors, transfers (Art. 30(1)(d)–(e), Art. 28) —
    /// Categories of recipients, including those in third countries (Art. 30(1)(d)).
    pub recipients: Vec<String>,
    /// Ids of the [`Processor`]s used.
    pub processor_ids: Vec<i64>,
    /// Transfers outside the EU/EEA; empty if none.
    pub transfers: Vec<Transfer>,

    // — Retention (Art. 30(1)(f)) —
    /// Retention period or deletion rule, e.g. "Gallras 2 år efter avslutad utbildning".
    pub retention: String,
    /// The kind of source of the retention rule.
    pub retention_source_kind: Option<RetentionSource>,
    /// The source itself, e.g. "RA-MS 2020:1" or a gallringsbeslut's diarienummer.
    pub retention_source: String,

    // — Security and systems (Art. 30(1)(g), Art. 32) —
    /// General description of technical and organisational security measures.
    pub security_measures: String,
    /// Ids of the [`System`]s involved.
    pub system_ids: Vec<i64>,

    // — Source and automation —
    /// Where the data come from.
    pub data_source: Option<DataSource>,
    /// Which other sources, when not only the data subject.
    pub data_source_description: String,
    /// Decisions based solely on automated processing with legal or similarly
    /// significant effects (Art. 22(1)). Counts as WP248 criterion C2.
    pub automated_decisions: bool,
    /// Profiling (Art. 4(4)). Counts as WP248 criterion C1.
    pub profiling: bool,
    /// Description of the logic and consequences of automated decisions or profiling.
    pub automated_decisions_description: String,

    // — Research (lag (2003:460) om etikprövning) —
    /// Whether the activity is research.
    pub research: bool,
    /// Etikprövningsmyndigheten's diarienummer of the ethics approval.
    pub ethics_approval_ref: String,
    /// Date of the ethics approval decision, "YYYY-MM-DD".
    #[serde(with = "iso_date::option")]
    #[schema(value_type = Option<String>, format = Date)]
    pub ethics_approval_date: Option<Date>,

    // — DPIA screening answers (WP248 criteria, Art. 35(3)) —
    /// C1: evaluation or scoring, including profiling and predicting.
    pub evaluation_or_scoring: bool,
    /// C3: systematic monitoring of data subjects.
    pub systematic_monitoring: bool,
    /// Systematic monitoring of a publicly accessible area (Art. 35(3)(c) with `large_scale`; also C3).
    pub public_area_monitoring: bool,
    /// C5: data processed on a large scale.
    pub large_scale: bool,
    /// C6: matching or combining datasets.
    pub matching_datasets: bool,
    /// C7: vulnerable data subjects (children, employees, patients, …).
    pub vulnerable_data_subjects: bool,
    /// C8: innovative use or new technological or organisational solutions.
    pub new_technology: bool,
    /// C9: the processing itself prevents data subjects from exercising a
    /// right or using a service or contract.
    pub prevents_exercise_of_rights: bool,
    /// Reference to the DPIA carried out (Art. 35), if any.
    pub dpia_ref: String,

    // — Information to data subjects (Art. 13/14) —
    /// Shown in the public privacy notice once approved.
    pub public_notice: bool,
}

impl ActivityContent {
    /// Every JSON field name, in form order (the order of the struct).
    pub const FIELDS: &'static [&'static str] = &[
        "name",
        "purposes",
        "unit",
        "owner",
        "joint_controllers",
        "representative",
        "data_subject_categories",
        "data_subject_count",
        "personal_data_categories",
        "special_categories",
        "art9_exceptions",
        "art9_provision",
        "criminal_offence_data",
        "criminal_data_ground",
        "criminal_data_provision",
        "personnummer",
        "personnummer_justification",
        "personnummer_reasoning",
        "privacy_sensitive_data",
        "legal_basis",
        "legal_basis_source_kind",
        "legal_basis_source",
        "outside_public_tasks",
        "official_authority",
        "recipients",
        "processor_ids",
        "transfers",
        "retention",
        "retention_source_kind",
        "retention_source",
        "security_measures",
        "system_ids",
        "data_source",
        "data_source_description",
        "automated_decisions",
        "profiling",
        "automated_decisions_description",
        "research",
        "ethics_approval_ref",
        "ethics_approval_date",
        "evaluation_or_scoring",
        "systematic_monitoring",
        "public_area_monitoring",
        "large_scale",
        "matching_datasets",
        "vulnerable_data_subjects",
        "new_technology",
        "prevents_exercise_of_rights",
        "dpia_ref",
        "public_notice",
    ];

    /// Whether any Art. 9(1) special category is processed.
    pub fn has_special_categories(&self) -> bool {
        !self.special_categories.is_empty()
    }
}

/// A processing activity as stored: the edited [`ActivityContent`] flattened
/// with the fields the server owns.
///
/// JSON: the content fields plus `id`, `status`, `version`, `created_at`,
/// `updated_at`, `submitted_at`, `approved_at` (RFC 3339 instants) and
/// `review_due` (a date). Sending this JSON to the create endpoint as an
/// [`ActivityContent`] ignores the server-owned fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Activity {
    /// Database id.
    pub id: i64,
    /// Where it is in the review workflow.
    pub status: Status,
    /// Version number, from 1. Changing an approved activity creates version
    /// n + 1 as a draft; version n stays in force until n + 1 is approved.
    pub version: i64,
    /// What the user edits.
    #[serde(flatten)]
    pub content: ActivityContent,
    /// When this version was created.
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    /// When this version was last changed.
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: OffsetDateTime,
    /// When it was last submitted for review.
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub submitted_at: Option<OffsetDateTime>,
    /// When it was approved.
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub approved_at: Option<OffsetDateTime>,
    /// When the yearly review is due, "YYYY-MM-DD".
    #[serde(default, with = "iso_date::option")]
    #[schema(value_type = Option<String>, format = Date)]
    pub review_due: Option<Date>,
}

/// A processor (Art. 28) — stored in its own table and referenced from
/// [`ActivityContent::processor_ids`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Processor {
    /// Database id.
    pub id: i64,
    /// The processor's name.
    pub name: String,
    /// Organisation number or other company identifier.
    pub org_number: String,
    /// Contact details.
    pub contact: String,
    /// Where it processes the data (country), e.g. "Sverige".
    pub location: String,
    /// Whether a processor agreement ("PUBA", Art. 28(3)) is in place.
    pub agreement_in_place: bool,
    /// Date the agreement was signed, "YYYY-MM-DD".
    #[serde(with = "iso_date::option")]
    #[schema(value_type = Option<String>, format = Date)]
    pub agreement_date: Option<Date>,
    /// Reference to the agreement, e.g. a diarienummer.
    pub agreement_ref: String,
    /// Sub-processors engaged (Art. 28(2), (4)).
    pub sub_processors: Vec<SubProcessor>,
}

/// A sub-processor engaged by a [`Processor`] (Art. 28(2), (4)).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct SubProcessor {
    /// Its name.
    pub name: String,
    /// Where it processes the data (country).
    pub location: String,
    /// What it does, e.g. "Drift av datacenter".
    pub service: String,
}

/// An IT system involved in processing — stored in its own table and
/// referenced from [`ActivityContent::system_ids`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct System {
    /// Database id.
    pub id: i64,
    /// The system's name, e.g. "Ladok".
    pub name: String,
    /// The person or unit responsible for it ("systemägare").
    pub owner: String,
    /// How it is hosted, e.g. "Egen drift", "Molntjänst (SaaS)".
    pub hosting: String,
    /// Where the data are stored (country, data centre).
    pub location: String,
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::register::assert_ids_consistent;
    use time::macros::{date, datetime};

    #[test]
    fn every_closed_list_is_consistent() {
        assert_ids_consistent(Status::ALL, Status::as_str);
        assert_ids_consistent(LegalBasis::ALL, LegalBasis::as_str);
        assert_ids_consistent(LegalBasisSource::ALL, LegalBasisSource::as_str);
        assert_ids_consistent(SpecialCategory::ALL, SpecialCategory::as_str);
        assert_ids_consistent(Art9Exception::ALL, Art9Exception::as_str);
        assert_ids_consistent(CriminalDataGround::ALL, CriminalDataGround::as_str);
        assert_ids_consistent(
            PersonnummerJustification::ALL,
            PersonnummerJustification::as_str,
        );
        assert_ids_consistent(PrivacySensitiveData::ALL, PrivacySensitiveData::as_str);
        assert_ids_consistent(TransferMechanism::ALL, TransferMechanism::as_str);
        assert_ids_consistent(Art49Derogation::ALL, Art49Derogation::as_str);
        assert_ids_consistent(DataSource::ALL, DataSource::as_str);
        assert_ids_consistent(RetentionSource::ALL, RetentionSource::as_str);
    }

    #[test]
    fn closed_lists_match_the_law() {
        assert_eq!(SpecialCategory::ALL.len(), 8, "Art. 9(1)");
        assert_eq!(Art9Exception::ALL.len(), 10, "Art. 9(2)(a)-(j)");
        assert_eq!(LegalBasis::ALL.len(), 6, "Art. 6(1)(a)-(f)");
        let ids: Vec<_> = Status::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(
            ids,
            [
                "draft",
                "submitted",
                "changes_requested",
                "approved",
                "rejected",
                "archived"
            ]
        );
        let ids: Vec<_> = LegalBasis::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(
            ids,
            [
                "consent",
                "contract",
                "legal_obligation",
                "vital_interests",
                "public_task",
                "legitimate_interests"
            ]
        );
        assert_eq!(
            LegalBasis::LegitimateInterests.article(),
            "GDPR Art. 6(1)(f)"
        );
        let closed = Art49Derogation::ALL
            .iter()
            .filter(|d| d.closed_to_public_powers())
            .count();
        assert_eq!(
            closed, 4,
            "Art. 49(3): points (a), (b), (c) and the second subparagraph"
        );
    }

    #[test]
    fn labels_exist_in_both_languages() {
        for b in LegalBasis::ALL {
            assert!(!b.label(Lang::Sv).is_empty());
            assert_ne!(b.label(Lang::Sv), b.label(Lang::En));
        }
        assert_eq!(SpecialCategory::Health.label(Lang::Sv), "Hälsa");
        assert_eq!(
            "public_task".parse::<LegalBasis>(),
            Ok(LegalBasis::PublicTask)
        );
        assert!("interest".parse::<LegalBasis>().is_err());
    }

    #[test]
    fn workflow_transitions() {
        use Status::*;
        assert!(Draft.can_become(Submitted));
        assert!(Submitted.can_become(ChangesRequested));
        assert!(Submitted.can_become(Approved));
        assert!(Submitted.can_become(Rejected));
        assert!(ChangesRequested.can_become(Submitted));
        assert!(Approved.can_become(Archived));
        assert!(!Draft.can_become(Approved));
        assert!(!Archived.can_become(Draft));
        assert!(!Approved.can_become(Draft));
        assert!(Draft.is_editable() && ChangesRequested.is_editable());
        assert!(!Approved.is_editable() && !Submitted.is_editable());
    }

    /// A content with every field set to a non-default value.
    pub(crate) fn full_content() -> ActivityContent {
        ActivityContent {
            name: "Forskningsstudie om sömn".into(),
            purposes: vec!["Forskning om sömn hos studenter".into()],
            unit: "Institutionen för psykologi".into(),
            owner: "Professor A".into(),
            joint_controllers: vec!["Exempelregionen, dso@region.example".into()],
            representative: "Ingen".into(),
            data_subject_categories: vec!["Forskningspersoner".into()],
            data_subject_count: Some(300),
            personal_data_categories: vec!["Kontaktuppgifter".into(), "Sömnvanor".into()],
            special_categories: vec![SpecialCategory::Health],
            art9_exceptions: vec![Art9Exception::ArchiveResearchStatistics],
            art9_provision: "DSL 3 kap. 7 §".into(),
            criminal_offence_data: true,
            criminal_data_ground: Some(CriminalDataGround::OfficialAuthority),
            criminal_data_provision: "DSL 3 kap. 8 §".into(),
            personnummer: true,
            personnummer_justification: Some(PersonnummerJustification::SecureIdentification),
            personnummer_reasoning: "Koppling till registerdata".into(),
            privacy_sensitive_data: vec![PrivacySensitiveData::Evaluations],
            legal_basis: Some(LegalBasis::PublicTask),
            legal_basis_source_kind: Some(LegalBasisSource::Law),
            legal_basis_source: "Högskolelagen (1992:1434) 1 kap. 2 §".into(),
            outside_public_tasks: true,
            official_authority: true,
            recipients: vec!["Etikprövningsmyndigheten".into()],
            processor_ids: vec![7],
            transfers: vec![Transfer {
                country: "Norge".into(),
                recipient: "Samarbetsuniversitet".into(),
                mechanism: Some(TransferMechanism::Derogation),
                derogation: Some(Art49Derogation::PublicInterest),
                safeguards: "Pseudonymiserade data".into(),
            }],
            retention: "Bevaras".into(),
            retention_source_kind: Some(RetentionSource::RiksarkivetRegulation),
            retention_source: "RA-FS 1999:1".into(),
            security_measures: "Kryptering, behörighetsstyrning".into(),
            system_ids: vec![3, 4],
            data_source: Some(DataSource::Both),
            data_source_description: "Folkbokföringen".into(),
            automated_decisions: true,
            profiling: true,
            automated_decisions_description: "Urval".into(),
            research: true,
            ethics_approval_ref: "Dnr 2025-01234-01".into(),
            ethics_approval_date: Some(date!(2025 - 03 - 14)),
            evaluation_or_scoring: true,
            systematic_monitoring: true,
            public_area_monitoring: true,
            large_scale: true,
            matching_datasets: true,
            vulnerable_data_subjects: true,
            new_technology: true,
            prevents_exercise_of_rights: true,
            dpia_ref: "DPIA 2025-2".into(),
            public_notice: true,
        }
    }

    #[test]
    fn fields_lists_every_serialised_key_in_order() {
        let json = serde_json::to_value(full_content()).unwrap();
        let keys: std::collections::BTreeSet<_> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let listed: std::collections::BTreeSet<_> =
            ActivityContent::FIELDS.iter().copied().collect();
        assert_eq!(keys, listed);
        assert_eq!(listed.len(), ActivityContent::FIELDS.len(), "no duplicates");
        // Every field of the full content differs from the default one.
        let empty = serde_json::to_value(ActivityContent::default()).unwrap();
        for f in ActivityContent::FIELDS {
            assert_ne!(json[f], empty[f], "{f} not set in full_content()");
        }
    }

    #[test]
    fn activity_json_round_trips_as_content() {
        let activity = Activity {
            id: 42,
            status: Status::Approved,
            version: 3,
            content: full_content(),
            created_at: datetime!(2025-01-02 10:00 UTC),
            updated_at: datetime!(2025-02-03 11:30 UTC),
            submitted_at: Some(datetime!(2025-02-03 12:00 UTC)),
            approved_at: Some(datetime!(2025-02-10 09:00 UTC)),
            review_due: Some(date!(2026 - 02 - 10)),
        };
        let json = serde_json::to_value(&activity).unwrap();
        assert_eq!(json["id"], 42);
        assert_eq!(json["status"], "approved");
        assert_eq!(json["legal_basis"], "public_task");
        assert_eq!(json["ethics_approval_date"], "2025-03-14");
        assert_eq!(json["review_due"], "2026-02-10");
        assert_eq!(json["approved_at"], "2025-02-10T09:00:00Z");

        // Sent back as content: every content field kept, server fields ignored.
        let copy: ActivityContent = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(copy, activity.content);

        // And as an activity.
        let back: Activity = serde_json::from_value(json).unwrap();
        assert_eq!(back, activity);
    }

    #[test]
    fn partial_json_is_a_draft() {
        let c: ActivityContent = serde_json::from_str(
            r#"{"name":"Lön","legal_basis":"legal_obligation","unknown":1,"id":9,"status":"approved"}"#,
        )
        .unwrap();
        assert_eq!(c.name, "Lön");
        assert_eq!(c.legal_basis, Some(LegalBasis::LegalObligation));
        assert!(c.purposes.is_empty() && !c.personnummer);
        assert_eq!(c.ethics_approval_date, None);
        let empty: ActivityContent = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, ActivityContent::default());
        assert!(serde_json::from_str::<ActivityContent>(r#"{"legal_basis":"interest"}"#).is_err());
    }

    #[test]
    fn openapi_schema_names_the_json_fields() {
        use utoipa::PartialSchema;
        let activity = serde_json::to_string(&Activity::schema()).unwrap();
        for field in ["\"id\"", "\"status\"", "\"review_due\"", "ActivityContent"] {
            assert!(activity.contains(field), "{field} missing in {activity}");
        }
        let content = serde_json::to_string(&ActivityContent::schema()).unwrap();
        for field in ActivityContent::FIELDS {
            assert!(content.contains(&format!("\"{field}\"")), "{field} missing");
        }
    }

    #[test]
    fn linked_records_round_trip() {
        let p = Processor {
            id: 7,
            name: "Molnbolaget AB".into(),
            agreement_in_place: true,
            agreement_date: Some(date!(2024 - 05 - 01)),
            sub_processors: vec![SubProcessor {
                name: "Datacenter Oy".into(),
                location: "Finland".into(),
                service: "Drift".into(),
            }],
            ..Processor::default()
        };
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["agreement_date"], "2024-05-01");
        assert_eq!(serde_json::from_value::<Processor>(json).unwrap(), p);
        let s: System = serde_json::from_str(r#"{"id":3,"name":"Ladok"}"#).unwrap();
        assert_eq!(s.name, "Ladok");
    }
}
