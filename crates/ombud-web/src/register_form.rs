//! The activity form, described once as data: which field is what kind of
//! input, in which section. Pages render it from this description and read
//! the posted form back through it, so the form always covers every field of
//! [`ActivityContent`] (a test checks that).

use std::collections::BTreeMap;

use ombud_core::incident::{Art34Exception, BreachType, NotificationPhase, Risk};
use ombud_core::lang::Lang;
use ombud_core::register::{
    ActivityContent, Art9Exception, Art49Derogation, CriminalDataGround, DataSource, LegalBasis,
    LegalBasisSource, PersonnummerJustification, PrivacySensitiveData, Processor, RetentionSource,
    SpecialCategory, System, TransferMechanism, ViolationJson,
};
use serde_json::{Map, Value, json};

use crate::i18n::Tr;

/// What kind of input a field is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Area,
    /// A list of texts, one per line.
    Lines,
    Bool,
    Number,
    Date,
    /// One value of a closed list (or none).
    One,
    /// Any number of values of a closed list.
    Many,
    /// Transfers outside the EU/EEA: rows of country, recipient, mechanism, derogation, safeguards.
    Transfers,
    /// A Stockholm wall-clock time, `YYYY-MM-DDTHH:MM`; read into RFC 3339 with its offset.
    DateTime,
    /// A secret: never shown back; left empty, the stored value is kept.
    Password,
}

/// The form: sections of (field name, kind), in the order shown.
pub type Sections = &'static [(&'static str, &'static [(&'static str, Kind)])];

/// A form: its sections and the catalogue prefix of its field labels
/// (`{prefix}.{name}`; hints are looked up under `hint.{name}`).
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub sections: Sections,
    pub labels: &'static str,
}

/// The activity form.
pub const ACTIVITY: Spec = Spec {
    sections: SECTIONS,
    labels: "field",
};

/// The activity form's sections.
pub const SECTIONS: Sections = &[
    (
        "section.identity",
        &[
            ("name", Kind::Text),
            ("purposes", Kind::Lines),
            ("unit", Kind::Text),
            ("owner", Kind::Text),
            ("joint_controllers", Kind::Lines),
            ("representative", Kind::Text),
        ],
    ),
    (
        "section.subjects",
        &[
            ("data_subject_categories", Kind::Lines),
            ("data_subject_count", Kind::Number),
            ("personal_data_categories", Kind::Lines),
            ("data_source", Kind::One),
            ("data_source_description", Kind::Text),
        ],
    ),
    (
        "section.legal_basis",
        &[
            ("legal_basis", Kind::One),
            ("legal_basis_source_kind", Kind::One),
            ("legal_basis_source", Kind::Text),
            ("outside_public_tasks", Kind::Bool),
            ("official_authority", Kind::Bool),
        ],
    ),
    (
        "section.sensitive",
        &[
            ("special_categories", Kind::Many),
            ("art9_exceptions", Kind::Many),
            ("art9_provision", Kind::Text),
            ("criminal_offence_data", Kind::Bool),
            ("criminal_data_ground", Kind::One),
            ("criminal_data_provision", Kind::Text),
            ("personnummer", Kind::Bool),
            ("personnummer_justification", Kind::One),
            ("personnummer_reasoning", Kind::Area),
            ("privacy_sensitive_data", Kind::Many),
        ],
    ),
    (
        "section.sharing",
        &[
            ("recipients", Kind::Lines),
            ("processor_ids", Kind::Many),
            ("transfers", Kind::Transfers),
        ],
    ),
    (
        "section.retention",
        &[
            ("retention", Kind::Text),
            ("retention_source_kind", Kind::One),
            ("retention_source", Kind::Text),
            ("security_measures", Kind::Area),
            ("system_ids", Kind::Many),
        ],
    ),
    (
        "section.automation",
        &[
            ("automated_decisions", Kind::Bool),
            ("profiling", Kind::Bool),
            ("automated_decisions_description", Kind::Area),
        ],
    ),
    (
        "section.research",
        &[
            ("research", Kind::Bool),
            ("ethics_approval_ref", Kind::Text),
            ("ethics_approval_date", Kind::Date),
        ],
    ),
    (
        "section.dpia",
        &[
            ("evaluation_or_scoring", Kind::Bool),
            ("systematic_monitoring", Kind::Bool),
            ("public_area_monitoring", Kind::Bool),
            ("large_scale", Kind::Bool),
            ("matching_datasets", Kind::Bool),
            ("vulnerable_data_subjects", Kind::Bool),
            ("new_technology", Kind::Bool),
            ("prevents_exercise_of_rights", Kind::Bool),
            ("dpia_ref", Kind::Text),
        ],
    ),
    ("section.notice", &[("public_notice", Kind::Bool)]),
];

