//! Rule checks on a processing activity, as pure functions.
//!
//! Each [`Rule`] has a stable snake_case id, a severity, the article it
//! cites and the JSON field of [`ActivityContent`] it concerns, so the UI can
//! show it next to that field. Errors block submission; warnings are shown
//! and can be acknowledged.
//!
//! * [`check`] runs the consistency rules: what the activity says is unlawful
//!   or unjustified. Suitable for live feedback on a draft.
//! * [`validate_for_submit`] adds the completeness rules (required Art. 30(1)
//!   items, a legal basis, retention) and the DPIA warning; use it when an
//!   activity is submitted, and [`blocks_submission`] on the result.

use super::activity::{
    ActivityContent, Art49Derogation, LegalBasis, PersonnummerJustification, Processor,
    TransferMechanism,
};
use super::dpia::dpia_screening;
use super::org::Organisation;
use crate::lang::Lang;
use serde::{Deserialize, Serialize};

labelled_enum! {
    /// Whether a violation blocks submission.
    pub enum Severity {
        /// Blocks submission.
        Error = "error", sv: "Fel", en: "Error";
        /// Shown; can be acknowledged.
        Warning = "warning", sv: "Varning", en: "Warning";
    }
}

labelled_enum! {
    /// Every rule, by stable id. Labels are short titles for lists of rules
    /// (e.g. acknowledged warnings); [`Violation`] carries the full message.
    pub enum Rule {
        // Completeness (validate_for_submit only).
        /// The activity has no name. Error; GDPR Art. 30(1); `name`.
        NameMissing = "name_missing", sv: "Namn saknas", en: "Name missing";
        /// No purpose is given. Error; GDPR Art. 30(1)(b); `purposes`.
        PurposesMissing = "purposes_missing", sv: "Ändamål saknas", en: "Purposes missing";
        /// No category of data subjects. Error; GDPR Art. 30(1)(c); `data_subject_categories`.
        DataSubjectCategoriesMissing = "data_subject_categories_missing", sv: "Kategorier av registrerade saknas", en: "Categories of data subjects missing";
        /// No category of personal data. Error; GDPR Art. 30(1)(c); `personal_data_categories`.
        PersonalDataCategoriesMissing = "personal_data_categories_missing", sv: "Kategorier av personuppgifter saknas", en: "Categories of personal data missing";
        /// No Art. 6(1) basis chosen. Error; GDPR Art. 6(1); `legal_basis`.
        LegalBasisMissing = "legal_basis_missing", sv: "Rättslig grund saknas", en: "Legal basis missing";
        /// No retention period or deletion rule. Error; GDPR Art. 30(1)(f); `retention`.
        RetentionMissing = "retention_missing", sv: "Lagringstid eller gallringsregel saknas", en: "Retention rule missing";
        /// No description of security measures. Warning; GDPR Art. 30(1)(g); `security_measures`.
        SecurityMeasuresMissing = "security_measures_missing", sv: "Säkerhetsåtgärder saknas", en: "Security measures missing";
        /// A DPIA is required by screening but none is referenced. Warning; GDPR Art. 35(1); `dpia_ref`.
        DpiaNotReferenced = "dpia_not_referenced", sv: "Konsekvensbedömning krävs men saknas", en: "DPIA required but not referenced";

        // Consistency (check and validate_for_submit).
        /// A public authority relies on legitimate interests for its tasks.
        /// Error; GDPR Art. 6(1)(f), second subparagraph; `legal_basis`.
        LegitimateInterestsPublicAuthority = "legitimate_interests_public_authority", sv: "Myndighet kan inte använda intresseavvägning", en: "Public authority cannot rely on legitimate interests";
        /// A public authority relies on consent in the exercise of official
        /// authority. Warning; GDPR Art. 6(1)(a), recital 43; `legal_basis`.
        ConsentOfficialAuthority = "consent_official_authority", sv: "Samtycke vid myndighetsutövning", en: "Consent in the exercise of official authority";
        /// A legal obligation or public task without its source.
        /// Warning; GDPR Art. 6(3), DSL 2 kap. 1–2 §§; `legal_basis_source`.
        LegalBasisSourceMissing = "legal_basis_source_missing", sv: "Grunden i lag eller beslut saknas", en: "Source of the legal basis missing";
        /// Special categories without an Art. 9(2) exception. Error; GDPR Art. 9(2); `art9_exceptions`.
        SpecialCategoriesWithoutException = "special_categories_without_exception", sv: "Känsliga personuppgifter utan undantag", en: "Special categories without an exception";
        /// Criminal-offence data without a ground. Error; GDPR Art. 10; `criminal_data_ground`.
        CriminalDataWithoutGround = "criminal_data_without_ground", sv: "Uppgifter om lagöverträdelser utan stöd", en: "Criminal-offence data without a ground";
        /// Personnummer without a justification. Error; DSL 3 kap. 10 §; `personnummer_justification`.
        PersonnummerWithoutJustification = "personnummer_without_justification", sv: "Personnummer utan motivering", en: "Personnummer without justification";
        /// A processor without an agreement. Error; GDPR Art. 28(3); `processor_ids`.
        ProcessorAgreementMissing = "processor_agreement_missing", sv: "Personuppgiftsbiträdesavtal saknas", en: "Processor agreement missing";
        /// A transfer outside the EU/EEA without a mechanism. Error; GDPR Art. 44; `transfers`.
        TransferWithoutMechanism = "transfer_without_mechanism", sv: "Överföring till tredjeland utan stöd", en: "Transfer without a mechanism";
        /// A public authority uses an Art. 49 derogation closed to public powers.
        /// Error; GDPR Art. 49(3); `transfers`.
        TransferDerogationClosedToAuthority = "transfer_derogation_closed_to_authority", sv: "Undantaget är inte öppet för myndigheter", en: "Derogation not open to public authorities";
        /// Compelling legitimate interests without documented safeguards.
        /// Error; GDPR Art. 49(6); `transfers`.
        TransferSafeguardsUndocumented = "transfer_safeguards_undocumented", sv: "Skyddsåtgärder för överföringen ej dokumenterade", en: "Transfer safeguards not documented";
        /// Research with special-category or criminal-offence data without
        /// an ethics approval reference. Error; Etikprövningslagen (2003:460)
        /// 3 §, 6 §; `ethics_approval_ref`.
        ResearchWithoutEthicsApproval = "research_without_ethics_approval", sv: "Etikgodkännande saknas", en: "Ethics approval missing";
        /// A public authority's retention rule without its source.
        /// Warning; TF 2 kap. 23 §; `retention_source`.
        RetentionSourceMissing = "retention_source_missing", sv: "Stöd för gallring saknas", en: "Source of the retention rule missing";
    }
}

