//! The register of processing activities (GDPR Art. 30) and its rule checks.
//!
//! * [`org`] — the organisation's settings: the controller of Art. 30(1)(a).
//! * [`activity`] — a processing activity: what a user edits
//!   ([`ActivityContent`]), what the server owns around it ([`Activity`]), and
//!   the linked records [`Processor`] and [`System`].
//! * [`rules`] — the checks, as pure functions returning [`Violation`]s that
//!   cite their article and name the JSON field they concern.
//! * [`dpia`] — DPIA screening: WP248 criteria, IMY's Art. 35(4) list and the
//!   Art. 35(3) cases.
//!
//! Every closed list (legal bases, special categories, …) is an enum whose
//! JSON value is a stable snake_case id, with a Swedish and an English label
//! for the UI (`label(Lang)`) and an `ALL` list in display order.

/// Declares a closed list as an enum with a stable snake_case JSON id, `ALL`,
/// `as_str()`, `label(Lang)`, `Display` and `FromStr`.
macro_rules! labelled_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $id:literal, sv: $sv:literal, en: $en:literal;
            )+
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize, utoipa::ToSchema,
        )]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[serde(rename = $id)]
                $variant,
            )+
        }

        impl $name {
            /// Every value, in the order the UI lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable id used in JSON, the database and the API.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)+
                }
            }

            /// The label shown in forms, in the given language.
            pub fn label(self, lang: $crate::lang::Lang) -> &'static str {
                match self {
                    $($name::$variant => lang.pick($sv, $en),)+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::register::UnknownValue;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == s)
                    .ok_or_else(|| $crate::register::UnknownValue {
                        kind: stringify!($name),
                        value: s.to_owned(),
                    })
            }
        }
    };
}

pub mod activity;
pub mod dpia;
pub mod export;
pub mod filter;
pub mod import;
pub mod org;
pub mod rules;

pub use crate::lang::Lang;
pub use activity::{
    Activity, ActivityContent, Art9Exception, Art49Derogation, CriminalDataGround, DataSource,
    LegalBasis, LegalBasisSource, PersonnummerJustification, PrivacySensitiveData, Processor,
    RetentionSource, SpecialCategory, Status, SubProcessor, System, Transfer, TransferMechanism,
};
pub use dpia::{DpiaCriterion, DpiaScreening, ImyListItem, MandatoryDpiaCase, dpia_screening};
pub use org::{DpoContact, Organisation};
pub use rules::{
    FieldChange, Rule, Severity, Violation, ViolationJson, blocks_submission, check, diff,
    missing_processors, validate_for_submit,
};

/// A text was not one of the ids of a closed list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} {value:?}")]
pub struct UnknownValue {
    /// The name of the list, e.g. `LegalBasis`.
    pub kind: &'static str,
    /// The text that matched no id.
    pub value: String,
}

/// Asserts, for tests of every closed list, that `as_str`, serde and `FromStr`
/// agree, that ids are snake_case and unique, and that both labels exist.
#[cfg(test)]
pub(crate) fn assert_ids_consistent<T>(all: &[T], as_str: fn(T) -> &'static str)
where
    T: Copy + std::fmt::Debug + PartialEq + serde::Serialize + serde::de::DeserializeOwned,
{
    let mut seen = std::collections::HashSet::new();
    for &v in all {
        let id = as_str(v);
        assert!(seen.insert(id), "duplicate id {id}");
        assert!(
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{id} is not snake_case"
        );
        let json = serde_json::to_value(v).unwrap();
        assert_eq!(json, serde_json::Value::String(id.to_owned()));
        assert_eq!(serde_json::from_value::<T>(json).unwrap(), v);
    }
}