/// A choice in a list.
#[derive(Debug, Clone)]
pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

fn labels<T: Copy>(
    all: &[T],
    id: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| (id(*v).to_owned(), label(*v).to_owned()))
        .collect()
}

/// What the open lists of a form choose from (records in the store).
#[derive(Debug, Clone, Copy, Default)]
pub struct Choices<'a> {
    pub processors: &'a [Processor],
    pub systems: &'a [System],
    /// Processing activities as (id, name).
    pub activities: &'a [(i64, String)],
    /// The register's categories of data subjects.
    pub categories: &'a [String],
}

/// The distinct categories of data subjects of the register in force, sorted.
pub fn register_categories(activities: &[ombud_core::register::Activity]) -> Vec<String> {
    let mut v: Vec<String> = activities
        .iter()
        .flat_map(|a| a.content.data_subject_categories.iter())
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty())
        .collect();
    v.sort_by_key(|c| c.to_lowercase());
    v.dedup_by(|a, b| a.eq_ignore_ascii_case(b) || a.to_lowercase() == b.to_lowercase());
    v
}

/// The closed list a field chooses from.
pub fn options(field: &str, lang: Lang, c: &Choices) -> Vec<(String, String)> {
    macro_rules! list {
        ($t:ty) => {
            labels(<$t>::ALL, |v| v.as_str(), |v| v.label(lang))
        };
    }
    match field {
        "legal_basis" => list!(LegalBasis),
        "legal_basis_source_kind" => list!(LegalBasisSource),
        "special_categories" => list!(SpecialCategory),
        "art9_exceptions" => list!(Art9Exception),
        "criminal_data_ground" => list!(CriminalDataGround),
        "personnummer_justification" => list!(PersonnummerJustification),
        "privacy_sensitive_data" => list!(PrivacySensitiveData),
        "data_source" => list!(DataSource),
        "retention_source_kind" => list!(RetentionSource),
        "mechanism" => list!(TransferMechanism),
        "derogation" => list!(Art49Derogation),
        "breach_types" => list!(BreachType),
        "risk" => list!(Risk),
        "exception" => list!(Art34Exception),
        "phase" => list!(NotificationPhase),
        "security" => crate::mail::Security::ALL
            .iter()
            .map(|s| (s.as_str().to_owned(), s.as_str().to_uppercase()))
            .collect(),
        "notify" | "inform" => vec![
            ("yes".into(), lang.pick("Ja", "Yes").into()),
            ("no".into(), lang.pick("Nej", "No").into()),
        ],
        "right" => list!(ombud_core::request::Right),
        "channel" => list!(ombud_core::request::Channel),
        "language" => vec![
            ("sv".into(), "Svenska".into()),
            ("en".into(), "English".into()),
        ],
        "identity_method" => list!(ombud_core::request::IdentityMethod),
        "outcome" => list!(ombud_core::request::AnswerOutcome),
        "restriction_grounds" => list!(ombud_core::request::RestrictionGround),
        "objection_decision" => list!(ombud_core::request::ObjectionDecision),
        "data_subject_categories" => c
            .categories
            .iter()
            .map(|x| (x.clone(), x.clone()))
            .collect(),
        "found_activity" => c
            .activities
            .iter()
            .map(|(id, name)| (id.to_string(), name.clone()))
            .collect(),
        "found_system" => c
            .systems
            .iter()
            .map(|s| (s.id.to_string(), s.name.clone()))
            .collect(),
        "activity_ids" => c
            .activities
            .iter()
            .map(|(id, name)| (id.to_string(), name.clone()))
            .collect(),
        "processor_ids" => c
            .processors
            .iter()
            .map(|p| (p.id.to_string(), p.name.clone()))
            .collect(),
        "system_ids" => c
            .systems
            .iter()
            .map(|s| (s.id.to_string(), s.name.clone()))
            .collect(),
        _ => Vec::new(),
    }
}