impl Rule {
    /// Whether it blocks submission.
    pub fn severity(self) -> Severity {
        use Rule::*;
        match self {
            SecurityMeasuresMissing
            | DpiaNotReferenced
            | ConsentOfficialAuthority
            | LegalBasisSourceMissing
            | RetentionSourceMissing => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The article the rule cites, e.g. `GDPR Art. 9(2)`.
    pub fn article(self) -> &'static str {
        use Rule::*;
        match self {
            NameMissing => "GDPR Art. 30(1)",
            PurposesMissing => "GDPR Art. 30(1)(b)",
            DataSubjectCategoriesMissing | PersonalDataCategoriesMissing => "GDPR Art. 30(1)(c)",
            LegalBasisMissing => "GDPR Art. 6(1)",
            RetentionMissing => "GDPR Art. 30(1)(f)",
            SecurityMeasuresMissing => "GDPR Art. 30(1)(g)",
            DpiaNotReferenced => "GDPR Art. 35(1)",
            LegitimateInterestsPublicAuthority => "GDPR Art. 6(1)(f), second subparagraph",
            ConsentOfficialAuthority => "GDPR Art. 6(1)(a), recital 43",
            LegalBasisSourceMissing => "GDPR Art. 6(3); DSL 2 kap. 1–2 §§",
            SpecialCategoriesWithoutException => "GDPR Art. 9(2)",
            CriminalDataWithoutGround => "GDPR Art. 10",
            PersonnummerWithoutJustification => "DSL 3 kap. 10 §",
            ProcessorAgreementMissing => "GDPR Art. 28(3)",
            TransferWithoutMechanism => "GDPR Art. 44",
            TransferDerogationClosedToAuthority => "GDPR Art. 49(3)",
            TransferSafeguardsUndocumented => "GDPR Art. 49(6)",
            ResearchWithoutEthicsApproval => "Etikprövningslagen (2003:460) 3 §, 6 §",
            RetentionSourceMissing => "TF 2 kap. 23 §",
        }
    }

    /// The JSON field of [`ActivityContent`] the rule concerns.
    pub fn field(self) -> &'static str {
        use Rule::*;
        match self {
            NameMissing => "name",
            PurposesMissing => "purposes",
            DataSubjectCategoriesMissing => "data_subject_categories",
            PersonalDataCategoriesMissing => "personal_data_categories",
            LegalBasisMissing | LegitimateInterestsPublicAuthority | ConsentOfficialAuthority => {
                "legal_basis"
            }
            RetentionMissing => "retention",
            SecurityMeasuresMissing => "security_measures",
            DpiaNotReferenced => "dpia_ref",
            LegalBasisSourceMissing => "legal_basis_source",
            SpecialCategoriesWithoutException => "art9_exceptions",
            CriminalDataWithoutGround => "criminal_data_ground",
            PersonnummerWithoutJustification => "personnummer_justification",
            ProcessorAgreementMissing => "processor_ids",
            TransferWithoutMechanism
            | TransferDerogationClosedToAuthority
            | TransferSafeguardsUndocumented => "transfers",
            ResearchWithoutEthicsApproval => "ethics_approval_ref",
            RetentionSourceMissing => "retention_source",
        }
    }

    /// Whether it is a completeness rule, run only by [`validate_for_submit`].
    pub fn is_completeness(self) -> bool {
        use Rule::*;
        matches!(
            self,
            NameMissing
                | PurposesMissing
                | DataSubjectCategoriesMissing
                | PersonalDataCategoriesMissing
                | LegalBasisMissing
                | RetentionMissing
                | SecurityMeasuresMissing
                | DpiaNotReferenced
        )
    }

