//! Reading a register document (the JSON export) back in, checked before
//! anything is stored.
//!
//! [`parse_register`] is pure: it reads the whole file, collects *every*
//! problem it finds — each with its list, row and field — and returns either
//! all of them or a [`RegisterImport`] ready for the store, which stores it
//! in one transaction. Rows are counted from 1 in the order of the file's
//! list (`activities`, `processors`, `systems`).
//!
//! What is checked: the document's `format` and `version`; every field of
//! every record against its type and closed list (one problem per bad
//! field, not one per record); unknown fields (a misspelt field would
//! otherwise be dropped without a word); that activities are `approved` —
//! the file is a register in force and importing a draft as approved would
//! skip the review; unique processor and system ids and unique activity
//! names; that `processor_ids` and `system_ids` name records in the file;
//! and the rule checks of [`validate_for_submit`] — an error blocks the
//! import, warnings do not (an approver may have accepted them).

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use time::Date;

use super::activity::{ActivityContent, Processor, Status, System};
use super::export::{FORMAT, VERSION};
use super::org::Organisation;
use super::rules::{Severity, validate_for_submit};
use crate::lang::Lang;

/// A checked register, ready to be stored. Processor and system ids are the
/// file's own; the store gives them new ids and rewrites the activities'
/// `processor_ids` and `system_ids` to match.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RegisterImport {
    /// Replaces the organisation's settings.
    pub organisation: Organisation,
    pub processors: Vec<Processor>,
    pub systems: Vec<System>,
    /// Stored as approved, version 1, in this order.
    pub activities: Vec<ImportedActivity>,
}

/// One activity to import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedActivity {
    pub content: ActivityContent,
    /// The next yearly review, kept from the file.
    pub review_due: Option<Date>,
}

/// Which part of the document a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The top level (`format`, `version`, the lists themselves).
    Document,
    Organisation,
    Processor,
    System,
    Activity,
}

/// One thing wrong with an import file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    pub section: Section,
    /// The position in its list, from 1 (`None` for the document and the organisation).
    pub row: Option<usize>,
    /// The record's name, when it has one.
    pub name: Option<String>,
    /// The JSON field, e.g. `legal_basis`.
    pub field: String,
    pub message: String,
}

impl fmt::Display for ImportProblem {
    /// `row 3 (activity "Lön"), field legal_basis: …`, `processors row 2
    /// ("Molnbolaget AB"), field id: …`, `organisation, field units: …`,
    /// `field format: …`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = |f: &mut fmt::Formatter<'_>, kind: &str| match &self.name {
            Some(n) if kind.is_empty() => write!(f, " ({n:?})"),
            Some(n) => write!(f, " ({kind} {n:?})"),
            None => Ok(()),
        };
        match (self.section, self.row) {
            (Section::Activity, Some(row)) => {
                write!(f, "row {row}")?;
                name(f, "activity")?;
                f.write_str(", ")?;
            }
            (Section::Processor, Some(row)) => {
                write!(f, "processors row {row}")?;
                name(f, "")?;
                f.write_str(", ")?;
            }
            (Section::System, Some(row)) => {
                write!(f, "systems row {row}")?;
                name(f, "")?;
                f.write_str(", ")?;
            }
            (Section::Organisation, _) => f.write_str("organisation, ")?,
            _ => {}
        }
        write!(f, "field {}: {}", self.field, self.message)
    }
}

/// The fields of an exported activity that the server owns; accepted on
/// import (and, except `status` and `review_due`, not used).
const SERVER_FIELDS: &[&str] = &[
    "id",
    "status",
    "version",
    "created_at",
    "updated_at",
    "submitted_at",
    "approved_at",
    "review_due",
];

/// Collects problems for one section and row.
struct Problems {
    all: Vec<ImportProblem>,
}

impl Problems {
    fn add(
        &mut self,
        section: Section,
        row: Option<usize>,
        name: Option<&str>,
        field: &str,
        message: impl Into<String>,
    ) {
        self.all.push(ImportProblem {
            section,
            row,
            name: name.filter(|n| !n.trim().is_empty()).map(str::to_owned),
            field: field.to_owned(),
            message: message.into(),
        });
    }
}