/// One transfer row of the form.
#[derive(Debug, Clone, Default)]
pub struct TransferRow {
    pub index: usize,
    pub legend: String,
    pub country: String,
    pub recipient: String,
    pub mechanism: Vec<Opt>,
    pub derogation: Vec<Opt>,
    pub safeguards: String,
}

/// A field ready to render.
#[derive(Debug, Clone)]
pub struct Field {
    pub name: &'static str,
    pub label: String,
    pub hint: String,
    pub kind: Kind,
    /// The text of a text, area, lines, number or date input.
    pub text: String,
    pub checked: bool,
    pub options: Vec<Opt>,
    pub transfers: Vec<TransferRow>,
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
}

impl Field {
    pub fn is(&self, kind: &str) -> bool {
        let k = match self.kind {
            Kind::Text => "text",
            Kind::Area => "area",
            Kind::Lines => "lines",
            Kind::Bool => "bool",
            Kind::Number => "number",
            Kind::Date => "date",
            Kind::One => "one",
            Kind::Many => "many",
            Kind::Transfers => "transfers",
            Kind::DateTime => "datetime",
            Kind::Password => "password",
        };
        k == kind
    }
    pub fn invalid(&self) -> bool {
        !self.errors.is_empty()
    }
    /// The input's `autocomplete` purpose (WCAG 1.3.5), for fields about a person.
    pub fn autocomplete(&self) -> &'static str {
        match self.name {
            "name" => "name",
            "email" => "email",
            "phone" => "tel",
            "address" => "street-address",
            _ => "",
        }
    }

    /// The `type` of a one-line input: `email` and `tel` where they apply.
    pub fn input_type(&self) -> &'static str {
        match self.name {
            "email" | "dpo_email" => "email",
            "phone" | "dpo_phone" => "tel",
            _ => "text",
        }
    }

    /// The ids of the hint and messages, for `aria-describedby`.
    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if !self.hint.is_empty() {
            ids.push(format!("{}-hint", self.name));
        }
        if !self.errors.is_empty() || !self.warnings.is_empty() {
            ids.push(format!("{}-msg", self.name));
        }
        ids.join(" ")
    }
}

/// A section of the form.
#[derive(Debug, Clone)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub fields: Vec<Field>,
}

/// What the user typed, by input name (repeated names keep every value).
pub type Posted = BTreeMap<String, Vec<String>>;

/// Reads a urlencoded body.
pub fn posted(body: &[u8]) -> Posted {
    let mut out = Posted::new();
    for (k, v) in form_urlencoded::parse(body) {
        out.entry(k.into_owned()).or_default().push(v.into_owned());
    }
    out
}

/// An RFC 3339 instant as the Stockholm wall clock of a `datetime-local`
/// input (`YYYY-MM-DDTHH:MM`); other text is shown as it is.
fn wall_clock(s: &str) -> String {
    use time::format_description::well_known::Rfc3339;
    match time::OffsetDateTime::parse(s, &Rfc3339) {
        Ok(t) => {
            let t = ombud_core::calendar::to_stockholm(t).unwrap_or(t);
            format!("{}T{:02}:{:02}", t.date(), t.hour(), t.minute())
        }
        Err(_) => s.to_owned(),
    }
}

/// A Stockholm wall-clock time (`YYYY-MM-DDTHH:MM`, or with a space) as
/// RFC 3339 with the offset in force then; `None` for anything else,
/// including a time skipped by the change to summer time.
pub fn read_wall_clock(raw: &str) -> Option<String> {
    use time::format_description::well_known::Rfc3339;
    let fmt = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]");
    let local = time::PrimitiveDateTime::parse(&raw.trim().replacen('T', " ", 1), fmt).ok()?;
    let t = ombud_core::calendar::resolve_stockholm(local).ok()?;
    t.format(&Rfc3339).ok()
}

fn first<'a>(p: &'a Posted, name: &str) -> &'a str {
    p.get(name)
        .and_then(|v| v.first())
        .map(String::as_str)
        .unwrap_or("")
}