    /// Runs this one rule.
    pub fn check(
        self,
        c: &ActivityContent,
        org: &Organisation,
        processors: &[Processor],
    ) -> Vec<Violation> {
        use Rule::*;
        let v = |sv: String, en: String| Violation::new(self, sv, en);
        let one = |cond: bool, sv: &str, en: &str| {
            if cond {
                vec![v(sv.to_owned(), en.to_owned())]
            } else {
                Vec::new()
            }
        };
        let authority_tasks = org.is_public_authority && !c.outside_public_tasks;
        match self {
            NameMissing => one(
                blank(&c.name),
                "Ge behandlingen ett namn.",
                "Give the processing activity a name.",
            ),
            PurposesMissing => one(
                all_blank(&c.purposes),
                "Ange ändamålen med behandlingen (art. 30.1 b).",
                "State the purposes of the processing (Art. 30(1)(b)).",
            ),
            DataSubjectCategoriesMissing => one(
                all_blank(&c.data_subject_categories),
                "Ange vilka kategorier av registrerade som berörs (art. 30.1 c).",
                "State the categories of data subjects (Art. 30(1)(c)).",
            ),
            PersonalDataCategoriesMissing => one(
                all_blank(&c.personal_data_categories),
                "Ange vilka kategorier av personuppgifter som behandlas (art. 30.1 c).",
                "State the categories of personal data (Art. 30(1)(c)).",
            ),
            LegalBasisMissing => one(
                c.legal_basis.is_none(),
                "Välj en rättslig grund enligt art. 6.1.",
                "Choose a legal basis under Art. 6(1).",
            ),
            RetentionMissing => one(
                blank(&c.retention),
                "Ange hur länge uppgifterna sparas eller när de gallras (art. 30.1 f).",
                "State how long the data are kept or when they are erased (Art. 30(1)(f)).",
            ),
            SecurityMeasuresMissing => one(
                blank(&c.security_measures),
                "Beskriv de tekniska och organisatoriska säkerhetsåtgärderna (art. 30.1 g, art. 32.1).",
                "Describe the technical and organisational security measures (Art. 30(1)(g), Art. 32(1)).",
            ),
            DpiaNotReferenced => one(
                blank(&c.dpia_ref) && dpia_screening(c, org).required,
                "Behandlingen kräver en konsekvensbedömning (art. 35). Hänvisa till den.",
                "The processing requires a data protection impact assessment (Art. 35). Reference it.",
            ),
            LegitimateInterestsPublicAuthority => one(
                authority_tasks && c.legal_basis == Some(LegalBasis::LegitimateInterests),
                "En myndighet får inte använda intresseavvägning (art. 6.1 f) för behandling som sker som ett led i dess uppgifter. Välj allmänt intresse eller myndighetsutövning (art. 6.1 e) eller rättslig förpliktelse (art. 6.1 c).",
                "A public authority may not rely on legitimate interests (Art. 6(1)(f)) for processing in the performance of its tasks. Choose public task (Art. 6(1)(e)) or legal obligation (Art. 6(1)(c)).",
            ),
            ConsentOfficialAuthority => one(
                org.is_public_authority
                    && c.official_authority
                    && c.legal_basis == Some(LegalBasis::Consent),
                "Samtycke är sällan frivilligt vid myndighetsutövning, där det råder obalans mellan myndigheten och den enskilde (skäl 43). Överväg art. 6.1 e.",
                "Consent is rarely freely given in the exercise of official authority, where there is a clear imbalance between the authority and the individual (recital 43). Consider Art. 6(1)(e).",
            ),
            LegalBasisSourceMissing => one(
                c.legal_basis.is_some_and(LegalBasis::needs_source_in_law)
                    && blank(&c.legal_basis_source),
                "Ange den lag, det kollektivavtal eller det beslut som förpliktelsen eller uppgiften följer av (art. 6.3, DSL 2 kap. 1–2 §§).",
                "State the law, collective agreement or decision the obligation or task follows from (Art. 6(3); DSL ch. 2 s. 1–2).",
            ),
            SpecialCategoriesWithoutException => one(
                c.has_special_categories() && c.art9_exceptions.is_empty(),
                "Känsliga personuppgifter får bara behandlas om ett undantag i art. 9.2 gäller. Välj undantaget.",
                "Special categories of personal data may be processed only under an exception in Art. 9(2). Choose the exception.",
            ),
            CriminalDataWithoutGround => one(
                c.criminal_offence_data && c.criminal_data_ground.is_none(),
                "Uppgifter om lagöverträdelser får bara behandlas under kontroll av myndighet eller med stöd i lag (art. 10, DSL 3 kap. 8–9 §§). Ange stödet.",
                "Criminal-offence data may be processed only under the control of official authority or where authorised by law (Art. 10; DSL ch. 3 s. 8–9). State the ground.",
            ),
            PersonnummerWithoutJustification => one(
                c.personnummer
                    && match c.personnummer_justification {
                        None => true,
                        Some(PersonnummerJustification::Consent) => false,
                        Some(_) => blank(&c.personnummer_reasoning),
                    },
                "Personnummer och samordningsnummer får utan samtycke bara behandlas när det är klart motiverat (DSL 3 kap. 10 §). Välj skälet och motivera.",
                "Without consent, personnummer and samordningsnummer may be processed only when clearly justified (DSL ch. 3 s. 10). Choose the reason and explain it.",
            ),
            ProcessorAgreementMissing => processors
                .iter()
                .filter(|p| c.processor_ids.contains(&p.id) && !p.agreement_in_place)
                .map(|p| {
                    v(
                        format!(
                            "Personuppgiftsbiträdet {} saknar personuppgiftsbiträdesavtal (art. 28.3).",
                            p.name
                        ),
                        format!(
                            "The processor {} has no processing agreement (Art. 28(3)).",
                            p.name
                        ),
                    )
                })
                .collect(),
            TransferWithoutMechanism => c
                .transfers
                .iter()
                .filter(|t| match t.mechanism {
                    None => true,
                    Some(TransferMechanism::Derogation) => t.derogation.is_none(),
                    Some(_) => false,
                })
                .map(|t| {
                    v(
                        format!(
                            "Överföringen till {} saknar stöd i kapitel V (adekvat skyddsnivå, lämpliga skyddsåtgärder eller undantag i art. 49).",
                            place(&t.country)
                        ),
                        format!(
                            "The transfer to {} has no Chapter V mechanism (adequacy decision, appropriate safeguards or an Art. 49 derogation).",
                            place(&t.country)
                        ),
                    )
                })
                .collect(),
            TransferDerogationClosedToAuthority => c
                .transfers
                .iter()
                .filter(|t| {
                    authority_tasks
                        && t.mechanism == Some(TransferMechanism::Derogation)
                        && t.derogation.is_some_and(Art49Derogation::closed_to_public_powers)
                })
                .map(|t| {
                    v(
                        format!(
                            "Undantaget för överföringen till {} får inte användas av myndigheter när de utövar sina befogenheter (art. 49.3).",
                            place(&t.country)
                        ),
                        format!(
                            "The derogation for the transfer to {} is not available to public authorities exercising their public powers (Art. 49(3)).",
                            place(&t.country)
                        ),
                    )
                })
                .collect(),
            TransferSafeguardsUndocumented => c
                .transfers
                .iter()
                .filter(|t| {
                    t.mechanism == Some(TransferMechanism::Derogation)
                        && t.derogation == Some(Art49Derogation::CompellingLegitimateInterests)
                        && blank(&t.safeguards)
                })
                .map(|t| {
                    v(
                        format!(
                            "Dokumentera bedömningen och skyddsåtgärderna för överföringen till {} (art. 49.6).",
                            place(&t.country)
                        ),
                        format!(
                            "Document the assessment and safeguards for the transfer to {} (Art. 49(6)).",
                            place(&t.country)
                        ),
                    )
                })
                .collect(),
            ResearchWithoutEthicsApproval => one(
                c.research
                    && (c.has_special_categories() || c.criminal_offence_data)
                    && blank(&c.ethics_approval_ref),
                "Forskning med känsliga personuppgifter eller uppgifter om lagöverträdelser får bara utföras efter etikgodkännande (etikprövningslagen 3 och 6 §§). Ange Etikprövningsmyndighetens diarienummer.",
                "Research with special-category or criminal-offence data may only be carried out once approved in an ethical review (Act 2003:460 s. 3 and 6). Give the Ethical Review Authority's reference number.",
            ),
            RetentionSourceMissing => one(
                org.is_public_authority && !blank(&c.retention) && blank(&c.retention_source),
                "En myndighet får bara gallra allmänna handlingar med stöd av lag, förordning eller arkivmyndighetens föreskrifter eller beslut. Ange stödet, t.ex. RA-MS eller gallringsbeslut.",
                "A public authority may destroy public records only as laid down in law, ordinance or the archive authority's regulations or decisions. State the source, e.g. RA-MS or a disposal decision.",
            ),
        }
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn all_blank(v: &[String]) -> bool {
    v.iter().all(|s| blank(s))
}

fn place(country: &str) -> &str {
    if blank(country) { "?" } else { country }
}

/// One broken rule, with its message in Swedish and English.
///
/// Serialises with both messages (`message_sv`, `message_en`); for the API's
/// `{"rule", "field", "article", "severity", "message"}` use
/// [`Violation::to_json`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// Which rule.
    pub rule: Rule,
    /// The JSON field of [`ActivityContent`] it concerns.
    pub field: &'static str,
    /// The citation, e.g. `GDPR Art. 9(2)`.
    pub article: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// The message in Swedish.
    pub message_sv: String,
    /// The message in English.
    pub message_en: String,
}

impl Violation {
    /// A violation of `rule`, taking field, article and severity from it.
    pub fn new(rule: Rule, message_sv: String, message_en: String) -> Self {
        Violation {
            rule,
            field: rule.field(),
            article: rule.article(),
            severity: rule.severity(),
            message_sv,
            message_en,
        }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.message_sv, &self.message_en)
    }

