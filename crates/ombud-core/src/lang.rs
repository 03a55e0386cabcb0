//! The languages Ombud's domain texts are written in.
//!
//! The web crate has its own i18n; it maps its language to [`Lang`] when it
//! asks the core for a label or a rule message.

use serde::{Deserialize, Serialize};

/// A language the core has texts in.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Swedish (`sv`), the default: Ombud is for Swedish organisations.
    #[default]
    Sv,
    /// English (`en`).
    En,
}

impl Lang {
    /// Both languages.
    pub const ALL: [Lang; 2] = [Lang::Sv, Lang::En];

    /// The BCP 47 tag: `sv` or `en`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The language of a tag such as `sv`, `EN` or `sv-SE` (the primary subtag counts).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        Lang::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(primary))
    }

    /// Picks the text in this language from a Swedish and an English one.
    pub fn pick<T>(self, sv: T, en: T) -> T {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_serde_agree() {
        for lang in Lang::ALL {
            assert_eq!(
                serde_json::to_string(&lang).unwrap(),
                format!("\"{}\"", lang.as_str())
            );
        }
        assert_eq!(Lang::En.pick("hej", "hello"), "hello");
        assert_eq!(Lang::default(), Lang::Sv);
        assert_eq!(Lang::from_tag("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("sv"), Some(Lang::Sv));
        assert_eq!(Lang::from_tag("de"), None);
    }
}