/// The values of a content as the form shows them.
pub fn from_content(c: &ActivityContent) -> Posted {
    values_of(
        ACTIVITY,
        &serde_json::to_value(c).expect("activity content serialises"),
    )
}

/// The values of any record (as JSON) as a form of `spec` shows them.
pub fn values_of(spec: Spec, value: &Value) -> Posted {
    let mut out = Posted::new();
    for (_, fields) in spec.sections {
        for (name, kind) in *fields {
            let v = &value[*name];
            let texts: Vec<String> = match (kind, v) {
                (Kind::Transfers, Value::Array(rows)) => {
                    for (i, row) in rows.iter().enumerate() {
                        for part in [
                            "country",
                            "recipient",
                            "mechanism",
                            "derogation",
                            "safeguards",
                        ] {
                            if let Some(s) = row[part].as_str() {
                                out.insert(format!("transfers.{i}.{part}"), vec![s.to_owned()]);
                            }
                        }
                    }
                    continue;
                }
                (Kind::Lines, Value::Array(items)) => {
                    vec![
                        items
                            .iter()
                            .filter_map(Value::as_str)
                            .collect::<Vec<_>>()
                            .join("\n"),
                    ]
                }
                (_, Value::Array(items)) => items
                    .iter()
                    .map(|i| {
                        i.as_str()
                            .map(str::to_owned)
                            .unwrap_or_else(|| i.to_string())
                    })
                    .collect(),
                (Kind::Password, _) => Vec::new(),
                (Kind::DateTime, Value::String(s)) => vec![wall_clock(s)],
                (_, Value::Bool(true)) => vec!["on".into()],
                (_, Value::Bool(false) | Value::Null) => Vec::new(),
                (_, Value::String(s)) => vec![s.clone()],
                (_, other) => vec![other.to_string()],
            };
            out.insert((*name).to_owned(), texts);
        }
    }
    out
}

/// Problems reading the form, by field.
pub type FieldErrors = BTreeMap<String, Vec<String>>;

/// Reads the posted form into content. Fields that cannot be read (a number
/// that is not a number, a date that is no date) are reported and left empty;
/// the caller keeps `p` to show what was typed.
pub fn to_content(p: &Posted, t: Tr) -> (ActivityContent, FieldErrors) {
    let (obj, mut errors) = json_of(ACTIVITY, p, t);
    match serde_json::from_value::<ActivityContent>(Value::Object(obj)) {
        Ok(c) => (c, errors),
        Err(e) => {
            errors
                .entry("form".into())
                .or_default()
                .push(format!("{}: {e}", t.t("form.value_invalid")));
            (ActivityContent::default(), errors)
        }
    }
}

/// Reads a posted form of `spec` into a JSON object, with the fields that could not be read.
pub fn json_of(spec: Spec, p: &Posted, t: Tr) -> (Map<String, Value>, FieldErrors) {
    let mut obj = Map::new();
    let mut errors = FieldErrors::new();
    for (_, fields) in spec.sections {
        for (name, kind) in *fields {
            let raw = first(p, name).trim();
            let v = match kind {
                Kind::Text | Kind::Area | Kind::Password => json!(raw),
                Kind::DateTime if raw.is_empty() => Value::Null,
                Kind::DateTime => match read_wall_clock(raw) {
                    Some(t) => json!(t),
                    None => {
                        errors
                            .entry((*name).into())
                            .or_default()
                            .push(t.t("form.datetime_invalid").into());
                        Value::Null
                    }
                },
                Kind::Lines => json!(
                    raw.lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .collect::<Vec<_>>()
                ),
                Kind::Bool => json!(!raw.is_empty()),
                Kind::Number if raw.is_empty() => Value::Null,
                Kind::Number => match raw.replace([' ', '\u{a0}'], "").parse::<u64>() {
                    Ok(n) => json!(n),
                    Err(_) => {
                        errors
                            .entry((*name).into())
                            .or_default()
                            .push(t.t("form.number_invalid").into());
                        Value::Null
                    }
                },
                Kind::Date if raw.is_empty() => Value::Null,
                Kind::Date => {
                    let fmt = time::macros::format_description!("[year]-[month]-[day]");
                    match time::Date::parse(raw, fmt) {
                        Ok(_) => json!(raw),
                        Err(_) => {
                            errors
                                .entry((*name).into())
                                .or_default()
                                .push(t.t("form.date_invalid").into());
                            Value::Null
                        }
                    }
                }
                Kind::One if raw.is_empty() => Value::Null,
                Kind::One => json!(raw),
                Kind::Many if name.ends_with("_ids") => {
                    json!(
                        p.get(*name)
                            .into_iter()
                            .flatten()
                            .filter_map(|v| v.parse::<i64>().ok())
                            .collect::<Vec<_>>()
                    )
                }
                Kind::Many => json!(p.get(*name).cloned().unwrap_or_default()),
                Kind::Transfers => {
                    let mut rows = Vec::new();
                    for i in 0.. {
                        let part =
                            |x: &str| first(p, &format!("transfers.{i}.{x}")).trim().to_owned();
                        if !p.contains_key(&format!("transfers.{i}.country")) {
                            break;
                        }
                        let (country, recipient) = (part("country"), part("recipient"));
                        if country.is_empty() && recipient.is_empty() {
                            continue;
                        }
                        let opt = |s: String| if s.is_empty() { Value::Null } else { json!(s) };
                        rows.push(json!({
                            "country": country, "recipient": recipient,
                            "mechanism": opt(part("mechanism")), "derogation": opt(part("derogation")),
                            "safeguards": part("safeguards"),
                        }));
                    }
                    json!(rows)
                }
            };
            obj.insert((*name).to_owned(), v);
        }
    }
    (obj, errors)
}