    /// The contract shape for the API, with the message in `lang`.
    pub fn to_json(&self, lang: Lang) -> ViolationJson {
        ViolationJson {
            rule: self.rule,
            field: self.field.to_owned(),
            article: self.article.to_owned(),
            severity: self.severity,
            message: self.message(lang).to_owned(),
        }
    }
}

/// A violation as the API returns it:
/// `{"rule", "field", "article", "severity", "message"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ViolationJson {
    /// The rule's stable id, e.g. `special_categories_without_exception`.
    pub rule: Rule,
    /// The JSON field of the activity it concerns, e.g. `art9_exceptions`.
    pub field: String,
    /// The citation, e.g. `GDPR Art. 9(2)`.
    pub article: String,
    /// `error` or `warning`.
    pub severity: Severity,
    /// The message in the requested language.
    pub message: String,
}

/// Runs the consistency rules (not the completeness ones): what the activity
/// states that is unlawful or unjustified. `processors` are the records
/// referenced by `content.processor_ids`; ones not referenced are ignored.
pub fn check(
    content: &ActivityContent,
    org: &Organisation,
    processors: &[Processor],
) -> Vec<Violation> {
    run(content, org, processors, |r| !r.is_completeness())
}

/// Runs every rule: completeness and consistency, errors and warnings, in
/// [`Rule::ALL`] order. The caller should also make sure every id in
/// `processor_ids` was found (see [`missing_processors`]).
pub fn validate_for_submit(
    content: &ActivityContent,
    org: &Organisation,
    processors: &[Processor],
) -> Vec<Violation> {
    run(content, org, processors, |_| true)
}