/// The serde message without serde_json's position suffix, which refers to
/// a one-field document the user never sees.
fn serde_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.find(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

/// Parses `obj` as `T` field by field, so each bad field is its own problem;
/// `known` lists the fields `T` has, `extra` fields that are allowed but not
/// part of `T`. Returns `None` when any field failed.
fn parse_fields<T: DeserializeOwned>(
    obj: &Map<String, Value>,
    known: &[&str],
    extra: &[&str],
    mut problem: impl FnMut(&str, String),
) -> Option<T> {
    let mut ok = true;
    for (key, value) in obj {
        if known.contains(&key.as_str()) {
            let one = Value::Object(Map::from_iter([(key.clone(), value.clone())]));
            if let Err(e) = serde_json::from_value::<T>(one) {
                problem(key, serde_message(&e));
                ok = false;
            }
        } else if !extra.contains(&key.as_str()) {
            problem(key, "unknown field".to_owned());
            ok = false;
        }
    }
    if !ok {
        return None;
    }
    let known_only: Map<String, Value> = obj
        .iter()
        .filter(|(k, _)| known.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    match serde_json::from_value(Value::Object(known_only)) {
        Ok(t) => Some(t),
        Err(e) => {
            problem("-", serde_message(&e));
            None
        }
    }
}

const PROCESSOR_FIELDS: &[&str] = &[
    "id",
    "name",
    "org_number",
    "contact",
    "location",
    "agreement_in_place",
    "agreement_date",
    "agreement_ref",
    "sub_processors",
];
const SYSTEM_FIELDS: &[&str] = &["id", "name", "owner", "hosting", "location"];
const ORGANISATION_FIELDS: &[&str] = &[
    "name",
    "org_number",
    "address",
    "email",
    "phone",
    "is_public_authority",
    "dpo",
    "units",
];

fn name_of(obj: &Map<String, Value>) -> Option<&str> {
    obj.get("name").and_then(Value::as_str)
}

/// Reads a list of records, each parsed field by field, checking unique ids.
fn records<T: DeserializeOwned>(
    doc: &Map<String, Value>,
    list: &str,
    section: Section,
    fields: &[&str],
    id_of: impl Fn(&T) -> i64,
    p: &mut Problems,
) -> Vec<T> {
    let mut out = Vec::new();
    let items = match doc.get(list) {
        None => return out,
        Some(Value::Array(items)) => items,
        Some(_) => {
            p.add(Section::Document, None, None, list, "must be a list");
            return out;
        }
    };
    let mut ids = HashSet::new();
    for (i, item) in items.iter().enumerate() {
        let row = Some(i + 1);
        let Value::Object(obj) = item else {
            p.add(section, row, None, "-", "must be an object");
            continue;
        };
        let name = name_of(obj);
        let parsed: Option<T> = parse_fields(obj, fields, &[], |field, msg| {
            p.add(section, row, name, field, msg)
        });
        if let Some(t) = parsed {
            if !ids.insert(id_of(&t)) {
                p.add(
                    section,
                    row,
                    name,
                    "id",
                    format!("id {} appears more than once", id_of(&t)),
                );
            }
            out.push(t);
        }
    }
    out
}

/// Checks a register document (the JSON export) and returns what to store,
/// or every problem found. Rule messages are in `lang`.
pub fn parse_register(text: &str, lang: Lang) -> Result<RegisterImport, Vec<ImportProblem>> {
    let mut p = Problems { all: Vec::new() };
    let doc = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(doc)) => doc,
        Ok(_) => {
            p.add(
                Section::Document,
                None,
                None,
                "-",
                "the file must hold a JSON object",
            );
            return Err(p.all);
        }
        Err(e) => {
            p.add(
                Section::Document,
                None,
                None,
                "-",
                format!("not valid JSON: {e}"),
            );
            return Err(p.all);
        }
    };
    match doc.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        other => p.add(
            Section::Document,
            None,
            None,
            "format",
            format!("must be {FORMAT:?}, found {other:?}"),
        ),
    }
    match doc.get("version").and_then(Value::as_u64) {
        Some(v) if v == u64::from(VERSION) => {}
        other => p.add(
            Section::Document,
            None,
            None,
            "version",
            format!("must be {VERSION}, found {other:?}"),
        ),
    }

    let organisation = match doc.get("organisation") {
        Some(Value::Object(obj)) => {
            parse_fields::<Organisation>(obj, ORGANISATION_FIELDS, &[], |field, msg| {
                p.add(Section::Organisation, None, None, field, msg)
            })
        }
        Some(_) => {
            p.add(
                Section::Document,
                None,
                None,
                "organisation",
                "must be an object",
            );
            None
        }
        None => {
            p.add(Section::Document, None, None, "organisation", "missing");
            None
        }
    };
    let processors: Vec<Processor> = records(
        &doc,
        "processors",
        Section::Processor,
        PROCESSOR_FIELDS,
        |x: &Processor| x.id,
        &mut p,
    );
    let systems: Vec<System> = records(
        &doc,
        "systems",
        Section::System,
        SYSTEM_FIELDS,
        |x: &System| x.id,
        &mut p,
    );
    let processor_ids: HashMap<i64, &Processor> = processors.iter().map(|x| (x.id, x)).collect();
    let system_ids: HashSet<i64> = systems.iter().map(|x| x.id).collect();

    let mut activities = Vec::new();
    let items = match doc.get("activities") {
        Some(Value::Array(items)) => items.as_slice(),
        Some(_) => {
            p.add(
                Section::Document,
                None,
                None,
                "activities",
                "must be a list",
            );
            &[]
        }
        None => {
            p.add(Section::Document, None, None, "activities", "missing");
            &[]
        }
    };
    let mut names: HashMap<String, usize> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let row = Some(i + 1);
        let Value::Object(obj) = item else {
            p.add(Section::Activity, row, None, "-", "must be an object");
            continue;
        };
        let name = name_of(obj).map(str::to_owned);
        let name = name.as_deref();
        let mut add = |field: &str, msg: String| p.add(Section::Activity, row, name, field, msg);

        let key = name.unwrap_or_default().trim().to_lowercase();
        if !key.is_empty() {
            match names.get(&key) {
                Some(first) => add("name", format!("the same name as row {first}")),
                None => {
                    names.insert(key, i + 1);
                }
            }
        }
        match obj.get("status") {
            None => {}
            Some(s) if s.as_str() == Some(Status::Approved.as_str()) => {}
            Some(s) => add(
                "status",
                format!("is {s}; only approved activities (the register in force) can be imported"),
            ),
        }
        let review_due = match obj.get("review_due") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => {
                let fmt = time::macros::format_description!("[year]-[month]-[day]");
                match Date::parse(s, &fmt) {
                    Ok(d) => Some(d),
                    Err(_) => {
                        add("review_due", format!("{s:?} is not a date YYYY-MM-DD"));
                        None
                    }
                }
            }
            Some(other) => {
                add("review_due", format!("{other} is not a date YYYY-MM-DD"));
                None
            }
        };
        let Some(content) =
            parse_fields::<ActivityContent>(obj, ActivityContent::FIELDS, SERVER_FIELDS, &mut add)
        else {
            continue;
        };

        let mut refs_ok = true;
        for id in &content.processor_ids {
            if !processor_ids.contains_key(id) {
                add(
                    "processor_ids",
                    format!("processor {id} is not among the file's processors"),
                );
                refs_ok = false;
            }
        }
        for id in &content.system_ids {
            if !system_ids.contains(id) {
                add(
                    "system_ids",
                    format!("system {id} is not among the file's systems"),
                );
                refs_ok = false;
            }
        }
        if let (Some(org), true) = (&organisation, refs_ok) {
            let used: Vec<Processor> = content
                .processor_ids
                .iter()
                .map(|id| processor_ids[id].clone())
                .collect();
            for v in validate_for_submit(&content, org, &used) {
                if v.severity == Severity::Error {
                    add(v.field, format!("{} ({})", v.message(lang), v.article));
                }
            }
        }
        activities.push(ImportedActivity {
            content,
            review_due,
        });
    }

    match (organisation, p.all.is_empty()) {
        (Some(organisation), true) => Ok(RegisterImport {
            organisation,
            processors,
            systems,
            activities,
        }),
        _ => Err(p.all),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::activity::tests::full_content;
    use crate::register::export::RegisterDocument;
    use crate::register::{Activity, LegalBasis};
    use serde_json::json;
    use time::macros::{date, datetime};

    fn org() -> Organisation {
        Organisation {
            name: "Exempeluniversitetet".into(),
            is_public_authority: true,
            ..Default::default()
        }
    }

    fn good_content(name: &str) -> ActivityContent {
        ActivityContent {
            name: name.into(),
            purposes: vec!["Lön".into()],
            data_subject_categories: vec!["Anställda".into()],
            personal_data_categories: vec!["Lön".into()],
            legal_basis: Some(LegalBasis::LegalObligation),
            legal_basis_source: "Skatteförfarandelagen (2011:1244)".into(),
            retention: "Tio år".into(),
            retention_source: "Förordning (2000:606)".into(),
            security_measures: "Behörighetsstyrning".into(),
            processor_ids: vec![7],
            system_ids: vec![3],
            ..Default::default()
        }
    }

    fn doc(activities: Vec<ActivityContent>) -> serde_json::Value {
        let acts = activities
            .into_iter()
            .enumerate()
            .map(|(i, content)| Activity {
                id: i as i64 + 10,
                status: Status::Approved,
                version: 2,
                content,
                created_at: datetime!(2025-01-01 00:00 UTC),
                updated_at: datetime!(2025-01-01 00:00 UTC),
                submitted_at: None,
                approved_at: Some(datetime!(2025-01-02 00:00 UTC)),
                review_due: Some(date!(2026 - 01 - 02)),
            })
            .collect();
        serde_json::to_value(RegisterDocument::new(
            datetime!(2026-01-01 00:00 UTC),
            org(),
            vec![Processor {
                id: 7,
                name: "Lönebyrån".into(),
                agreement_in_place: true,
                ..Default::default()
            }],
            vec![System {
                id: 3,
                name: "Primula".into(),
                ..Default::default()
            }],
            acts,
        ))
        .unwrap()
    }

    fn problems(v: &serde_json::Value) -> Vec<String> {
        parse_register(&v.to_string(), Lang::En)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn an_export_reads_back_whole() {
        let mut full = full_content();
        full.processor_ids = vec![7];
        full.system_ids = vec![3];
        full.legal_basis = Some(LegalBasis::PublicTask);
        let d = doc(vec![good_content("Lön"), full.clone()]);
        let import = parse_register(&d.to_string(), Lang::Sv).unwrap();
        assert_eq!(import.organisation, org());
        assert_eq!(import.processors[0].id, 7);
        assert_eq!(import.systems[0].name, "Primula");
        assert_eq!(import.activities.len(), 2);
        assert_eq!(import.activities[1].content, full, "every field kept");
        assert_eq!(import.activities[0].review_due, Some(date!(2026 - 01 - 02)));
    }

    #[test]
    fn every_problem_is_listed_with_row_and_field() {
        let mut d = doc(vec![
            good_content("Lön"),
            good_content("Rekrytering"),
            good_content("Lön"),
        ]);
        d["activities"][0]["legal_basis"] = json!("interest");
        d["activities"][0]["data_subject_count"] = json!("many");
        d["activities"][1]["legal_basis"] = json!("legitimate_interests");
        d["activities"][1]["review_due"] = json!("next year");
        d["activities"][2]["system_ids"] = json!([3, 99]);
        d["activities"][2]["legal_bases"] = json!("contract");
        let found = problems(&d);
        let expect = [
            "row 1 (activity \"Lön\"), field data_subject_count: invalid type: string \"many\", expected u64",
            "row 1 (activity \"Lön\"), field legal_basis: unknown variant `interest`",
            "row 2 (activity \"Rekrytering\"), field review_due: \"next year\" is not a date YYYY-MM-DD",
            "row 2 (activity \"Rekrytering\"), field legal_basis: A public authority may not rely on legitimate interests",
            "row 3 (activity \"Lön\"), field name: the same name as row 1",
            "row 3 (activity \"Lön\"), field legal_bases: unknown field",
        ];
        for e in expect {
            assert!(
                found.iter().any(|f| f.starts_with(e)),
                "{e}\nnot in\n{found:#?}"
            );
        }
        assert_eq!(found.len(), 6, "{found:#?}");
        // Once the unknown field is gone, the missing system is found too.
        d["activities"][2]
            .as_object_mut()
            .unwrap()
            .remove("legal_bases");
        let found = problems(&d);
        assert!(found.contains(&"row 3 (activity \"Lön\"), field system_ids: system 99 is not among the file's systems".to_owned()));
    }

    #[test]
    fn drafts_rule_errors_and_bad_records_are_refused() {
        let mut d = doc(vec![good_content("Lön")]);
        d["activities"][0]["status"] = json!("draft");
        d["activities"][0]["personnummer"] = json!(true);
        d["processors"][0]["agreement_in_place"] = json!(false);
        d["systems"] = json!([{"id": 3, "name": "A"}, {"id": 3, "name": "B"}]);
        let found = problems(&d);
        assert!(
            found
                .iter()
                .any(|f| f.starts_with("row 1 (activity \"Lön\"), field status: is \"draft\"")),
            "{found:#?}"
        );
        assert!(
            found
                .iter()
                .any(|f| f
                    .starts_with("row 1 (activity \"Lön\"), field personnummer_justification:"))
        );
        assert!(found.iter().any(|f| f.starts_with("row 1 (activity \"Lön\"), field processor_ids: The processor Lönebyrån has no processing agreement")));
        assert!(
            found.contains(
                &"systems row 2 (\"B\"), field id: id 3 appears more than once".to_owned()
            ),
            "{found:#?}"
        );
    }

    #[test]
    fn the_document_itself_is_checked() {
        let found = problems(&json!({"format": "other", "version": 2, "activities": {}}));
        assert_eq!(
            found,
            [
                "field format: must be \"ombud-register\", found Some(\"other\")",
                "field version: must be 1, found Some(2)",
                "field organisation: missing",
                "field activities: must be a list",
            ]
        );
        assert!(problems(&json!([1]))[0].contains("JSON object"));
        let bad = parse_register("{", Lang::En).unwrap_err();
        assert!(bad[0].message.starts_with("not valid JSON"));
        let mut d = doc(vec![]);
        d["organisation"]["is_public_authority"] = json!("yes");
        assert_eq!(
            problems(&d),
            [
                "organisation, field is_public_authority: invalid type: string \"yes\", expected a boolean"
            ]
        );
    }
}