/// A small form that records one part of a larger record (a decision, an
/// outcome), several of which share a page: its spec, the key it posts to,
/// and how its field names (unique on the page) map to the record's JSON.
pub struct SubForm {
    pub key: &'static str,
    pub spec: Spec,
    /// (form field, JSON field) where they differ.
    pub renames: &'static [(&'static str, &'static str)],
    /// Fields holding `yes`/`no` for a JSON boolean.
    pub yes_no: &'static [&'static str],
    /// Single-choice fields holding a record id (JSON number).
    pub ids: &'static [&'static str],
    /// Fields that must be filled in.
    pub required: &'static [&'static str],
}

impl SubForm {
    /// No fields and no mapping: the base the forms fill in with `..SubForm::NONE`.
    pub const NONE: SubForm = SubForm {
        key: "",
        spec: Spec {
            sections: &[],
            labels: "",
        },
        renames: &[],
        yes_no: &[],
        ids: &[],
        required: &[],
    };

    /// The form's name of JSON field `json_field`.
    pub fn form_name(&self, json_field: &str) -> String {
        self.renames
            .iter()
            .find(|(_, j)| *j == json_field)
            .map(|(f, _)| (*f).to_owned())
            .unwrap_or_else(|| json_field.to_owned())
    }

    /// Reads the posted form into the record's type.
    pub fn read<T: serde::de::DeserializeOwned>(
        &self,
        p: &Posted,
        t: Tr,
    ) -> Result<T, FieldErrors> {
        let (mut obj, mut errors) = json_of(self.spec, p, t);
        for name in self.required {
            let empty = match obj.get(*name) {
                None | Some(Value::Null) => true,
                Some(Value::String(s)) => s.is_empty(),
                Some(Value::Array(a)) => a.is_empty(),
                _ => false,
            };
            if empty && !errors.contains_key(*name) {
                errors
                    .entry((*name).into())
                    .or_default()
                    .push(t.t("form.required").into());
            }
        }
        for name in self.yes_no {
            let v = obj.get(*name).and_then(Value::as_str).map(|s| s == "yes");
            obj.insert((*name).into(), json!(v.unwrap_or(false)));
        }
        for name in self.ids {
            let v = obj
                .get(*name)
                .and_then(Value::as_str)
                .and_then(|s| s.parse::<i64>().ok());
            obj.insert((*name).into(), json!(v));
        }
        for (form, json_field) in self.renames {
            if let Some(v) = obj.remove(*form) {
                obj.insert((*json_field).into(), v);
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        serde_json::from_value(Value::Object(obj)).map_err(|e| {
            let mut errors = FieldErrors::new();
            errors.insert(
                self.spec.sections[0].1[0].0.into(),
                vec![format!("{}: {e}", t.t("form.value_invalid"))],
            );
            errors
        })
    }

    /// Rule messages as field errors in this form's names; a message about
    /// something that is not a field of the form goes to its first field, so
    /// none is lost.
    pub fn errors_of<'a>(&self, v: impl IntoIterator<Item = (&'a str, String)>) -> FieldErrors {
        let fields: Vec<&str> = self
            .spec
            .sections
            .iter()
            .flat_map(|(_, f)| f.iter().map(|(n, _)| *n))
            .collect();
        let mut errors = FieldErrors::new();
        for (field, message) in v {
            let name = self.form_name(field);
            let name = if fields.contains(&name.as_str()) {
                name
            } else {
                fields.first().map(|f| (*f).to_owned()).unwrap_or(name)
            };
            errors.entry(name).or_default().push(message);
        }
        errors
    }