fn run(
    content: &ActivityContent,
    org: &Organisation,
    processors: &[Processor],
    keep: impl Fn(Rule) -> bool,
) -> Vec<Violation> {
    Rule::ALL
        .iter()
        .copied()
        .filter(|r| keep(*r))
        .flat_map(|r| r.check(content, org, processors))
        .collect()
}

/// Whether any violation is an error, which blocks submission.
pub fn blocks_submission(violations: &[Violation]) -> bool {
    violations.iter().any(|v| v.severity == Severity::Error)
}

/// The ids in `content.processor_ids` with no record among `processors`.
pub fn missing_processors(content: &ActivityContent, processors: &[Processor]) -> Vec<i64> {
    content
        .processor_ids
        .iter()
        .copied()
        .filter(|id| !processors.iter().any(|p| p.id == *id))
        .collect()
}

/// One top-level field that differs between two versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct FieldChange {
    /// The JSON field name, e.g. `legal_basis`.
    pub field: String,
    /// Its JSON value in the older version.
    pub before: serde_json::Value,
    /// Its JSON value in the newer version.
    pub after: serde_json::Value,
}

/// The top-level fields that differ from `a` (older) to `b` (newer), in form
/// order ([`ActivityContent::FIELDS`]), compared as JSON values.
pub fn diff(a: &ActivityContent, b: &ActivityContent) -> Vec<FieldChange> {
    let a = serde_json::to_value(a).expect("activity content serialises");
    let b = serde_json::to_value(b).expect("activity content serialises");
    ActivityContent::FIELDS
        .iter()
        .filter(|f| a[**f] != b[**f])
        .map(|f| FieldChange {
            field: (*f).to_owned(),
            before: a[*f].clone(),
            after: b[*f].clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::activity::{
        Art9Exception, CriminalDataGround, RetentionSource, SpecialCategory, Transfer,
    };
    use crate::register::assert_ids_consistent;
    use serde_json::json;

    fn authority() -> Organisation {
        Organisation {
            name: "Exempeluniversitetet".into(),
            is_public_authority: true,
            ..Organisation::default()
        }
    }

    fn company() -> Organisation {
        Organisation {
            name: "Exempel AB".into(),
            ..Organisation::default()
        }
    }

    fn processor(id: i64, agreement: bool) -> Processor {
        Processor {
            id,
            name: format!("Biträde {id}"),
            agreement_in_place: agreement,
            ..Processor::default()
        }
    }

    /// A complete, correct activity of a public authority.
    fn complete() -> ActivityContent {
        ActivityContent {
            name: "Antagning av studenter".into(),
            purposes: vec!["Handlägga ansökningar och antagning".into()],
            unit: "Studentavdelningen".into(),
            owner: "Antagningschef".into(),
            data_subject_categories: vec!["Sökande".into()],
            data_subject_count: Some(5000),
            personal_data_categories: vec!["Kontaktuppgifter".into(), "Meriter".into()],
            special_categories: vec![SpecialCategory::Health],
            art9_exceptions: vec![Art9Exception::SubstantialPublicInterest],
            art9_provision: "DSL 3 kap. 3 § 2".into(),
            personnummer: true,
            personnummer_justification: Some(PersonnummerJustification::SecureIdentification),
            personnummer_reasoning: "Säker identifiering av sökande".into(),
            legal_basis: Some(LegalBasis::PublicTask),
            legal_basis_source_kind: Some(crate::register::LegalBasisSource::Law),
            legal_basis_source: "Högskoleförordningen (1993:100) 7 kap.".into(),
            official_authority: true,
            recipients: vec!["Universitets- och högskolerådet".into()],
            processor_ids: vec![1],
            transfers: vec![Transfer {
                country: "Schweiz".into(),
                recipient: "Partneruniversitet".into(),
                mechanism: Some(TransferMechanism::AdequacyDecision),
                ..Transfer::default()
            }],
            retention: "Gallras 2 år efter beslut".into(),
            retention_source_kind: Some(RetentionSource::RiksarkivetRegulation),
            retention_source: "RA-MS 2019:1".into(),
            security_measures: "Behörighetsstyrning, loggning, kryptering".into(),
            ..ActivityContent::default()
        }
    }

    #[test]
    fn ids_are_consistent_and_every_rule_is_described() {
        assert_ids_consistent(Severity::ALL, Severity::as_str);
        assert_ids_consistent(Rule::ALL, Rule::as_str);
        for r in Rule::ALL {
            assert!(
                ActivityContent::FIELDS.contains(&r.field()),
                "{r}: field {} is not a content field",
                r.field()
            );
            assert!(!r.article().is_empty());
            assert_ne!(r.label(Lang::Sv), r.label(Lang::En));
        }
    }

    #[test]
    fn complete_public_authority_activity_has_no_violations() {
        let v = validate_for_submit(&complete(), &authority(), &[processor(1, true)]);
        assert_eq!(v, vec![], "{v:#?}");
        assert!(!blocks_submission(&v));
    }

    #[test]
    fn empty_draft_is_blocked_but_passes_live_check() {
        let empty = ActivityContent::default();
        assert_eq!(check(&empty, &authority(), &[]), vec![]);
        let v = validate_for_submit(&empty, &authority(), &[]);
        assert!(blocks_submission(&v));
        let rules: Vec<_> = v.iter().map(|v| v.rule).collect();
        assert_eq!(
            rules,
            [
                Rule::NameMissing,
                Rule::PurposesMissing,
                Rule::DataSubjectCategoriesMissing,
                Rule::PersonalDataCategoriesMissing,
                Rule::LegalBasisMissing,
                Rule::RetentionMissing,
                Rule::SecurityMeasuresMissing,
            ]
        );
    }

    type Edit = fn(&mut ActivityContent);

    struct Case {
        rule: Rule,
        severity: Severity,
        article: &'static str,
        field: &'static str,
        org: fn() -> Organisation,
        processors: &'static [(i64, bool)],
        /// Makes `complete()` break the rule.
        triggers: Edit,
        /// A similar change that does not break it.
        passes: Edit,
    }

    fn cases() -> Vec<Case> {
        use Rule::*;
        use Severity::{Error, Warning};
        vec![
            Case {
                rule: NameMissing,
                severity: Error,
                article: "GDPR Art. 30(1)",
                field: "name",
                org: authority,
                processors: &[(1, true)],
                triggers: |c| c.name = "  ".into(),
                passes: |c| c.name = "Lön".into(),
            },
            Case {
                rule: PurposesMissing,
                severity: Error,
                article: "GDPR Art. 30(1)(b)",
                field: "purposes",
                org: authority,
                processors: &[(1, true)],
                triggers: |c| c.purposes = vec![String::new()],
                passes: |c| c.purposes = vec![String::new(), "Lön".into()],
            },
            Case {
                rule: DataSubjectCategoriesMissing,
                severity: Error,
                article: "GDPR Art. 30(1)(c)",
                field: "data_subject_categories",
                org: authority,
                processors: &[(1, true)],
                triggers: |c| c.data_subject_categories.clear(),
                passes: |c| c.data_subject_categories = vec!["Anställda".into()],
            },
            Case {
                rule: PersonalDataCategoriesMissing,
                severity: Error,
                article: "GDPR Art. 30(1)(c)",
                field: "personal_data_categories",
                org: authority,
                processors: &[(1, true)],
                triggers: |c| c.personal_data_categories.clear(),
                passes: |c| c.personal_data_categories = vec!["Namn".into()],
            },
            Case {
                rule: LegalBasisMissing,
                severity: Error,
                article: "GDPR Art. 6(1)",
                field: "legal_basis",
                org: authority,
                processors: &[(1, true)],
                triggers: |c| c.legal_basis = None,
                passes: |c| c.legal_basis = Some(LegalBasis::LegalObligation),
            },
            Case {
                rule: RetentionMissing,
                severity: Error,
                article: "GDPR Art. 30(1)(f)",
                field: "retention",
                org: authority,
                processors: &[(1, true)],
                triggers: |c| c.retention.clear(),
                passes: |c| c.retention = "Bevaras".into(),
            },
            Case {
                rule: SecurityMeasuresMissing,
                severity: Warning,
                article: "GDPR Art. 30(1)(g)",
                field: "security_measures",
                org: authority,
                processors: &[(1, true)],
                triggers: |c| c.security_measures.clear(),
                passes: |c| c.security_measures = "Kryptering".into(),
            },
            Case {
                rule: DpiaNotReferenced,
                severity: Warning,
                article: "GDPR Art. 35(1)",
                field: "dpia_ref",
                org: authority,
                processors: &[(1, true)],
                triggers: |c| c.large_scale = true, // with health data: Art. 35(3)(b)
                passes: |c| {
                    c.large_scale = true;
                    c.dpia_ref = "DPIA 2025:3".into();
                },
            },
            Case {
                rule: LegitimateInterestsPublicAuthority,
                severity: Error,
                article: "GDPR Art. 6(1)(f), second subparagraph",
                field: "legal_basis",
                org: authority,
                processors: &[(1, true)],
                triggers: |c| c.legal_basis = Some(LegalBasis::LegitimateInterests),
                passes: |c| {
                    c.legal_basis = Some(LegalBasis::LegitimateInterests);
                    c.outside_public_tasks = true;
                },
            },
            Case {
                rule: ConsentOfficialAuthority,
                severity: Warning,
                article: "GDPR Art. 6(1)(a), recital 43",
                field: "legal_basis",
                org: authority,
                processors: &[(1, true)],
                triggers: |c| c.legal_basis = Some(LegalBasis::Consent),
                passes: |c| {
                    c.legal_basis = Some(LegalBasis::Consent);
                    c.official_authority = false;
                },
            },
            Case {
                rule: LegalBasisSourceMissing,
                severity: Warning,
                article: "GDPR Art. 6(3); DSL 2 kap. 1–2 §§",
                field: "legal_basis_source",
                org: authority,
                processors: &[(1, true)],
                triggers: |c| c.legal_basis_source.clear(),
                passes: |c| {
                    c.legal_basis_source.clear();
                    c.legal_basis = Some(LegalBasis::Contract);
                },
            },
            Case {
                rule: SpecialCategoriesWithoutException,
                severity: Error,
                article: "GDPR Art. 9(2)",
                field: "art9_exceptions",
                org: authority,
                processors: &[(1, true)],
                triggers: |c| c.art9_exceptions.clear(),
                passes: |c| {
                    c.art9_exceptions.clear();
                    c.special_categories.clear();
                },
            },
            Case {
                rule: CriminalDataWithoutGround,
                severity: Error,
                article: "GDPR Art. 10",
                field: "criminal_data_ground",
                org: authority,
                processors: &[(1, true)],
                triggers: |c| c.criminal_offence_data = true,
                passes: |c| {
                    c.criminal_offence_data = true;
                    c.criminal_data_ground = Some(CriminalDataGround::OfficialAuthority);
                },
            },
            Case {
                rule: PersonnummerWithoutJustification,
                severity: Error,
                article: "DSL 3 kap. 10 §",
                field: "personnummer_justification",
                org: authority,
                processors: &[(1, true)],
                triggers: |c| c.personnummer_justification = None,
                passes: |c| {
                    c.personnummer_justification = Some(PersonnummerJustification::Consent);
                    c.personnummer_reasoning.clear();
                },
            },
            Case {
                rule: PersonnummerWithoutJustification,
                severity: Error,
                article: "DSL 3 kap. 10 §",
                field: "personnummer_justification",
                org: authority,
                processors: &[(1, true)],
                triggers: |c| c.personnummer_reasoning.clear(),
                passes: |c| {
                    c.personnummer = false;
                    c.personnummer_justification = None;
                },
            },
            Case {
                rule: ProcessorAgreementMissing,
                severity: Error,
                article: "GDPR Art. 28(3)",
                field: "processor_ids",
                org: authority,
                processors: &[(1, true), (2, false)],
                triggers: |c| c.processor_ids.push(2),
                passes: |c| c.processor_ids = vec![1],
            },
            Case {
                rule: TransferWithoutMechanism,
                severity: Error,
                article: "GDPR Art. 44",
                field: "transfers",
                org: authority,
                processors: &[(1, true)],
                triggers: |c| c.transfers[0].mechanism = None,
                passes: |c| {
                    c.transfers[0].mechanism = Some(TransferMechanism::StandardContractualClauses)
                },
            },
            Case {
                rule: TransferWithoutMechanism,
                severity: Error,
                article: "GDPR Art. 44",
                field: "transfers",
                org: authority,
                processors: &[(1, true)],
                triggers: |c| c.transfers[0].mechanism = Some(TransferMechanism::Derogation),
                passes: |c| {
                    c.transfers[0].mechanism = Some(TransferMechanism::Derogation);
                    c.transfers[0].derogation = Some(Art49Derogation::PublicInterest);
                },
            },
            Case {
                rule: TransferDerogationClosedToAuthority,
                severity: Error,
                article: "GDPR Art. 49(3)",
                field: "transfers",
                org: authority,
                processors: &[(1, true)],
                triggers: |c| {
                    c.transfers[0].mechanism = Some(TransferMechanism::Derogation);
                    c.transfers[0].derogation = Some(Art49Derogation::ExplicitConsent);
                },
                passes: |c| {
                    c.transfers[0].mechanism = Some(TransferMechanism::Derogation);
                    c.transfers[0].derogation = Some(Art49Derogation::LegalClaims);
                },
            },
            Case {
                rule: TransferSafeguardsUndocumented,
                severity: Error,
                article: "GDPR Art. 49(6)",
                field: "transfers",
                org: company,
                processors: &[(1, true)],
                triggers: |c| {
                    c.transfers[0].mechanism = Some(TransferMechanism::Derogation);
                    c.transfers[0].derogation =
                        Some(Art49Derogation::CompellingLegitimateInterests);
                },
                passes: |c| {
                    c.transfers[0].mechanism = Some(TransferMechanism::Derogation);
                    c.transfers[0].derogation =
                        Some(Art49Derogation::CompellingLegitimateInterests);
                    c.transfers[0].safeguards = "Bedömning 2025-01-10; pseudonymisering".into();
                },
            },
            Case {
                rule: ResearchWithoutEthicsApproval,
                severity: Error,
                article: "Etikprövningslagen (2003:460) 3 §, 6 §",
                field: "ethics_approval_ref",
                org: authority,
                processors: &[(1, true)],
                triggers: |c| c.research = true,
                passes: |c| {
                    c.research = true;
                    c.ethics_approval_ref = "Dnr 2025-01234-01".into();
                },
            },
            Case {
                rule: RetentionSourceMissing,
                severity: Warning,
                article: "TF 2 kap. 23 §",
                field: "retention_source",
                org: authority,
                processors: &[(1, true)],
                triggers: |c| c.retention_source.clear(),
                passes: |c| c.retention_source = "Gallringsbeslut dnr 2024/12".into(),
            },
        ]
    }

    #[test]
    fn each_rule_triggers_and_passes() {
        let mut covered = std::collections::HashSet::new();
        for case in cases() {
            let org = (case.org)();
            let processors: Vec<_> = case
                .processors
                .iter()
                .map(|&(id, ok)| processor(id, ok))
                .collect();

            let mut bad = complete();
            (case.triggers)(&mut bad);
            let v = validate_for_submit(&bad, &org, &processors);
            let hit: Vec<_> = v.iter().filter(|v| v.rule == case.rule).collect();
            assert_eq!(hit.len(), 1, "{}: {v:#?}", case.rule);
            let hit = hit[0];
            assert_eq!(hit.article, case.article, "{}", case.rule);
            assert_eq!(hit.field, case.field, "{}", case.rule);
            assert_eq!(hit.severity, case.severity, "{}", case.rule);
            assert!(!hit.message(Lang::Sv).is_empty() && !hit.message(Lang::En).is_empty());
            assert_ne!(hit.message_sv, hit.message_en);
            assert_eq!(
                blocks_submission(&v),
                v.iter().any(|v| v.severity == Severity::Error)
            );
            if case.severity == Severity::Error {
                assert!(blocks_submission(&v), "{}", case.rule);
            }
            // The live check reports consistency rules too.
            assert_eq!(
                check(&bad, &org, &processors)
                    .iter()
                    .any(|v| v.rule == case.rule),
                !case.rule.is_completeness()
            );

            let mut good = complete();
            (case.passes)(&mut good);
            let v = validate_for_submit(&good, &org, &processors);
            assert!(
                v.iter().all(|v| v.rule != case.rule),
                "{} fired on the passing case: {v:#?}",
                case.rule
            );
            covered.insert(case.rule);
        }
        assert_eq!(covered.len(), Rule::ALL.len(), "every rule has a case");
    }

    #[test]
    fn authority_only_rules_do_not_apply_to_companies() {
        let mut c = complete();
        c.legal_basis = Some(LegalBasis::LegitimateInterests);
        c.retention_source.clear();
        c.transfers[0].mechanism = Some(TransferMechanism::Derogation);
        c.transfers[0].derogation = Some(Art49Derogation::ExplicitConsent);
        let v = validate_for_submit(&c, &company(), &[processor(1, true)]);
        assert_eq!(v, vec![], "{v:#?}");
    }

    #[test]
    fn one_violation_per_offending_record() {
        let mut c = complete();
        c.processor_ids = vec![1, 2, 3, 99];
        c.transfers.push(Transfer {
            country: "Indien".into(),
            ..Transfer::default()
        });
        c.transfers.push(Transfer::default());
        let processors = [processor(1, true), processor(2, false), processor(3, false)];
        let v = check(&c, &authority(), &processors);
        let agreements: Vec<_> = v
            .iter()
            .filter(|v| v.rule == Rule::ProcessorAgreementMissing)
            .map(|v| v.message(Lang::En))
            .collect();
        assert_eq!(
            agreements,
            [
                "The processor Biträde 2 has no processing agreement (Art. 28(3)).",
                "The processor Biträde 3 has no processing agreement (Art. 28(3))."
            ]
        );
        let transfers: Vec<_> = v
            .iter()
            .filter(|v| v.rule == Rule::TransferWithoutMechanism)
            .collect();
        assert_eq!(transfers.len(), 2);
        assert!(transfers[0].message_sv.contains("Indien"));
        assert_eq!(missing_processors(&c, &processors), vec![99]);
    }

    #[test]
    fn violation_json_has_the_contract_shape() {
        let mut c = complete();
        c.legal_basis = Some(LegalBasis::LegitimateInterests);
        let v = check(&c, &authority(), &[processor(1, true)]);
        assert_eq!(v.len(), 1);
        let json = serde_json::to_value(v[0].to_json(Lang::En)).unwrap();
        assert_eq!(
            json,
            json!({
                "rule": "legitimate_interests_public_authority",
                "field": "legal_basis",
                "article": "GDPR Art. 6(1)(f), second subparagraph",
                "severity": "error",
                "message": v[0].message_en,
            })
        );
        assert_eq!(v[0].to_json(Lang::Sv).message, v[0].message_sv);
        let back: ViolationJson = serde_json::from_value(json).unwrap();
        assert_eq!(back.rule, Rule::LegitimateInterestsPublicAuthority);
    }

    #[test]
    fn diff_lists_changed_fields_in_form_order() {
        let a = complete();
        let mut b = a.clone();
        assert_eq!(diff(&a, &b), vec![]);
        b.name = "Antagning".into();
        b.legal_basis = Some(LegalBasis::LegalObligation);
        b.processor_ids.push(5);
        let d = diff(&a, &b);
        let fields: Vec<_> = d.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["name", "legal_basis", "processor_ids"]);
        assert_eq!(d[1].before, json!("public_task"));
        assert_eq!(d[1].after, json!("legal_obligation"));
        assert_eq!(d[2].after, json!([1, 5]));
        let from_empty = diff(&ActivityContent::default(), &a);
        assert!(from_empty.iter().any(|f| f.field == "special_categories"
            && f.before == json!([])
            && f.after == json!(["health"])));
    }
}
