//! The interface languages. Texts live in `locales/{sv,en}.toml`, never in
//! templates; templates ask a [`Tr`] for them by key.

use std::collections::HashMap;
use std::sync::LazyLock;

use axum::http::HeaderMap;

pub use ombud_core::lang::Lang;

/// Picks the language: the user's choice (cookie) first, then the browser's
/// `Accept-Language` by quality, then Swedish.
pub fn negotiate(cookie: Option<&str>, headers: &HeaderMap) -> Lang {
    if let Some(l) = cookie.and_then(Lang::from_tag) {
        return l;
    }
    let accept = headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let mut best: Option<(f32, Lang)> = None;
    for part in accept.split(',') {
        let mut it = part.split(';');
        let tag = it.next().unwrap_or("").trim();
        let q = it
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.parse::<f32>().ok())
            .unwrap_or(1.0);
        if let Some(l) = Lang::from_tag(tag)
            && q > 0.0
            && best.is_none_or(|(bq, _)| q > bq)
        {
            best = Some((q, l));
        }
    }
    best.map(|(_, l)| l).unwrap_or_default()
}

type Catalog = HashMap<String, String>;

fn flatten(prefix: &str, table: &toml::Table, out: &mut Catalog) {
    for (k, v) in table {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::Table(t) => flatten(&key, t, out),
            toml::Value::String(s) => {
                out.insert(key, s.clone());
            }
            other => panic!("locale key {key} must be text, found {other}"),
        }
    }
}

fn load(source: &str) -> Catalog {
    let table: toml::Table = source.parse().expect("locale file is valid TOML");
    let mut out = Catalog::new();
    flatten("", &table, &mut out);
    out
}

pub(crate) static SV: LazyLock<Catalog> =
    LazyLock::new(|| load(include_str!("../locales/sv.toml")));
pub(crate) static EN: LazyLock<Catalog> =
    LazyLock::new(|| load(include_str!("../locales/en.toml")));

/// The texts of one language, handed to templates.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    pub lang: Lang,
}

impl Tr {
    pub fn new(lang: Lang) -> Self {
        Tr { lang }
    }

    fn catalog(&self) -> &'static Catalog {
        match self.lang {
            Lang::Sv => &SV,
            Lang::En => &EN,
        }
    }

    /// The text for `key`. A missing key shows as the key itself (and fails the catalog test).
    pub fn t<'a>(&self, key: &'a str) -> &'a str
    where
        'static: 'a,
    {
        self.catalog().get(key).map(String::as_str).unwrap_or(key)
    }

    /// The text for `key` with `{name}` placeholders filled in.
    pub fn f(&self, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        let mut s = self.t(key).to_owned();
        for (name, value) in args {
            s = s.replace(&format!("{{{name}}}"), &value.to_string());
        }
        s
    }

    /// The name of a role in this language.
    pub fn role(&self, role: impl std::borrow::Borrow<ombud_core::Role>) -> &'static str {
        let role = *role.borrow();
        let key = format!("role.{}", role.as_str());
        self.catalog()
            .get(&key)
            .map(String::as_str)
            .unwrap_or(role.as_str())
    }

    pub fn code(&self) -> &'static str {
        self.lang.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn catalogs_have_the_same_keys() {
        let mut sv: Vec<_> = SV.keys().collect();
        let mut en: Vec<_> = EN.keys().collect();
        sv.sort();
        en.sort();
        assert_eq!(sv, en);
        assert!(SV.len() > 50);
    }

    #[test]
    fn every_key_used_in_templates_and_code_exists() {
        let re_like = |src: &str| -> Vec<String> {
            // Keys are quoted dotted lower-case words passed to t(" or f(".
            let mut keys = Vec::new();
            for pat in ["t(\"", "f(\""] {
                let mut rest = src;
                while let Some(i) = rest.find(pat) {
                    rest = &rest[i + pat.len()..];
                    let end = rest.find('"').unwrap_or(0);
                    let key = &rest[..end];
                    if key.contains('.')
                        && key
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_')
                    {
                        keys.push(key.to_owned());
                    }
                }
            }
            keys
        };
        let mut checked = 0;
        for dir in ["templates", "src", "src/routes"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    continue;
                }
                let src = std::fs::read_to_string(&path).unwrap();
                for key in re_like(&src) {
                    assert!(
                        SV.contains_key(&key),
                        "{}: key {key} missing from the catalogs",
                        path.display()
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 50, "only {checked} keys found");
    }

    #[test]
    fn templates_hold_no_literal_text() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let src = std::fs::read_to_string(&path).unwrap();
            let b = src.as_bytes();
            let mut text = Vec::new();
            let mut in_tag = false;
            let mut i = 0;
            while i < b.len() {
                if let Some(close) = [(&b"{{"[..], "}}"), (b"{%", "%}"), (b"{#", "#}")]
                    .iter()
                    .find(|(open, _)| b[i..].starts_with(open))
                    .map(|(_, close)| close)
                {
                    i += src[i..].find(close).expect("closed template tag") + 2;
                    continue;
                }
                match b[i] {
                    b'<' => in_tag = true,
                    b'>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
                i += 1;
            }
            let text = String::from_utf8_lossy(&text);
            let letters: String = text.chars().filter(|c| c.is_alphabetic()).collect();
            assert!(
                letters.is_empty(),
                "{} has literal text outside template tags: {:?}",
                path.display(),
                text.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }
    }

    #[test]
    fn accept_language_is_negotiated_by_quality() {
        let h = |v: &'static str| {
            let mut m = HeaderMap::new();
            m.insert(
                axum::http::header::ACCEPT_LANGUAGE,
                HeaderValue::from_static(v),
            );
            m
        };
        assert_eq!(negotiate(None, &h("en-GB,en;q=0.9,sv;q=0.8")), Lang::En);
        assert_eq!(negotiate(None, &h("de-DE,sv;q=0.5,en;q=0.7")), Lang::En);
        assert_eq!(negotiate(None, &h("sv-SE,en;q=0.5")), Lang::Sv);
        assert_eq!(negotiate(None, &h("fr")), Lang::Sv);
        assert_eq!(negotiate(Some("en"), &h("sv")), Lang::En);
        assert_eq!(negotiate(None, &HeaderMap::new()), Lang::Sv);
    }

    #[test]
    fn placeholders_are_filled() {
        let t = Tr::new(Lang::En);
        assert_eq!(
            t.f("dashboard.welcome", &[("name", &"Anna")]),
            "Welcome, Anna."
        );
        assert_eq!(
            Tr::new(Lang::Sv).role(ombud_core::Role::Dpo),
            "Dataskyddsombud"
        );
    }
}