    /// What the form shows for a recorded value (JSON), or empty.
    pub fn values(&self, recorded: Option<Value>) -> Posted {
        let Some(Value::Object(mut obj)) = recorded else {
            return Posted::new();
        };
        for (form, json_field) in self.renames {
            if let Some(v) = obj.remove(*json_field) {
                obj.insert((*form).into(), v);
            }
        }
        for name in self.yes_no {
            let yes = obj.get(*name).and_then(Value::as_bool).unwrap_or(false);
            obj.insert((*name).into(), json!(if yes { "yes" } else { "no" }));
        }
        for name in self.ids {
            if let Some(n) = obj.get(*name).and_then(Value::as_i64) {
                obj.insert((*name).into(), json!(n.to_string()));
            }
        }
        values_of(self.spec, &Value::Object(obj))
    }
}

/// A sub-form that was refused: shown again as it was posted, with its errors.
pub struct Refused {
    pub key: String,
    pub posted: Posted,
    pub errors: FieldErrors,
}

/// What sub-form `f` shows: the refused post if it is the refused form,
/// else the recorded value.
pub fn shown(
    f: &SubForm,
    refused: Option<&Refused>,
    recorded: Option<Value>,
) -> (Posted, FieldErrors) {
    match refused {
        Some(x) if x.key == f.key => (x.posted.clone(), x.errors.clone()),
        _ => (f.values(recorded), FieldErrors::new()),
    }
}

/// Every field error of a form as (field, "label: message"), for the
/// summary at the top that links to each field.
pub fn problems(sections: &[Section]) -> Vec<(String, String)> {
    sections
        .iter()
        .flat_map(|s| &s.fields)
        .flat_map(|f| {
            f.errors
                .iter()
                .map(move |e| (f.name.to_owned(), format!("{}: {e}", f.label)))
        })
        .collect()
}

/// Builds the sections to render from the typed values and the messages.
pub fn sections(
    p: &Posted,
    errors: &FieldErrors,
    violations: &[ViolationJson],
    t: Tr,
    processors: &[Processor],
    systems: &[System],
) -> Vec<Section> {
    let choices = Choices {
        processors,
        systems,
        ..Default::default()
    };
    sections_of(ACTIVITY, p, errors, violations, t, &choices)
}

/// Builds the sections of any form.
pub fn sections_of(
    spec: Spec,
    p: &Posted,
    errors: &FieldErrors,
    violations: &[ViolationJson],
    t: Tr,
    choices: &Choices,
) -> Vec<Section> {
    let lang = t.lang;
    let opts = |field: &str, chosen: &[String]| -> Vec<Opt> {
        options(field, lang, choices)
            .into_iter()
            .map(|(value, label)| Opt {
                selected: chosen.contains(&value),
                value,
                label,
            })
            .collect()
    };
    spec.sections
        .iter()
        .map(|(title, fields)| Section {
            id: title.replace('.', "-"),
            title: t.t(title).to_owned(),
            fields: fields
                .iter()
                .map(|(name, kind)| {
                    let values = p.get(*name).cloned().unwrap_or_default();
                    let mut field_errors = errors.get(*name).cloned().unwrap_or_default();
                    let mut warnings = Vec::new();
                    for v in violations.iter().filter(|v| v.field == *name) {
                        let text = format!("{} ({})", v.message, v.article);
                        if v.severity == ombud_core::register::Severity::Error {
                            field_errors.push(text)
                        } else {
                            warnings.push(text)
                        }
                    }
                    let transfers = if *kind == Kind::Transfers {
                        let mut n = 0;
                        while p.contains_key(&format!("transfers.{n}.country")) {
                            n += 1;
                        }
                        (0..=n)
                            .map(|i| {
                                let part =
                                    |x: &str| first(p, &format!("transfers.{i}.{x}")).to_owned();
                                TransferRow {
                                    index: i,
                                    legend: t.f("register.transfer", &[("n", &(i + 1))]),
                                    country: part("country"),
                                    recipient: part("recipient"),
                                    mechanism: opts("mechanism", &[part("mechanism")]),
                                    derogation: opts("derogation", &[part("derogation")]),
                                    safeguards: part("safeguards"),
                                }
                            })
                            .collect()
                    } else {
                        Vec::new()
                    };
                    // A form's own hint (`hint.{labels}.{name}`) before the shared one.
                    let own_key = format!("hint.{}.{name}", spec.labels);
                    let hint_key = if t.t(&own_key) == own_key {
                        format!("hint.{name}")
                    } else {
                        own_key
                    };
                    let hint = t.t(&hint_key);
                    Field {
                        name,
                        label: t.t(&format!("{}.{name}", spec.labels)).to_owned(),
                        hint: if hint == hint_key {
                            String::new()
                        } else {
                            hint.to_owned()
                        },
                        kind: *kind,
                        text: values.first().cloned().unwrap_or_default(),
                        checked: values.first().is_some_and(|v| !v.is_empty()),
                        options: opts(name, &values),
                        transfers,
                        errors: field_errors,
                        warnings,
                    }
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, SV};

    #[test]
    fn the_form_covers_every_field_once_and_every_label_exists() {
        let mut names: Vec<&str> = SECTIONS
            .iter()
            .flat_map(|(_, f)| f.iter().map(|(n, _)| *n))
            .collect();
        let mut expected = ActivityContent::FIELDS.to_vec();
        names.sort();
        expected.sort();
        assert_eq!(names, expected);
        for name in names {
            for (lang, cat) in [("sv", &*SV), ("en", &*EN)] {
                assert!(
                    cat.contains_key(&format!("field.{name}")),
                    "field.{name} missing in {lang}"
                );
            }
        }
        for (title, _) in SECTIONS {
            assert!(
                SV.contains_key(*title) && EN.contains_key(*title),
                "{title}"
            );
        }
    }

    #[test]
    fn content_survives_the_form_round_trip() {
        let c: ActivityContent = serde_json::from_value(json!({
            "name": "Antagning", "purposes": ["Antagning", "Statistik"], "data_subject_count": 25000,
            "legal_basis": "public_task", "special_categories": ["health"], "art9_exceptions": ["substantial_public_interest"],
            "processor_ids": [2, 5], "personnummer": true, "ethics_approval_date": "2025-03-01",
            "transfers": [{"country": "USA", "recipient": "Molnet Inc.", "mechanism": "standard_contractual_clauses", "derogation": null, "safeguards": ""}],
            "public_notice": true
        }))
        .unwrap();
        let t = Tr::new(Lang::En);
        let (back, errors) = to_content(&from_content(&c), t);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(back, c);
    }

    #[test]
    fn unreadable_numbers_and_dates_are_reported_and_kept() {
        let mut p = from_content(&ActivityContent {
            name: "X".into(),
            ..Default::default()
        });
        p.insert("data_subject_count".into(), vec!["cirka tusen".into()]);
        p.insert("ethics_approval_date".into(), vec!["2025-02-30".into()]);
        let t = Tr::new(Lang::Sv);
        let (c, errors) = to_content(&p, t);
        assert_eq!(c.name, "X");
        assert_eq!(
            errors.keys().collect::<Vec<_>>(),
            ["data_subject_count", "ethics_approval_date"]
        );
        let s = sections(&p, &errors, &[], t, &[], &[]);
        let count = s
            .iter()
            .flat_map(|s| &s.fields)
            .find(|f| f.name == "data_subject_count")
            .unwrap();
        assert_eq!(count.text, "cirka tusen", "what was typed is shown again");
        assert!(count.invalid());
    }
}
